"""Una cabeza de autoatención, a mano con numpy.

El corazón de un *transformer* es la atención de producto escalar escalado:

    pesos = softmax(Q · Kᵀ / √d)        salida = pesos · V

donde ``d`` es la dimensión de las consultas y claves (el número de columnas de ``Q``).
Completa ``atencion(Q, K, V, mascara=None)``:

- ``Q``: array ``(n_consultas, d)``; ``K``: array ``(n_claves, d)``; ``V``: array
  ``(n_claves, d_v)``;
- ``mascara`` (opcional): array de unos y ceros (o ``True``/``False``) que se pueda
  *difundir* (*broadcast*) a la forma ``(n_consultas, n_claves)``. Donde vale 0, esa
  clave **no** puede recibir atención: pon su puntuación a ``-inf`` antes del softmax
  (así su peso queda en 0). Sirve tanto para el relleno, con forma ``(n_claves,)``,
  como para la máscara causal de un decodificador, con forma
  ``(n_consultas, n_claves)``;
- el softmax se aplica a cada fila (sobre las claves) y debe ser estable (resta el
  máximo de cada fila);
- devuelve la tupla ``(salida, pesos)``: ``salida`` de forma ``(n_consultas, d_v)`` y
  ``pesos`` de forma ``(n_consultas, n_claves)``, cada fila sumando 1.

Ejemplo::

    >>> Q = K = np.array([[1.0, 0.0], [0.0, 1.0]])
    >>> V = np.array([[1.0, 2.0], [3.0, 4.0]])
    >>> salida, pesos = atencion(Q, K, V)
    >>> pesos.round(3)
    array([[0.67, 0.33],
           [0.33, 0.67]])
    >>> atencion(Q, K, V, mascara=np.array([1, 0]))[0]
    array([[1., 2.],
           [1., 2.]])

Capítulo: «Repaso de transformers», la parte sobre la autoatención calculada con numpy.
"""

import numpy as np


def atencion(Q, K, V, mascara=None):
    Q, K, V = (np.asarray(x, dtype=float) for x in (Q, K, V))
    puntuaciones = Q @ K.T / np.sqrt(Q.shape[-1])
    if mascara is not None:
        permitido = np.broadcast_to(np.asarray(mascara).astype(bool), puntuaciones.shape)
        puntuaciones = np.where(permitido, puntuaciones, -np.inf)
    puntuaciones = puntuaciones - puntuaciones.max(axis=-1, keepdims=True)
    exponenciales = np.exp(puntuaciones)
    pesos = exponenciales / exponenciales.sum(axis=-1, keepdims=True)
    return pesos @ V, pesos
