"""Línea base clásica: TF-IDF + regresión logística.

Antes de dar por bueno un modelo caro, compáralo con uno barato. Completa
``linea_base(textos, etiquetas)``: debe construir un ``Pipeline`` de scikit-learn con
un ``TfidfVectorizer`` seguido de una ``LogisticRegression`` (con ``max_iter=1000``),
**entrenarlo** con ``textos`` y ``etiquetas`` y devolverlo ya entrenado, listo para
llamar a ``.predict([...])`` y ``.predict_proba([...])``.

Pista de estilo: ``sklearn.pipeline.make_pipeline`` encadena los pasos, y ``fit``
devuelve el propio pipeline.

Ejemplo::

    >>> modelo = linea_base(["Resuelve la ecuación", "Pinta un paisaje"],
    ...                     ["Matemáticas", "Artes"])
    >>> modelo.predict(["la ecuación de segundo grado"])
    array(['Matemáticas'], dtype='<U11')

Capítulo: «Clasificador multiclase» (y la sección 10 de «Clasificador binario»: una
línea base clásica).
"""

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline


def linea_base(textos, etiquetas):
    raise NotImplementedError
