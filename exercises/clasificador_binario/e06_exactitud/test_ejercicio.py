import numpy as np
from comprobaciones import comprobar, llamar
from sklearn.metrics import accuracy_score


def test_ejemplo_del_enunciado(ejercicio):
    reales = ["food", "food", "not_food", "not_food"]
    predichas = ["food", "not_food", "not_food", "not_food"]
    comprobar(llamar(ejercicio, "exactitud", reales, predichas), 0.75,
              f"{reales!r}, {predichas!r}", tipo=float,
              pista="Divide los aciertos entre el número total de frases.")


def test_igual_que_scikit_learn(ejercicio):
    azar = np.random.default_rng(0)
    clases = ["Artes", "Historia", "Ninguna"]
    reales = [clases[i] for i in azar.integers(0, 3, 37)]
    predichas = [clases[i] for i in azar.integers(0, 3, 37)]
    comprobar(llamar(ejercicio, "exactitud", reales, predichas),
              float(accuracy_score(reales, predichas)),
              "37 etiquetas reales y 37 predichas al azar entre Artes, Historia y Ninguna "
              "(véase test_ejercicio.py)", tipo=float)


def test_arrays_de_numeros(ejercicio):
    casos = {"algunos errores": (np.array([0, 1, 1, 0, 1]), np.array([0, 1, 0, 0, 1])),
             "todo bien": (np.array([1, 1, 0]), np.array([1, 1, 0])),
             "todo mal": (np.array([1, 0]), np.array([0, 1]))}
    obtenidos = {nombre: llamar(ejercicio, "exactitud", reales, predichas)
                 for nombre, (reales, predichas) in casos.items()}
    comprobar(obtenidos, {"algunos errores": 0.8, "todo bien": 1.0, "todo mal": 0.0},
              "; ".join(f"{n}: {r.tolist()} y {p.tolist()}" for n, (r, p) in casos.items()),
              pista="Tu función debe aceptar también arrays de numpy con etiquetas numéricas.")
