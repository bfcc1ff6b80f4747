"""ROUGE-1 (exhaustividad) a mano: ¿cuánto de la referencia recoge el resumen?

ROUGE compara un resumen automático con un resumen de referencia escrito por una
persona contando las palabras (los unigramas, en ROUGE-1) que comparten. Completa
``rouge1_recall(resumen, referencia)``, sin bibliotecas de métricas:

- parte cada texto en palabras con ``simple_preprocess(texto, min_len=1, max_len=30)``
  de Gensim (minúsculas y sin signos de puntuación); aquí **no** se quitan las palabras
  vacías;
- cuenta las palabras **con sus repeticiones** (``collections.Counter``): una palabra
  que sale 2 veces en la referencia y 3 en el resumen cuenta como 2 comunes (el mínimo
  de las dos cuentas);
- devuelve la exhaustividad como ``float``: palabras comunes / palabras de la referencia. Si
  la referencia no tiene ninguna palabra, devuelve ``0.0``.

Ejemplo::

    >>> rouge1_recall("el gato come pescado", "el gato duerme")   # 2 comunes de 3
    0.6666666666666666
    >>> rouge1_recall("el el el gato", "el perro y el gato")     # el ×2 y gato: 3 de 5
    0.6

Capítulo: «Herramientas preentrenadas», apartado 3.3 (¿Coinciden entre sí? ¿Se parecen
a un resumen humano?), donde se calcula ROUGE-N.
"""

from collections import Counter

from gensim.utils import simple_preprocess


def rouge1_recall(resumen, referencia):
    candidato = Counter(simple_preprocess(resumen, min_len=1, max_len=30))
    esperado = Counter(simple_preprocess(referencia, min_len=1, max_len=30))
    total = sum(esperado.values())
    if total == 0:
        return 0.0
    return sum((candidato & esperado).values()) / total
