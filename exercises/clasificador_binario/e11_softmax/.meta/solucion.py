"""Softmax numéricamente estable con numpy.

El modelo devuelve *logits*; la función softmax los convierte en probabilidades:
``softmax(z)_i = exp(z_i) / sum_j exp(z_j)``. Completa ``softmax(logits)`` con numpy:

- acepta un vector (una frase) o una matriz (una fila por frase) y aplica softmax
  sobre el **último eje**, de modo que cada fila sume 1;
- devuelve un array de numpy de la misma forma;
- debe ser **estable**: con *logits* grandes como ``[1000, 1001]``, ``np.exp``
  desborda. Resta antes el máximo de cada fila (el resultado no cambia);
- no modifica el array que recibe.

Ejemplo::

    >>> softmax(np.array([2.0, 1.0, 0.1])).round(3)
    array([0.659, 0.242, 0.099])
    >>> softmax(np.array([[1000.0, 1001.0]])).round(3)
    array([[0.269, 0.731]])

Capítulo: «Clasificador binario», sección 8 (de *logits* a probabilidades).
"""

import numpy as np


def softmax(logits):
    logits = np.asarray(logits, dtype=float)
    desplazados = logits - logits.max(axis=-1, keepdims=True)
    exponenciales = np.exp(desplazados)
    return exponenciales / exponenciales.sum(axis=-1, keepdims=True)
