"""Métricas de clasificación, calculadas con scikit-learn.

El curso usa las funciones de ``sklearn.metrics`` (las mismas que se ven en los
capítulos): funcionan sin conexión y dan los mismos valores que
``evaluate.load("accuracy")`` o ``evaluate.load("f1")``, que descargan el código de la
métrica desde el Hub.

Un solo F1 macro en todo el curso, :func:`f1_macro`: el de scikit-learn con el conjunto
de etiquetas **explícito** (una clase que no aparece en una muestra cuenta con F1 0 en
lugar de desaparecer de la media).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score, precision_recall_fscore_support


def f1_macro(reales: Sequence, predichas: Sequence, etiquetas: Sequence) -> float:
    """F1 macro de scikit-learn sobre las ``etiquetas`` dadas (media sin ponderar por clase)."""
    return float(f1_score(list(reales), list(predichas), labels=list(etiquetas),
                          average="macro", zero_division=0))


def calcular_metricas(reales: Sequence[str], predichas: Sequence[str],
                      etiquetas: Sequence[str] | None = None) -> dict:
    """Exactitud, F1 macro, métricas por clase y matriz de confusión.

    ``etiquetas`` fija las clases y su orden (por defecto, las que aparecen en ``reales``
    o en ``predichas``, ordenadas). Devuelve un diccionario listo para guardar como JSON::

        {"exactitud": float, "f1_macro": float, "n": int,
         "por_clase": {etiqueta: {"precision", "exhaustividad", "f1", "soporte"}},
         "matriz_confusion": {"etiquetas": [...], "valores": [[...]]}}

    En la matriz, las filas son la etiqueta real y las columnas la predicha.
    """
    reales = list(reales)
    predichas = list(predichas)
    if len(reales) != len(predichas):
        raise ValueError(f"hay {len(reales)} etiquetas reales y {len(predichas)} predichas: "
                         "deben ser tantas unas como otras.")
    if not reales:
        raise ValueError("no hay ningún ejemplo que evaluar.")
    orden = list(etiquetas) if etiquetas is not None else sorted(set(reales) | set(predichas))
    precision, exhaustividad, f1, soporte = precision_recall_fscore_support(
        reales, predichas, labels=orden, zero_division=0)
    return {
        "exactitud": float(accuracy_score(reales, predichas)),
        "f1_macro": f1_macro(reales, predichas, orden),
        "n": len(reales),
        "por_clase": {
            etiqueta: {"precision": float(p), "exhaustividad": float(r), "f1": float(f),
                       "soporte": int(s)}
            for etiqueta, p, r, f, s in zip(orden, precision, exhaustividad, f1, soporte)
        },
        "matriz_confusion": {
            "etiquetas": orden,
            "valores": confusion_matrix(reales, predichas, labels=orden).tolist(),
        },
    }


def metricas_trainer(eval_pred) -> dict[str, float]:
    """``compute_metrics`` para ``Trainer``: exactitud y F1 macro a partir de los logits.

    Las etiquetas son los números ``0 .. n_clases - 1`` (una columna de logits por clase).
    """
    logits, etiquetas = eval_pred
    logits = np.asarray(logits)
    predichas = logits.argmax(axis=-1)
    return {"exactitud": float(accuracy_score(etiquetas, predichas)),
            "f1_macro": f1_macro(etiquetas, predichas, range(logits.shape[-1]))}
