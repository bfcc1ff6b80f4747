"""Umbral de confianza: responder «Ninguna» cuando el modelo duda.

Un clasificador siempre elige alguna clase, aunque la frase no sea de ninguna
asignatura. Una defensa sencilla es un **umbral de confianza**: si la probabilidad de
la clase ganadora no llega al umbral, respondemos ``"Ninguna"``. Completa
``aplicar_umbral(probabilidades, etiquetas, umbral)``:

- ``probabilidades``: array de numpy ``(n_frases, n_clases)``, una fila por frase;
- ``etiquetas``: nombre de cada columna;
- devuelve una lista con una etiqueta por frase: la de mayor probabilidad si esa
  probabilidad es **mayor o igual** que ``umbral``, y ``"Ninguna"`` si es menor.

Ejemplo::

    >>> probabilidades = np.array([[0.70, 0.20, 0.10],
    ...                            [0.40, 0.35, 0.25]])
    >>> aplicar_umbral(probabilidades, ["Historia", "Artes", "Religión"], 0.5)
    ['Historia', 'Ninguna']

Capítulo: «Clasificador multiclase», la parte sobre la clase `Ninguna` y el umbral de
confianza.
"""

import numpy as np


def aplicar_umbral(probabilidades, etiquetas, umbral):
    raise NotImplementedError
