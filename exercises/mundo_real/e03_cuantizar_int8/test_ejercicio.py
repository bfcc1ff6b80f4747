import copy
import io

import torch
from comprobaciones import comprobar, llamar

ENTRADA = "Sequential(Sequential(Linear(64, 128), ReLU()), Linear(128, 4))"


def modelo_pequeno():
    torch.manual_seed(0)
    bloque = torch.nn.Sequential(torch.nn.Linear(64, 128), torch.nn.ReLU())
    return torch.nn.Sequential(bloque, torch.nn.Linear(128, 4)).eval()


def capas(modelo):
    """Nombre y tipo de cada capa (sin los parámetros empaquetados de las capas cuantizadas)."""
    return [(nombre, modulo._get_name()) for nombre, modulo in modelo.named_modules()
            if nombre and not nombre.endswith("_packed_params")]


def megabytes(modelo):
    memoria = io.BytesIO()
    torch.save(modelo.state_dict(), memoria)
    return memoria.getbuffer().nbytes / 1e6


def test_capas_lineales_cuantizadas(ejercicio):
    cuantizado = llamar(ejercicio, "cuantizar", modelo_pequeno())
    comprobar(capas(cuantizado) if isinstance(cuantizado, torch.nn.Module) else cuantizado,
              [("0", "Sequential"), ("0.0", "DynamicQuantizedLinear"), ("0.1", "ReLU"),
               ("1", "DynamicQuantizedLinear")],
              ENTRADA + " (nombre y tipo de cada capa del modelo devuelto)",
              pista="Usa torch.ao.quantization.quantize_dynamic(modelo, {torch.nn.Linear}, "
                    "dtype=torch.qint8): cambia cada Linear, también las anidadas.")
    tipos = [str(m.weight().dtype) for _, m in cuantizado.named_modules()
             if m._get_name() == "DynamicQuantizedLinear"]
    comprobar(tipos, ["torch.qint8", "torch.qint8"], ENTRADA + " (tipo de los pesos cuantizados)",
              pista="Pide enteros de 8 bits con dtype=torch.qint8 (no torch.float16).")


def test_salida_parecida(ejercicio):
    modelo = modelo_pequeno()
    cuantizado = llamar(ejercicio, "cuantizar", modelo)
    x = torch.randn(16, 64, generator=torch.Generator().manual_seed(1))
    with torch.no_grad():
        esperado = modelo(x)
        obtenido = llamar(cuantizado, "forward", x)
    diferencia = float((obtenido - esperado).abs().max())
    comprobar(diferencia < 0.05, True,
              ENTRADA + f" con 16 entradas al azar (¿diferencia máxima {diferencia:.4f} < 0.05?)",
              pista="La cuantización a int8 solo redondea los pesos: las salidas deben parecerse "
                    "mucho a las del modelo original. ¿Has cuantizado el modelo que recibes?")


def test_no_modifica_el_original(ejercicio):
    modelo = modelo_pequeno()
    antes = copy.deepcopy(modelo)
    cuantizado = llamar(ejercicio, "cuantizar", modelo)
    comprobar(capas(modelo), capas(antes), ENTRADA + " (capas del modelo original después)",
              pista="No uses inplace=True: quantize_dynamic devuelve una copia cuantizada y deja "
                    "el original como estaba.")
    comprobar(cuantizado is modelo, False, ENTRADA + " (¿devuelves el mismo objeto que recibes?)",
              pista="Devuelve la copia cuantizada, no el modelo original.")
    comprobar(all(torch.equal(a, b) for a, b in zip(modelo.state_dict().values(),
                                                    antes.state_dict().values())),
              True, ENTRADA + " (¿los pesos del original siguen iguales?)")


def test_ocupa_menos(ejercicio):
    torch.manual_seed(0)
    modelo = torch.nn.Sequential(torch.nn.Linear(256, 256), torch.nn.ReLU(),
                                 torch.nn.Linear(256, 256)).eval()
    cuantizado = llamar(ejercicio, "cuantizar", modelo)
    original, reducido = megabytes(modelo), megabytes(cuantizado)
    comprobar(reducido < original / 3, True,
              f"Sequential(Linear(256, 256), ReLU(), Linear(256, 256)) ({original:.3f} MB en "
              f"float32; cuantizado: {reducido:.3f} MB. ¿Menos de un tercio?)",
              pista="Con dtype=torch.qint8 cada peso ocupa 1 byte en vez de 4.")
