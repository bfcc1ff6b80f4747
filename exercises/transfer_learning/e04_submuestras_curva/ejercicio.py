"""Submuestras estratificadas para una curva de aprendizaje.

La curva de aprendizaje del capítulo entrena cada método con 10, 20, 50 y 200 frases. Para
que la comparación sea justa, todos los métodos reciben **la misma submuestra** para cada
tamaño y cada semilla, y cada submuestra conserva la proporción de clases de la reserva.
El capítulo usa para eso una función del curso; aquí lo haces con la biblioteca
`datasets`. Completa ``submuestra(dataset, n, semilla)``:

- ``dataset`` es un ``datasets.Dataset`` con las columnas ``text`` y ``label``;
- si ``label`` todavía es texto (un ``Value("string")``, como al leer ``comida.csv``),
  conviértela antes en un ``ClassLabel`` con los nombres **ordenados**, como en
  «Clasificador binario»: ``dataset.cast_column("label", ClassLabel(names=...))``. La
  estratificación solo funciona con columnas ``ClassLabel``. Si ya es ``ClassLabel``,
  déjala como está;
- elige ``n`` frases con ``dataset.train_test_split(train_size=n,
  stratify_by_column="label", seed=semilla)`` y devuelve su parte ``"train"``.

Así, la misma semilla da siempre las mismas frases, y otra semilla, otras distintas.

Ejemplo, con una reserva de 40 frases ``food`` y 20 ``not_food``::

    >>> muestra = submuestra(reserva, 12, semilla=0)
    >>> muestra.num_rows
    12
    >>> Counter(muestra.features["label"].int2str(muestra["label"]))
    Counter({'food': 8, 'not_food': 4})
    >>> submuestra(reserva, 12, semilla=0)["text"] == muestra["text"]
    True

Capítulo: «Aprendizaje por transferencia», sección 5 (ventaja 1: mejores resultados con pocos datos).
"""

from datasets import ClassLabel


def submuestra(dataset, n, semilla):
    raise NotImplementedError
