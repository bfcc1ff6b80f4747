"""Probabilidades con temperatura.

Al generar con muestreo, la temperatura ``t`` reparte las probabilidades: se divide cada
*logit* entre ``t`` antes de la softmax. Con ``t < 1`` el modelo es más conservador; con
``t > 1``, más creativo. Completa ``con_temperatura(logits, t)``: recibe una lista de
*logits* y un ``t > 0`` y devuelve un array de numpy con las probabilidades (suman 1).
Hazlo estable: resta el máximo antes de ``np.exp``.

Ejemplo::

    >>> con_temperatura([2.0, 1.0, 0.0], 1.0).round(3)
    array([0.665, 0.245, 0.09 ])

Capítulo: «Modelos GPT» (estrategias de generación).
"""

import numpy as np


def con_temperatura(logits, t):
    z = np.asarray(logits, dtype=float) / t
    z = np.exp(z - z.max())
    return z / z.sum()
