"""Palabras clave en español con YAKE.

YAKE saca las palabras clave de un texto sin ningún modelo: puntúa cada candidato con
estadísticas del propio texto (frecuencia, posición, mayúsculas...) y **cuanto menor es
la puntuación, más relevante es la clave**. Completa
``palabras_clave(texto, n=5, palabras=2)``:

- crea un ``yake.KeywordExtractor`` para el español (``lan="es"``) que devuelva como
  mucho ``n`` claves (``top``) de hasta ``palabras`` palabras cada una (``n`` del
  extractor; ojo: en YAKE, ``n`` es el tamaño máximo de cada clave, no cuántas hay).
  Deja el resto de opciones con sus valores por defecto;
- devuelve una lista con solo el texto de cada clave (``str``, sin su puntuación y sin
  cambiar mayúsculas), de la más relevante a la menos relevante.

Ejemplo::

    >>> texto = ("Los eclipses de sol ocurren cuando la Luna se interpone entre el Sol y "
    ...          "la Tierra. Un eclipse total de sol es un fenómeno raro.")
    >>> palabras_clave(texto, n=3, palabras=1)
    ['Tierra', 'Luna', 'sol']

Capítulo: «Herramientas preentrenadas», sección 4 (KeyBERT y YAKE: palabras clave),
apartado 4.4 (YAKE, sin modelo).
"""

import yake


def palabras_clave(texto, n=5, palabras=2):
    extractor = yake.KeywordExtractor(lan="es", n=palabras, top=n)
    return [clave for clave, _ in extractor.extract_keywords(texto)]
