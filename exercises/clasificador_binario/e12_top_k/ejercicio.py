"""Las k etiquetas más probables.

``pipeline(..., top_k=k)`` no devuelve solo la etiqueta ganadora, sino las ``k`` más
probables con su puntuación. Completa ``top_k(probabilidades, etiquetas, k)``:

- ``probabilidades``: lista o array con la probabilidad de cada etiqueta para una frase;
- ``etiquetas``: los nombres, en el mismo orden;
- devuelve una lista de ``k`` tuplas ``(etiqueta, probabilidad)`` de la más probable a
  la menos, con la probabilidad como ``float``. Si ``k`` es mayor que el número de
  etiquetas, devuelve todas. En caso de empate va primero la que aparece antes en
  ``etiquetas``.

Ejemplo::

    >>> top_k([0.1, 0.6, 0.3], ["Artes", "Historia", "Ninguna"], 2)
    [('Historia', 0.6), ('Ninguna', 0.3)]

Capítulo: «Clasificador binario», sección 11 (reutilizar el modelo con `pipeline`).
"""


def top_k(probabilidades, etiquetas, k):
    raise NotImplementedError
