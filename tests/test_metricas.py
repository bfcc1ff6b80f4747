"""Métricas locales: valores conocidos calculados a mano."""

import numpy as np
import pytest

from transferencia.metricas import calcular_metricas, metricas_trainer


def test_caso_conocido():
    reales = ["a", "a", "a", "b", "b", "c"]
    predichas = ["a", "a", "b", "b", "b", "a"]
    m = calcular_metricas(reales, predichas)
    assert m["accuracy"] == pytest.approx(4 / 6)
    # F1: a = 2·(2/3·2/3)/(4/3) = 2/3; b = 2·(2/3·1)/(5/3) = 4/5; c = 0
    assert m["macro_f1"] == pytest.approx((2 / 3 + 4 / 5 + 0) / 3)
    assert m["n"] == 6
    assert m["por_clase"]["b"] == {"precision": pytest.approx(2 / 3), "recall": 1.0,
                                   "f1": pytest.approx(0.8), "soporte": 2}
    assert m["matriz_confusion"] == {"etiquetas": ["a", "b", "c"],
                                     "valores": [[2, 1, 0], [0, 2, 0], [1, 0, 0]]}


def test_longitudes_distintas():
    with pytest.raises(ValueError, match="tantas"):
        calcular_metricas(["a"], ["a", "b"])


def test_metricas_trainer():
    logits = np.array([[2.0, 0.1], [0.3, 0.9], [0.8, 0.1], [0.1, 0.2]])
    m = metricas_trainer((logits, np.array([0, 1, 1, 1])))
    assert m["accuracy"] == pytest.approx(0.75)
    assert m["macro_f1"] == pytest.approx((2 / 3 + 0.8) / 2)
