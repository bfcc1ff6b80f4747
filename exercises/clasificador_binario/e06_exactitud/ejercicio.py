"""Exactitud (accuracy) calculada a mano.

La exactitud es la fracción de predicciones que coinciden con la etiqueta real.
Completa ``exactitud(reales, predichas)``: recibe dos secuencias de la misma longitud
(listas, tuplas o arrays de numpy, con etiquetas de texto o números) y devuelve un
``float`` entre 0 y 1. No uses scikit-learn: cuenta tú los aciertos.

Ejemplo::

    >>> exactitud(["food", "food", "not_food", "not_food"],
    ...           ["food", "not_food", "not_food", "not_food"])
    0.75

Capítulo: «Clasificador binario», sección 8 (evaluar en la prueba).
"""


def exactitud(reales, predichas):
    raise NotImplementedError
