"""Frases por segundo, una a una o por lotes.

Para saber si un clasificador es lo bastante rápido, se mide cuántas frases clasifica por
segundo. Completa ``frases_por_segundo(clasificar, frases, tamano_lote=1,
reloj=time.perf_counter)``:

- parte ``frases`` en lotes consecutivos de ``tamano_lote`` frases (el último puede ser
  más corto) y llama a ``clasificar(lote)`` una vez por lote, en orden; cada ``lote`` es
  una **lista** de frases, también cuando ``tamano_lote`` es 1;
- mide el tiempo total con ``reloj()``: una lectura justo antes del primer lote y otra
  justo después del último. ``reloj`` es un parámetro para que las pruebas puedan usar un
  reloj falso; por defecto es ``time.perf_counter``, el reloj adecuado para medir
  intervalos (no ``time.time``);
- devuelve ``len(frases) / segundos`` como ``float``. Con una lista vacía devuelve
  ``0.0`` sin llamar a ``clasificar``.

Ejemplo (un clasificador que tarda 0,1 s por llamada más 0,01 s por frase)::

    >>> frases_por_segundo(clasificador, frases_12, tamano_lote=1)   # 12 / (12 × 0,11 s)
    9.09090909090909
    >>> frases_por_segundo(clasificador, frases_12, tamano_lote=4)   # 12 / (3 × 0,14 s)
    28.57142857142857

Por lotes, el coste fijo de cada llamada se reparte entre más frases.

Capítulo: «Del cuaderno al mundo real», sección 4 (¿Qué velocidad tiene?).
"""

import time


def frases_por_segundo(clasificar, frases, tamano_lote=1, reloj=time.perf_counter):
    frases = list(frases)
    if not frases:
        return 0.0
    inicio = reloj()
    for i in range(0, len(frases), tamano_lote):
        clasificar(frases[i:i + tamano_lote])
    return len(frases) / (reloj() - inicio)
