import io

import torch
from comprobaciones import comprobar, llamar


def referencia(modelo):
    memoria = io.BytesIO()
    torch.save(modelo.state_dict(), memoria)
    return memoria.getbuffer().nbytes / 1e6


def red_pequena():
    torch.manual_seed(0)
    return torch.nn.Sequential(torch.nn.Linear(100, 50), torch.nn.ReLU(), torch.nn.Linear(50, 10))


def test_ejemplo_del_enunciado(ejercicio):
    modelo = torch.nn.Linear(1000, 1000)
    comprobar(llamar(ejercicio, "megabytes", modelo), referencia(modelo),
              "torch.nn.Linear(1000, 1000) (1 001 000 parámetros)", tipo=float,
              pista="Guarda modelo.state_dict() con torch.save en un io.BytesIO y divide sus bytes "
                    "entre 1e6. Si te sale 3.82, has dividido entre 1024 × 1024.")


def test_red_pequena(ejercicio):
    modelo = red_pequena()
    parametros = sum(p.numel() for p in modelo.parameters())
    obtenido = llamar(ejercicio, "megabytes", modelo)
    entrada = (f"Sequential(Linear(100, 50), ReLU(), Linear(50, 10)) ({parametros} parámetros, "
               f"{parametros * 4} bytes de pesos + la cabecera de torch.save)")
    comprobar(obtenido, referencia(modelo), entrada, tipo=float,
              pista="Mide lo que escribe torch.save(modelo.state_dict(), memoria): los pesos más "
                    "unos pocos kilobytes de cabecera, no solo 4 × número de parámetros.")


def test_cuenta_los_buffers(ejercicio):
    torch.manual_seed(0)
    modelo = torch.nn.Sequential(torch.nn.Linear(200, 300), torch.nn.BatchNorm1d(300))
    comprobar(llamar(ejercicio, "megabytes", modelo), referencia(modelo),
              "Sequential(Linear(200, 300), BatchNorm1d(300)) (con running_mean y running_var)",
              tipo=float,
              pista="Guarda el state_dict(), que incluye los buffers de BatchNorm1d; "
                    "modelo.parameters() no los incluye.")


def test_no_modifica_el_modelo(ejercicio):
    modelo = red_pequena()
    antes = {k: v.clone() for k, v in modelo.state_dict().items()}
    llamar(ejercicio, "megabytes", modelo)
    despues = modelo.state_dict()
    comprobar(sorted(despues) == sorted(antes) and all(torch.equal(antes[k], despues[k])
                                                       for k in antes),
              True, "los pesos del modelo después de llamar a tu función (¿siguen iguales?)",
              pista="Solo hay que guardar el state_dict en memoria, sin cambiar el modelo.")
