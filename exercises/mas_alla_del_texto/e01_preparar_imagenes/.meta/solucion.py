"""Preparar imágenes para un ViT y contar sus piezas.

Un ViT (*Vision Transformer*) no recibe la imagen tal cual: su **procesador de imagen** la
redimensiona al lado que espera el modelo, pasa los valores de 0–255 a 0–1 y normaliza
cada canal de color con una media y una desviación típica: ``(valor / 255 - media) /
desviación``. Después, el modelo parte la imagen en parches cuadrados y cada parche hace
de pieza. Completa dos funciones:

- ``preparar_imagenes(imagenes, lado, media, desviacion)``: crea un
  ``ViTImageProcessorPil`` que redimensione a ``lado × lado`` píxeles
  (``size={"height": lado, "width": lado}``) y normalice con ``image_mean=media`` e
  ``image_std=desviacion`` (listas de tres números, uno por canal: rojo, verde, azul).
  Aplícalo a la lista de imágenes de PIL ``imagenes`` con ``return_tensors="pt"`` y
  devuelve el tensor ``pixel_values``, de forma (imágenes, 3, lado, lado).
- ``piezas_vit(configuracion)``: recibe un ``ViTConfig`` y devuelve (``int``) la longitud
  de la secuencia que procesa el codificador: un parche por cada cuadrado de
  ``patch_size × patch_size`` píxeles de una imagen de ``image_size × image_size``, más
  la pieza especial ``[CLS]``, cuyo vector final usa la cabeza de clasificación.

``ViTImageProcessorPil`` trabaja con PIL. ``ViTImageProcessor`` hace lo mismo, pero en
transformers 5 necesita ``torchvision`` (si no está instalado, avisa y usa el de PIL).

Ejemplo::

    >>> imagen = Image.new("RGB", (50, 40), (255, 0, 51))
    >>> pixeles = preparar_imagenes([imagen], 32, [0.5, 0.5, 0.5], [0.5, 0.5, 0.5])
    >>> tuple(pixeles.shape)
    (1, 3, 32, 32)
    >>> pixeles[0, :, 0, 0]    # rojo: (255/255 − 0,5) / 0,5 = 1; azul: (51/255 − 0,5) / 0,5
    tensor([ 1.0000, -1.0000, -0.6000])
    >>> piezas_vit(ViTConfig(image_size=224, patch_size=16))   # google/vit-base-patch16-224
    197

Capítulo: «Hugging Face más allá del texto», sección 2 (Imágenes).
"""

from transformers import ViTImageProcessorPil


def preparar_imagenes(imagenes, lado, media, desviacion):
    procesador = ViTImageProcessorPil(size={"height": lado, "width": lado},
                                      image_mean=media, image_std=desviacion)
    return procesador(list(imagenes), return_tensors="pt")["pixel_values"]


def piezas_vit(configuracion):
    por_lado = configuracion.image_size // configuracion.patch_size
    return por_lado * por_lado + 1  # los parches y la pieza [CLS]
