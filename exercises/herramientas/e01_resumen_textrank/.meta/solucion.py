"""Resumen extractivo en español con TextRank (Sumy).

Un resumen extractivo elige las oraciones más importantes de un texto y las copia tal
cual, sin inventar nada. TextRank une las oraciones en un grafo según las palabras que
comparten y puntúa cada una con PageRank. Completa ``resumir(texto, n)`` con Sumy:

- convierte el texto en un documento de Sumy con
  ``PlaintextParser.from_string(texto, TokenizadorEspanol())``. ``TokenizadorEspanol``
  (de ``transferencia.texto``) parte oraciones y palabras en español sin descargar nada:
  el ``Tokenizer("spanish")`` de Sumy necesita los datos de NLTK y falla sin conexión;
- resume con un ``TextRankSummarizer`` creado con el *stemmer* español
  (``Stemmer("spanish")``) y con las palabras vacías de ``stop_words_es()`` en su
  atributo ``stop_words``;
- devuelve una lista con las ``n`` oraciones elegidas, como cadenas (``str``), en el
  orden en que aparecen en el texto. Si el texto tiene menos de ``n`` oraciones,
  devuelve todas.

Ejemplo::

    >>> texto = ("Los eclipses de sol ocurren cuando la Luna tapa el Sol. "
    ...          "Durante un eclipse total, el cielo se oscurece y aparecen las estrellas. "
    ...          "Mi vecino prefiere la tortilla con cebolla. "
    ...          "Un eclipse total de sol es un fenómeno raro en un mismo lugar de la Tierra. "
    ...          "Nunca mires el sol sin unas gafas homologadas.")
    >>> resumir(texto, 2)
    ['Los eclipses de sol ocurren cuando la Luna tapa el Sol.',
     'Un eclipse total de sol es un fenómeno raro en un mismo lugar de la Tierra.']

Capítulo: «Herramientas preentrenadas», sección 3 (Sumy: resúmenes extractivos),
apartados 3.1 (el tokenizador español sin conexión) y 3.2 (cuatro resúmenes).
"""

from sumy.nlp.stemmers import Stemmer
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.text_rank import TextRankSummarizer

from transferencia.texto import TokenizadorEspanol, stop_words_es


def resumir(texto, n):
    documento = PlaintextParser.from_string(texto, TokenizadorEspanol()).document
    resumidor = TextRankSummarizer(Stemmer("spanish"))
    resumidor.stop_words = stop_words_es()
    return [str(oracion) for oracion in resumidor(documento, n)]
