"""F1 macro calculado a mano.

El F1 macro es la media **sin ponderar** del F1 de cada clase, así que una clase
pequeña pesa tanto como una grande. Completa ``f1_macro(reales, predichas)`` sin usar
scikit-learn. Las clases son todas las que aparecen en ``reales`` o en ``predichas``.
Para cada clase:

- precisión = VP / (VP + FP) y exhaustividad = VP / (VP + FN), donde VP son los
  verdaderos positivos, FP los falsos positivos y FN los falsos negativos;
- F1 = 2 · precisión · exhaustividad / (precisión + exhaustividad);
- si un denominador es 0, ese valor vale 0 (como ``zero_division=0`` en scikit-learn).

Devuelve un ``float``.

Ejemplo::

    >>> f1_macro(["food", "food", "food", "not_food"],
    ...          ["food", "food", "not_food", "not_food"])
    0.7333333333333334

(F1 de ``food`` = 0.8 y de ``not_food`` = 0.667; su media es 0.733.)

Capítulo: «Clasificador binario», secciones 7 y 8 (`compute_metrics` y evaluación).
"""


def f1_macro(reales, predichas):
    reales, predichas = list(reales), list(predichas)
    clases = sorted(set(reales) | set(predichas))
    suma = 0.0
    for clase in clases:
        vp = sum(1 for r, p in zip(reales, predichas) if r == clase and p == clase)
        fp = sum(1 for r, p in zip(reales, predichas) if r != clase and p == clase)
        fn = sum(1 for r, p in zip(reales, predichas) if r == clase and p != clase)
        precision = vp / (vp + fp) if vp + fp else 0.0
        exhaustividad = vp / (vp + fn) if vp + fn else 0.0
        if precision + exhaustividad:
            suma += 2 * precision * exhaustividad / (precision + exhaustividad)
    return suma / len(clases)
