"""Generación voraz, pieza a pieza.

La generación voraz (*greedy*) añade en cada paso la pieza más probable y vuelve a
llamar al modelo. Completa ``generar_voraz(modelo, ids, n)``: a partir de la lista
``ids``, añade ``n`` piezas, una a una, y devuelve la lista completa (los ``ids`` del
principio más las ``n`` nuevas). Debe coincidir con
``modelo.generate(..., do_sample=False, max_new_tokens=n)``.

Ejemplo (las piezas nuevas dependen del modelo)::

    >>> generar_voraz(modelo, [5, 17], 3)
    [5, 17, 42, 42, 8]

Capítulo: «Modelos GPT» (generar texto pieza a pieza).
"""

import torch


def generar_voraz(modelo, ids, n):
    ids = list(ids)
    with torch.no_grad():
        for _ in range(n):
            logits = modelo(input_ids=torch.tensor([ids])).logits
            ids.append(int(logits[0, -1].argmax()))
    return ids
