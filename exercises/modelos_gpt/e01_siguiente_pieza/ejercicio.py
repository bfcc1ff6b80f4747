"""La pieza siguiente más probable.

Un GPT predice, para cada posición, la distribución de la pieza siguiente. Completa
``siguiente_pieza(modelo, ids)``: ``modelo`` es un ``AutoModelForCausalLM`` y ``ids`` una
lista de números de pieza. Devuelve (``int``) el número de la pieza con mayor *logit* en
la **última** posición. Usa ``torch.no_grad()``.

Ejemplo (el número depende del modelo)::

    >>> siguiente_pieza(modelo, [5, 17, 3])
    42

Capítulo: «Modelos GPT» (generar texto pieza a pieza).
"""

import torch


def siguiente_pieza(modelo, ids):
    raise NotImplementedError
