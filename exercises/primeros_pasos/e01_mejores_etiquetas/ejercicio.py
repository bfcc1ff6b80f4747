"""Las mejores etiquetas de un `pipeline` de clasificación.

Un `pipeline` de la tarea ``"text-classification"`` devuelve, por defecto, solo la
etiqueta más probable. Con el argumento ``top_k`` devuelve las ``k`` más probables,
ordenadas de mayor a menor probabilidad, y con ``top_k=None``, todas. Completa dos
funciones:

- ``crear_clasificador(modelo, tokenizador)``: devuelve un `pipeline` de la tarea
  ``"text-classification"`` con ese modelo y ese tokenizador (ya cargados en memoria),
  que se ejecute en la CPU (``device="cpu"``);
- ``mejores_etiquetas(clasificador, texto, k=None)``: pasa ``texto`` (una sola frase) al
  ``clasificador`` con ``top_k=k`` y devuelve una **lista de tuplas**
  ``(etiqueta, probabilidad)``, de la más probable a la menos probable. Con ``k=None``
  devuelve todas las etiquetas del modelo.

Ejemplo, con un clasificador de cuatro etiquetas (las probabilidades son inventadas)::

    >>> clasificador = crear_clasificador(modelo, tokenizador)
    >>> clasificador("I love soup.")
    [{'label': 'food', 'score': 0.81}]
    >>> mejores_etiquetas(clasificador, "I love soup.", 2)
    [('food', 0.81), ('dessert', 0.1)]
    >>> mejores_etiquetas(clasificador, "I love soup.")
    [('food', 0.81), ('dessert', 0.1), ('drink', 0.06), ('not_food', 0.03)]

Capítulo: «Primeros pasos con Hugging Face», sección 2 (`pipeline()`: un modelo en una línea).
"""

from transformers import pipeline


def crear_clasificador(modelo, tokenizador):
    raise NotImplementedError


def mejores_etiquetas(clasificador, texto, k=None):
    raise NotImplementedError
