"""Clasificar por lotes de frases de longitud parecida.

Por lotes, el ``pipeline`` clasifica muchas más frases por segundo, pero cada lote se
rellena hasta su frase más larga: si una frase de 3 piezas comparte lote con una de 40, el
modelo procesa 37 piezas de relleno que no sirven para nada. Por eso la orden
``predecir`` del curso ordena las frases por longitud antes de formar los lotes y devuelve
los resultados en el orden original. Completa ``predecir_por_lotes(ruta, frases,
tamano_lote=8)``:

- carga el clasificador guardado en ``ruta`` con ``pipeline("text-classification",
  model=ruta, device="cpu")``;
- mide la longitud de cada frase en piezas con el tokenizador del ``pipeline``
  (``clasificador.tokenizer``): ``len(clasificador.tokenizer(frase)["input_ids"])``;
- pasa **todas** las frases al ``pipeline`` en una sola llamada, ordenadas de la más corta
  a la más larga, con ``batch_size=tamano_lote``: el ``pipeline`` forma los lotes en ese
  orden;
- devuelve una lista con un par ``(etiqueta, puntuación)`` por frase, **en el orden de
  ``frases``**, no en el orden en que las clasificaste.

Ejemplo (con el modelo que entrena el capítulo; las puntuaciones dependen del
entrenamiento)::

    >>> frases = ["I could eat this soup every day.", "Ok.", "The meeting was moved to Friday."]
    >>> predecir_por_lotes("salidas/mundo_real/comida", frases, tamano_lote=2)
    [('food', 0.97...), ('not_food', 0.88...), ('not_food', 0.95...)]

«Ok.» es la más corta: se clasifica la primera, en el primer lote, pero su resultado vuelve
a la segunda posición, la suya.

Capítulo: «Del cuaderno al mundo real», sección 4 (¿Qué velocidad tiene?).
"""

from transformers import pipeline


def predecir_por_lotes(ruta, frases, tamano_lote=8):
    clasificador = pipeline("text-classification", model=ruta, device="cpu")
    frases = list(frases)
    longitudes = [len(clasificador.tokenizer(frase)["input_ids"]) for frase in frases]
    orden = sorted(range(len(frases)), key=lambda i: longitudes[i])  # posiciones, de corta a larga
    salidas = clasificador([frases[i] for i in orden], batch_size=tamano_lote)
    resultado = [None] * len(frases)
    for posicion, i in enumerate(orden):  # cada salida vuelve al sitio de su frase
        resultado[i] = (salidas[posicion]["label"], salidas[posicion]["score"])
    return resultado
