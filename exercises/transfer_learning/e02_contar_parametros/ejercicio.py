"""Contar parámetros entrenables y totales.

Antes de entrenar conviene saber cuánto se va a ajustar. Completa
``contar_parametros(modelo)``, que recibe un modelo de PyTorch (por ejemplo, de
Hugging Face) y devuelve la tupla ``(entrenables, totales)``: cuántos números tienen
``requires_grad=True`` y cuántos hay en total, ambos ``int``.

Ejemplo::

    >>> contar_parametros(torch.nn.Linear(3, 2))
    (8, 8)

Capítulo: «Aprendizaje por transferencia» (congelar capas o ajustarlas).
"""


def contar_parametros(modelo):
    raise NotImplementedError
