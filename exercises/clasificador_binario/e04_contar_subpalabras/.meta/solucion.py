"""Contar las subpalabras que ve el modelo.

El tokenizador WordPiece parte las palabras poco frecuentes en varias piezas; las que
continúan una palabra empiezan por ``##``. Completa dos funciones que reciben un
tokenizador de Hugging Face y una frase:

- ``contar_piezas(tokenizador, frase)``: número de piezas en que se parte la frase,
  **sin contar** las piezas especiales ``[CLS]`` y ``[SEP]``;
- ``palabras_partidas(tokenizador, frase)``: lista de las palabras de
  ``frase.split()`` (tal como aparecen, con su puntuación) que el tokenizador parte en
  varias piezas, es decir, cuyas piezas incluyen alguna que empieza por ``##``. En el
  orden de la frase.

Ejemplo, con el tokenizador del modelo de respaldo del curso (all-MiniLM-L6-v2)::

    >>> from transformers import AutoTokenizer
    >>> from transferencia.modelos import ruta_respaldo
    >>> tokenizador = AutoTokenizer.from_pretrained(ruta_respaldo())
    >>> tokenizador.tokenize("Homemade gnocchi!")
    ['homemade', 'g', '##no', '##cchi', '!']
    >>> contar_piezas(tokenizador, "Homemade gnocchi!")
    5
    >>> palabras_partidas(tokenizador, "Homemade gnocchi!")
    ['gnocchi!']

Capítulo: «Clasificador binario», sección 5 (tokenización).
"""


def contar_piezas(tokenizador, frase):
    return len(tokenizador.tokenize(frase))


def palabras_partidas(tokenizador, frase):
    return [palabra for palabra in frase.split()
            if any(pieza.startswith("##") for pieza in tokenizador.tokenize(palabra))]
