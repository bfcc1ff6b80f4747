import numpy as np
from comprobaciones import comprobar, llamar
from sklearn.metrics import f1_score


def referencia(reales, predichas):
    return float(f1_score(reales, predichas, average="macro", zero_division=0))


def test_ejemplo_del_enunciado(ejercicio):
    reales = ["food", "food", "food", "not_food"]
    predichas = ["food", "food", "not_food", "not_food"]
    comprobar(llamar(ejercicio, "f1_macro", reales, predichas), 0.7333333333333334,
              f"{reales!r}, {predichas!r}", tipo=float)


def test_igual_que_scikit_learn_con_tres_clases(ejercicio):
    azar = np.random.default_rng(1)
    clases = ["Artes", "Historia", "Ninguna"]
    reales = [clases[i] for i in azar.integers(0, 3, 30)]
    predichas = [r if azar.random() < 0.6 else clases[azar.integers(0, 3)] for r in reales]
    comprobar(llamar(ejercicio, "f1_macro", reales, predichas), referencia(reales, predichas),
              "30 etiquetas reales al azar entre Artes, Historia y Ninguna, y sus predicciones "
              "(un 60 % copiadas; véase test_ejercicio.py)", tipo=float,
              pista="Es la media sin ponderar: suma el F1 de cada clase y divide entre el "
                    "número de clases.")


def test_clases_sin_aciertos_cuentan_cero(ejercicio):
    reales = ["a", "a", "b", "b", "b"]
    predichas = ["a", "a", "a", "c", "a"]
    comprobar(llamar(ejercicio, "f1_macro", reales, predichas), referencia(reales, predichas),
              f"{reales!r}, {predichas!r}", tipo=float,
              pista="La clase 'b' nunca se predice y 'c' solo aparece en las predicciones: "
                    "las dos cuentan en la media con F1 = 0 (sin dividir entre cero).")
