"""Las confusiones más frecuentes.

En el análisis de errores de un clasificador de diez clases interesa saber qué pares de
asignaturas se confunden más (¿Historia con Artes? ¿Matemáticas con Física y
química?). Completa ``confusiones_frecuentes(reales, predichas, n)``:

- cuenta cada **error** como el par ``(real, predicha)``; los aciertos no cuentan;
- devuelve una lista con los ``n`` pares más frecuentes como tuplas
  ``((real, predicha), veces)``, de más a menos veces; en caso de empate, por orden
  alfabético del par. Si hay menos de ``n`` pares distintos, devuelve todos.

Ejemplo::

    >>> reales =    ["Historia", "Historia", "Artes",    "Historia", "Artes"]
    >>> predichas = ["Artes",    "Artes",    "Historia", "Historia", "Artes"]
    >>> confusiones_frecuentes(reales, predichas, 2)
    [(('Historia', 'Artes'), 2), (('Artes', 'Historia'), 1)]

Capítulo: «Clasificador multiclase», la parte sobre el análisis de errores.
"""

from collections import Counter


def confusiones_frecuentes(reales, predichas, n):
    errores = Counter((r, p) for r, p in zip(reales, predichas) if r != p)
    return sorted(errores.items(), key=lambda par: (-par[1], par[0]))[:n]
