"""Las predicciones menos seguras.

Para analizar errores conviene mirar las frases en las que el modelo duda. La
*confianza* de una predicción es la probabilidad de la clase ganadora (el máximo de su
fila). Completa ``menos_seguras(probabilidades, n)``:

- ``probabilidades``: array de numpy de forma ``(n_frases, n_clases)`` (una fila por
  frase, cada fila suma 1);
- devuelve una lista de ``n`` posiciones (``int``) de las filas con **menor
  confianza**, de la menos segura a la más segura. En caso de empate, primero la
  posición más baja. Si ``n`` es mayor que el número de frases, devuelve todas.

Ejemplo::

    >>> menos_seguras(np.array([[0.9, 0.1], [0.55, 0.45], [0.2, 0.8], [0.4, 0.6]]), 2)
    [1, 3]

Capítulo: «Clasificador binario», sección 9 (análisis de errores).
"""

import numpy as np


def menos_seguras(probabilidades, n):
    confianza = np.asarray(probabilidades).max(axis=1)
    orden = np.argsort(confianza, kind="stable")
    return [int(i) for i in orden[:n]]
