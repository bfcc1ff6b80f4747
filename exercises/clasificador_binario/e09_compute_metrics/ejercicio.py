"""Una función `compute_metrics` para `Trainer`.

Durante la evaluación, ``Trainer`` llama a ``compute_metrics(eval_pred)``, donde
``eval_pred`` se puede desempaquetar como ``logits, etiquetas = eval_pred``:

- ``logits``: array de numpy de forma ``(n_ejemplos, n_clases)``;
- ``etiquetas``: array de numpy con el número de la clase real de cada ejemplo.

Completa ``compute_metrics(eval_pred)`` para que devuelva un diccionario con dos
claves: ``"exactitud"`` (exactitud) y ``"f1_macro"`` (F1 macro), ambas números
(``float``). La clase predicha es la de mayor *logit*. Puedes usar
``sklearn.metrics.accuracy_score`` y ``sklearn.metrics.f1_score``.

Ejemplo::

    >>> import numpy as np
    >>> logits = np.array([[2.0, -1.0], [0.5, 1.5], [3.0, 0.0], [-2.0, 1.0]])
    >>> compute_metrics((logits, np.array([0, 1, 1, 1])))
    {'exactitud': 0.75, 'f1_macro': 0.7333333333333334}

Capítulo: «Clasificador binario», sección 7 (entrenar con `Trainer`).
"""

import numpy as np
from sklearn.metrics import accuracy_score, f1_score


def compute_metrics(eval_pred):
    raise NotImplementedError
