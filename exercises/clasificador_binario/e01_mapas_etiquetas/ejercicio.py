"""Mapas de etiquetas a partir de una lista ordenada.

Un modelo trabaja con números, no con nombres de etiquetas. Completa
``mapas_etiquetas(etiquetas)`` para que devuelva la tupla ``(id2label, label2id)``:

- ``id2label``: diccionario ``{número: etiqueta}``;
- ``label2id``: diccionario ``{etiqueta: número}``.

Los números se asignan según la lista **ordenada alfabéticamente** de etiquetas
**distintas**, empezando en 0, sea cual sea el orden de entrada.

Ejemplo::

    >>> mapas_etiquetas(["not_food", "food", "food"])
    ({0: 'food', 1: 'not_food'}, {'food': 0, 'not_food': 1})

Capítulo: «Clasificador binario», sección 3.
"""


def mapas_etiquetas(etiquetas):
    raise NotImplementedError
