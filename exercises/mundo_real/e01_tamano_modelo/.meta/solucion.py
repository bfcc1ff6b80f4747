"""Cuánto ocupa un modelo de PyTorch, en megabytes.

Antes de publicar o cuantizar un modelo conviene saber cuánto ocupa. Completa
``megabytes(modelo)``:

- guarda el ``state_dict()`` del modelo con ``torch.save`` en un archivo **en memoria**
  (``io.BytesIO``), sin escribir nada en el disco;
- devuelve el tamaño de lo guardado en megabytes, como ``float``, con 1 MB = 1 000 000
  bytes (no 1 048 576). El tamaño en bytes de un ``BytesIO`` se obtiene con
  ``memoria.getbuffer().nbytes`` (o ``len(memoria.getvalue())``).

El ``state_dict`` incluye los pesos **y** los *buffers* (por ejemplo, las medias de una
``BatchNorm1d``), y ``torch.save`` añade unos pocos kilobytes de cabecera: por eso el
resultado es algo mayor que ``4 bytes × número de parámetros``.

Ejemplo::

    >>> megabytes(torch.nn.Linear(1000, 1000))   # 1 001 000 parámetros de 4 bytes
    4.005797

Capítulo: «Del cuaderno al mundo real», sección 5 (¿Cuánto ocupa? Cuantización dinámica
a int8).
"""

import io

import torch


def megabytes(modelo):
    memoria = io.BytesIO()
    torch.save(modelo.state_dict(), memoria)
    return memoria.getbuffer().nbytes / 1e6
