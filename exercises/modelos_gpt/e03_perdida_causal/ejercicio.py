"""La pérdida del modelo de lenguaje causal.

Un GPT se preentrena prediciendo cada pieza a partir de las anteriores: los *logits* de
la posición ``i`` se comparan con la pieza ``i + 1``. Completa
``perdida_causal(logits, ids)``: ``logits`` es un tensor de forma
``(1, posiciones, vocabulario)`` e ``ids`` un tensor ``(1, posiciones)``. Devuelve (``float``)
la entropía cruzada media con ese desplazamiento. Debe coincidir con
``modelo(input_ids=ids, labels=ids).loss``.

Ejemplo::

    >>> salida = modelo(input_ids=ids, labels=ids)
    >>> abs(perdida_causal(salida.logits, ids) - salida.loss.item()) < 1e-5
    True

Capítulo: «Modelos GPT» (preentrenamiento).
"""

import torch


def perdida_causal(logits, ids):
    raise NotImplementedError
