"""Documentos más parecidos a una consulta con Gensim (TF-IDF + coseno).

Para buscar en una colección los documentos más parecidos a una consulta, se representa
cada texto con TF-IDF y se comparan con la similitud del coseno. Completa dos funciones:

- ``preprocesar(texto)``: la lista de palabras de ``texto`` según
  ``simple_preprocess(texto, min_len=3, max_len=30)`` (minúsculas, sin signos, de 3 a
  30 letras: con el ``max_len=15`` por defecto se perderían palabras largas como
  «electrodomésticos»), quitando las palabras vacías de ``stop_words_es()``;
- ``mas_similares(documentos, consulta, k=3)``: preprocesa los ``documentos`` (una lista
  de cadenas), construye con ellos un ``Dictionary``, sus bolsas de palabras
  (``doc2bow``), un ``TfidfModel`` y un índice ``MatrixSimilarity`` (con
  ``num_features=len(diccionario)``); después calcula la similitud de la consulta
  (preprocesada, en bolsa de palabras y en TF-IDF) con cada documento. Devuelve una
  **lista** con las posiciones (``int``) de los ``k`` documentos más parecidos, del más
  parecido al menos.

Ejemplo::

    >>> preprocesar("Compramos electrodomésticos para la cocina")
    ['compramos', 'electrodomésticos', 'cocina']
    >>> documentos = ["La tortilla de patatas lleva huevo y cebolla.",
    ...               "Los eclipses de sol ocurren cuando la Luna tapa el Sol.",
    ...               "El fútbol se juega con once jugadores."]
    >>> mas_similares(documentos, "¿Cuándo hay eclipses de sol?", k=1)
    [1]

Capítulo: «Herramientas preentrenadas», sección 2 (Gensim), apartados 2.1
(preprocesado), 2.2 (diccionario, bolsa de palabras y TF-IDF) y 2.3 (documentos
similares).
"""

import numpy as np
from gensim.corpora import Dictionary
from gensim.models import TfidfModel
from gensim.similarities import MatrixSimilarity
from gensim.utils import simple_preprocess

from transferencia.texto import stop_words_es


def preprocesar(texto):
    vacias = stop_words_es()
    return [p for p in simple_preprocess(texto, min_len=3, max_len=30) if p not in vacias]


def mas_similares(documentos, consulta, k=3):
    palabras = [preprocesar(d) for d in documentos]
    diccionario = Dictionary(palabras)
    bolsas = [diccionario.doc2bow(p) for p in palabras]
    tfidf = TfidfModel(bolsas)
    indice = MatrixSimilarity(tfidf[bolsas], num_features=len(diccionario))
    similitudes = indice[tfidf[diccionario.doc2bow(preprocesar(consulta))]]
    return [int(i) for i in np.argsort(-similitudes, kind="stable")[:k]]
