"""Exhaustividad (recall) de cada clase.

Con diez clases, una sola cifra global esconde qué asignaturas confunde el modelo. La
**exhaustividad** de una clase es la fracción de sus frases que el modelo reconoce:
``VP / (VP + FN)``. Completa ``exhaustividad_por_clase(reales, predichas)``: devuelve un
diccionario ``{clase: exhaustividad}`` con una entrada por cada clase que aparece en
``reales`` (las que solo aparecen en ``predichas`` no tienen frases reales y no
cuentan). Cada valor es un ``float`` entre 0 y 1. No uses scikit-learn.

Ejemplo::

    >>> exhaustividad_por_clase(["Artes", "Artes", "Historia", "Ninguna"],
    ...                         ["Artes", "Historia", "Historia", "Artes"])
    {'Artes': 0.5, 'Historia': 1.0, 'Ninguna': 0.0}

Capítulo: «Clasificador multiclase», la parte sobre la evaluación por clase.
"""


def exhaustividad_por_clase(reales, predichas):
    raise NotImplementedError
