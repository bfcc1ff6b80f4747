"""Similitud del coseno entre vectores de frases.

Un codificador convierte cada frase en un vector (*embedding* en inglés); dos frases de
significado parecido dan vectores que apuntan en direcciones parecidas. La similitud
del coseno mide exactamente eso:

    coseno(a, b) = (a · b) / (‖a‖ · ‖b‖)

Vale 1 si apuntan en la misma dirección, 0 si son perpendiculares y -1 si son opuestos,
sin importar su longitud. Completa dos funciones con numpy:

- ``similitud_coseno(a, b)``: la similitud de dos vectores, como ``float``;
- ``mas_parecida(consulta, candidatos)``: la posición (``int``) de la fila de
  ``candidatos`` (un array ``(n, dim)``) más parecida a ``consulta``. Si hay empate,
  la primera.

Ejemplo::

    >>> similitud_coseno(np.array([1.0, 0.0]), np.array([3.0, 4.0]))
    0.6
    >>> mas_parecida(np.array([1.0, 0.0]), np.array([[0.0, 2.0], [5.0, 1.0], [-1.0, 0.0]]))
    1

Capítulo: «Repaso de transformers», la parte sobre los vectores y la similitud del coseno.
"""

import numpy as np


def similitud_coseno(a, b):
    raise NotImplementedError


def mas_parecida(consulta, candidatos):
    raise NotImplementedError
