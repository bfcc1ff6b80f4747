"""Métricas locales: valores conocidos calculados a mano."""

import numpy as np
import pytest

from transferencia.metricas import calcular_metricas, f1_macro, metricas_trainer


def test_caso_conocido():
    reales = ["a", "a", "a", "b", "b", "c"]
    predichas = ["a", "a", "b", "b", "b", "a"]
    m = calcular_metricas(reales, predichas)
    assert m["exactitud"] == pytest.approx(4 / 6)
    # F1: a = 2·(2/3·2/3)/(4/3) = 2/3; b = 2·(2/3·1)/(5/3) = 4/5; c = 0
    assert m["f1_macro"] == pytest.approx((2 / 3 + 4 / 5 + 0) / 3)
    assert m["n"] == 6
    assert m["por_clase"]["b"] == {"precision": pytest.approx(2 / 3), "exhaustividad": 1.0,
                                   "f1": pytest.approx(0.8), "soporte": 2}
    assert m["matriz_confusion"] == {"etiquetas": ["a", "b", "c"],
                                     "valores": [[2, 1, 0], [0, 2, 0], [1, 0, 0]]}


def test_longitudes_distintas():
    with pytest.raises(ValueError, match="tantas"):
        calcular_metricas(["a"], ["a", "b"])


def test_metricas_trainer():
    logits = np.array([[2.0, 0.1], [0.3, 0.9], [0.8, 0.1], [0.1, 0.2]])
    m = metricas_trainer((logits, np.array([0, 1, 1, 1])))
    assert m["exactitud"] == pytest.approx(0.75)
    assert m["f1_macro"] == pytest.approx((2 / 3 + 0.8) / 2)


def test_el_f1_macro_cuenta_las_clases_ausentes():
    """Una clase del modelo que no sale en la muestra cuenta con F1 0: el conjunto es explícito."""
    reales, predichas = ["a", "a", "b"], ["a", "a", "b"]
    assert f1_macro(reales, predichas, ["a", "b"]) == 1.0
    assert f1_macro(reales, predichas, ["a", "b", "c"]) == pytest.approx(2 / 3)
    m = calcular_metricas(reales, predichas, ["a", "b", "c"])
    assert m["f1_macro"] == pytest.approx(2 / 3) and m["por_clase"]["c"]["soporte"] == 0


def test_metricas_trainer_con_una_clase_sin_predicciones():
    logits = np.array([[2.0, 0.1, 0.0], [1.0, 0.9, 0.0]])
    m = metricas_trainer((logits, np.array([0, 1])))
    # Clases 0, 1 y 2 (tres columnas de logits): F1 = (2/3 + 0 + 0) / 3.
    assert m["f1_macro"] == pytest.approx((2 / 3) / 3)
