"""Elegir los fotogramas de un vídeo para VideoMAE.

Un clasificador de vídeo como VideoMAE recibe siempre el mismo número de fotogramas (16 el
de verdad, 4 el diminuto del capítulo), dure lo que dure el vídeo. El ``pipeline`` de vídeo
toma por defecto los **primeros**: con 8 fotogramas y un modelo de 4, solo ve la primera
mitad del bote de la pelota. Para que el modelo vea el vídeo entero, repartimos los
fotogramas elegidos de manera uniforme, del primero al último. Completa dos funciones:

- ``indices_fotogramas(total, num_fotogramas)``: devuelve, como array de numpy de enteros,
  los ``num_fotogramas`` índices ``np.linspace(0, total - 1, num_fotogramas)`` truncados a
  enteros (con ``.astype(int)``, como el ``pipeline``, que pide ``dtype=np.int64``). El
  primero es siempre 0 y el último, ``total - 1``. Si el vídeo tiene menos fotogramas de
  los que pide el modelo, algunos índices se repiten: el modelo recibe siempre
  ``num_fotogramas``.
- ``preparar_clip(fotogramas, num_fotogramas, lado)``: ``fotogramas`` es un array de
  numpy (fotogramas, alto, ancho, 3) de ``uint8``. Elige los fotogramas con
  ``indices_fotogramas`` y pásalos (como lista de fotogramas) por un
  ``VideoMAEImageProcessorPil`` creado con ``size={"shortest_edge": lado}`` y
  ``crop_size={"height": lado, "width": lado}``, con ``return_tensors="pt"``. Devuelve el
  tensor ``pixel_values``, de forma (1, num_fotogramas, 3, lado, lado): un vídeo, sus
  fotogramas, los canales de color, alto y ancho.

Como con las imágenes, ``VideoMAEImageProcessor`` hace lo mismo, pero en transformers 5
necesita ``torchvision``.

Ejemplo::

    >>> indices_fotogramas(8, 4)        # los 8 fotogramas de la pelota, para el modelo diminuto
    array([0, 2, 4, 7])
    >>> indices_fotogramas(3, 5)        # vídeo más corto que lo que pide el modelo
    array([0, 0, 1, 1, 2])
    >>> preparar_clip(np.stack(fotogramas), 4, 32).shape
    torch.Size([1, 4, 3, 32, 32])

Capítulo: «Hugging Face más allá del texto», sección 5 (Vídeo).
"""

import numpy as np
from transformers import VideoMAEImageProcessorPil


def indices_fotogramas(total, num_fotogramas):
    return np.linspace(0, total - 1, num_fotogramas).astype(int)


def preparar_clip(fotogramas, num_fotogramas, lado):
    elegidos = fotogramas[indices_fotogramas(len(fotogramas), num_fotogramas)]
    procesador = VideoMAEImageProcessorPil(size={"shortest_edge": lado},
                                           crop_size={"height": lado, "width": lado})
    return procesador(list(elegidos), return_tensors="pt")["pixel_values"]
