import torch
from comprobaciones import comprobar, llamar
from PIL import Image
from transformers import ViTConfig, ViTModel

MEDIA, DESVIACION = [0.5, 0.4, 0.3], [0.2, 0.25, 0.5]


def comprobar_pixeles(valor, forma, entrada):
    """Falla con un mensaje claro si ``valor`` no es un tensor de PyTorch de forma ``forma``."""
    if not isinstance(valor, torch.Tensor):
        if valor is None:
            comprobar(valor, forma, entrada)  # explica el None (¿print en vez de return?)
        comprobar(type(valor).__name__, "Tensor", entrada + " (tipo del resultado)",
                  pista='Pide return_tensors="pt" y devuelve solo el tensor: '
                        'procesador(...)["pixel_values"], no el diccionario entero.')
    comprobar(list(valor.shape), forma, entrada + " (forma de pixel_values)",
              pista='Redimensiona con size={"height": lado, "width": lado}: la forma es '
                    "(imágenes, canales, alto, ancho).")


def test_forma_de_pixel_values(ejercicio):
    imagenes = [Image.new("RGB", (50, 40), (10, 20, 30)), Image.new("RGB", (20, 30), (200, 0, 0)),
                Image.new("RGB", (64, 64), (0, 0, 255))]
    entrada = (f"3 imágenes de PIL (50×40, 20×30 y 64×64 píxeles), lado=24, media={MEDIA}, "
               f"desviacion={DESVIACION}")
    pixeles = llamar(ejercicio, "preparar_imagenes", imagenes, 24, MEDIA, DESVIACION)
    comprobar_pixeles(pixeles, [3, 3, 24, 24], entrada)


def test_normaliza_cada_canal(ejercicio):
    color = (200, 100, 51)
    imagen = Image.new("RGB", (30, 30), color)
    entrada = f"una imagen de un solo color RGB {color}, lado=16, media={MEDIA}, desviacion={DESVIACION}"
    pixeles = llamar(ejercicio, "preparar_imagenes", [imagen], 16, MEDIA, DESVIACION)
    comprobar_pixeles(pixeles, [1, 3, 16, 16], entrada)
    esperado = [round((c / 255 - m) / d, 4) for c, m, d in zip(color, MEDIA, DESVIACION)]
    comprobar([round(float(pixeles[0, canal].mean()), 4) for canal in range(3)], esperado,
              entrada + " (valor de cada canal: rojo, verde, azul)", tolerancia=1e-3,
              pista="Cada canal se normaliza con su media y su desviación: (valor / 255 − media) / "
                    "desviación. Pasa image_mean=media e image_std=desviacion al procesador.")


def test_piezas_de_un_vit(ejercicio):
    casos = [dict(image_size=224, patch_size=16), dict(image_size=32, patch_size=8),
             dict(image_size=48, patch_size=16), dict(image_size=384, patch_size=32)]
    for caso in casos:
        obtenido = llamar(ejercicio, "piezas_vit", ViTConfig(**caso))
        por_lado = caso["image_size"] // caso["patch_size"]
        comprobar(obtenido, por_lado * por_lado + 1,
                  f"ViTConfig(image_size={caso['image_size']}, patch_size={caso['patch_size']})",
                  tipo=int,
                  pista=f"Caben {por_lado} × {por_lado} parches en la imagen; ¿has sumado la pieza "
                        "[CLS]?")
    torch.manual_seed(0)
    configuracion = ViTConfig(image_size=32, patch_size=8, hidden_size=32, num_hidden_layers=1,
                              num_attention_heads=2, intermediate_size=64)
    with torch.no_grad():
        salida = ViTModel(configuracion)(pixel_values=torch.zeros(1, 3, 32, 32))
    comprobar(llamar(ejercicio, "piezas_vit", configuracion), salida.last_hidden_state.shape[1],
              "un ViTModel diminuto (image_size=32, patch_size=8): longitud de last_hidden_state",
              tipo=int)
