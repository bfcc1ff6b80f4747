"""Elegir el umbral de «Ninguna» con datos de validación.

Un umbral alto manda a ``Ninguna`` muchas frases que sí eran de una asignatura; uno
bajo no detecta ninguna frase ajena. El umbral se elige en **validación**, nunca en la
prueba. Completa ``elegir_umbral(probabilidades, reales, etiquetas, candidatos)``:

- para cada umbral de ``candidatos``, predice como en el ejercicio anterior (la clase de
  mayor probabilidad, o ``"Ninguna"`` si esa probabilidad es menor que el umbral);
- calcula el F1 macro de esas predicciones frente a ``reales`` con
  ``sklearn.metrics.f1_score(reales, predichas, average="macro", zero_division=0)``;
- devuelve, como ``float``, el umbral con **mayor F1 macro**; si varios empatan, el
  **más bajo** (el que cambia menos respuestas).

Ejemplo::

    >>> probabilidades = np.array([[0.9, 0.1], [0.2, 0.8], [0.55, 0.45], [0.6, 0.4]])
    >>> reales = ["Artes", "Historia", "Ninguna", "Artes"]
    >>> elegir_umbral(probabilidades, reales, ["Artes", "Historia"], [0.0, 0.58, 0.7, 0.95])
    0.58

Capítulo: «Clasificador multiclase», la parte sobre cómo elegir el umbral en
validación.
"""

import numpy as np
from sklearn.metrics import f1_score


def elegir_umbral(probabilidades, reales, etiquetas, candidatos):
    probabilidades = np.asarray(probabilidades)
    ganadoras = probabilidades.argmax(axis=1)
    confianzas = probabilidades.max(axis=1)
    mejor, mejor_f1 = None, -1.0
    for umbral in sorted(candidatos):
        predichas = [etiquetas[g] if c >= umbral else "Ninguna"
                     for g, c in zip(ganadoras, confianzas)]
        f1 = f1_score(reales, predichas, average="macro", zero_division=0)
        if f1 > mejor_f1 + 1e-12:
            mejor, mejor_f1 = float(umbral), f1
    return mejor
