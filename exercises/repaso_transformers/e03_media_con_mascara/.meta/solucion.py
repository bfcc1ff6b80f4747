"""Un vector por frase: la media con máscara.

Un codificador como BERT devuelve un vector por pieza (``last_hidden_state``, de
forma ``(lote, n_tokens, dim)``). Para obtener **un solo vector por frase**, una
opción habitual (la que usa all-MiniLM-L6-v2) es la **media de los vectores de sus
piezas reales**, sin contar el relleno. Completa
``media_con_mascara(estados, mascara)``:

- ``estados``: array de numpy ``(lote, n_tokens, dim)``;
- ``mascara``: la ``attention_mask``, array ``(lote, n_tokens)`` con 1 en las piezas
  reales y 0 en el relleno;
- devuelve un array ``(lote, dim)``: para cada frase, la suma de los vectores de sus
  piezas reales dividida entre cuántas hay.

Así, el vector de una frase no cambia por rellenarla para ponerla en un lote con otras
más largas.

Ejemplo::

    >>> estados = np.array([[[1.0, 2.0], [3.0, 4.0], [9.0, 9.0]]])
    >>> media_con_mascara(estados, np.array([[1, 1, 0]]))
    array([[2., 3.]])

Capítulo: «Repaso de transformers», la parte sobre los vectores de frase (y la
sección 5 de «Clasificador binario»: la máscara de atención).
"""

import numpy as np


def media_con_mascara(estados, mascara):
    estados = np.asarray(estados, dtype=float)
    pesos = np.asarray(mascara, dtype=float)[..., None]
    return (estados * pesos).sum(axis=1) / pesos.sum(axis=1)
