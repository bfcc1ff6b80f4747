"""Tokenizar un `Dataset` entero con `map(batched=True)`.

Antes de entrenar, cada frase del conjunto de datos tiene que convertirse en los números
que lee el modelo. Con la biblioteca `datasets` se hace de una vez con ``Dataset.map``:
aplica una función a todas las filas y añade como columnas nuevas lo que devuelve. Con
``batched=True`` la función recibe **lotes** de filas (``lote["text"]`` es entonces una
lista de frases) y el tokenizador trabaja con muchas frases a la vez, mucho más rápido.

Completa ``tokenizar_dataset(dataset, tokenizador, longitud_maxima)``:

- ``dataset`` es un ``datasets.Dataset`` con las columnas ``text`` y ``label``;
- aplica ``dataset.map`` con ``batched=True`` y una función que pase las frases del lote
  al ``tokenizador`` con ``truncation=True`` y ``max_length=longitud_maxima``;
- devuelve el ``Dataset`` resultante: conserva ``text`` y ``label`` y añade, al menos,
  ``input_ids`` y ``attention_mask``. Ninguna frase pasa de ``longitud_maxima`` piezas,
  contando las especiales ``[CLS]`` y ``[SEP]``. No hace falta relleno: lo añadirá el
  *collator* al formar cada lote de entrenamiento.

Ejemplo, con el tokenizador del modelo de respaldo del curso::

    >>> from datasets import Dataset
    >>> datos = Dataset.from_dict({"text": ["I love soup.", "The train to Madrid leaves at nine."],
    ...                            "label": [0, 1]})
    >>> tokenizado = tokenizar_dataset(datos, tokenizador, 6)
    >>> tokenizado.column_names
    ['text', 'label', 'input_ids', 'token_type_ids', 'attention_mask']
    >>> tokenizado[0]["input_ids"]
    [101, 1045, 2293, 11350, 1012, 102]
    >>> tokenizado[1]["input_ids"]  # truncada: 6 piezas, la última [SEP]
    [101, 1996, 3345, 2000, 6921, 102]

Capítulo: «Primeros pasos con Hugging Face», sección 3 (detrás del `pipeline`: el tokenizador).
"""


def tokenizar_dataset(dataset, tokenizador, longitud_maxima):
    def tokenizar(lote):
        return tokenizador(lote["text"], truncation=True, max_length=longitud_maxima)

    return dataset.map(tokenizar, batched=True)
