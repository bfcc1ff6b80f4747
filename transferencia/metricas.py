"""Métricas de clasificación que funcionan sin conexión.

``evaluate.load("accuracy")`` descarga el código de la métrica desde el Hub y
falla sin conexión. El curso calcula las métricas con **scikit-learn**, que ya
está instalado y da los mismos valores (exactitud, F1 macro, informe por clase
y matriz de confusión).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score, precision_recall_fscore_support


def calcular_metricas(referencias: Sequence[str], predicciones: Sequence[str],
                      etiquetas: Sequence[str] | None = None) -> dict:
    """Exactitud, F1 macro, métricas por clase y matriz de confusión.

    ``etiquetas`` fija el orden de las clases (por defecto, las que aparecen,
    ordenadas). Devuelve un diccionario listo para guardar como JSON::

        {"accuracy": float, "macro_f1": float, "n": int,
         "por_clase": {etiqueta: {"precision", "recall", "f1", "soporte"}},
         "matriz_confusion": {"etiquetas": [...], "valores": [[...]]}}

    En la matriz, las filas son la etiqueta real y las columnas la predicha.
    """
    referencias = list(referencias)
    predicciones = list(predicciones)
    if len(referencias) != len(predicciones):
        raise ValueError(
            f"hay {len(referencias)} referencias y {len(predicciones)} predicciones: "
            "deben ser tantas unas como otras."
        )
    if not referencias:
        raise ValueError("no hay ningún ejemplo que evaluar.")
    orden = list(etiquetas) if etiquetas is not None else sorted(set(referencias) | set(predicciones))
    precision, recall, f1, soporte = precision_recall_fscore_support(
        referencias, predicciones, labels=orden, zero_division=0
    )
    presentes = sorted(set(referencias))
    return {
        "accuracy": float(accuracy_score(referencias, predicciones)),
        "macro_f1": float(f1_score(referencias, predicciones, labels=presentes,
                                   average="macro", zero_division=0)),
        "n": len(referencias),
        "por_clase": {
            etiqueta: {"precision": float(p), "recall": float(r), "f1": float(f), "soporte": int(s)}
            for etiqueta, p, r, f, s in zip(orden, precision, recall, f1, soporte)
        },
        "matriz_confusion": {
            "etiquetas": orden,
            "valores": confusion_matrix(referencias, predicciones, labels=orden).tolist(),
        },
    }


def metricas_trainer(eval_pred) -> dict[str, float]:
    """``compute_metrics`` para ``Trainer``: exactitud y F1 macro a partir de los logits."""
    logits, etiquetas = eval_pred
    predicciones = np.asarray(logits).argmax(axis=-1)
    return {
        "accuracy": float(accuracy_score(etiquetas, predicciones)),
        "macro_f1": float(f1_score(etiquetas, predicciones, average="macro", zero_division=0)),
    }
