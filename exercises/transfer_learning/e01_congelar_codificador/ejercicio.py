"""Congelar el codificador y entrenar solo la cabeza.

La forma más barata de transferir: se congela el codificador preentrenado (sus pesos no
cambian) y solo se entrena la cabeza de clasificación nueva. Completa
``congelar_codificador(modelo)``, que recibe un ``AutoModelForSequenceClassification``:

- congela todos los parámetros de ``modelo.base_model`` con ``requires_grad_(False)``;
- deja entrenables (``requires_grad=True``) todos los demás (la cabeza);
- devuelve cuántos números (parámetros) quedan entrenables, un ``int``.

Ejemplo::

    >>> n = congelar_codificador(modelo)
    >>> n == sum(p.numel() for p in modelo.classifier.parameters())
    True

Capítulo: «Aprendizaje por transferencia» (congelar capas o ajustarlas).
"""


def congelar_codificador(modelo):
    raise NotImplementedError
