import numpy as np
from comprobaciones import comprobar, llamar
from sklearn.metrics import recall_score


def test_ejemplo_del_enunciado(ejercicio):
    reales = ["Artes", "Artes", "Historia", "Ninguna"]
    predichas = ["Artes", "Historia", "Historia", "Artes"]
    comprobar(llamar(ejercicio, "exhaustividad_por_clase", reales, predichas),
              {"Artes": 0.5, "Historia": 1.0, "Ninguna": 0.0}, f"{reales!r}, {predichas!r}",
              tipo=dict)


def test_igual_que_scikit_learn(ejercicio):
    azar = np.random.default_rng(6)
    clases = ["Artes", "Geografía", "Historia", "Matemáticas", "Ninguna"]
    reales = [clases[i] for i in azar.integers(0, 5, 40)]
    predichas = [r if azar.random() < 0.5 else clases[azar.integers(0, 5)] for r in reales]
    presentes = sorted(set(reales))
    esperado = dict(zip(presentes, recall_score(reales, predichas, labels=presentes,
                                                average=None).tolist()))
    comprobar(llamar(ejercicio, "exhaustividad_por_clase", reales, predichas), esperado,
              "40 etiquetas reales al azar entre 5 asignaturas y sus predicciones (la mitad "
              "copiadas; véase test_ejercicio.py)", tipo=dict,
              pista="Para cada clase real: aciertos de esa clase / frases reales de esa clase.")


def test_solo_las_clases_reales(ejercicio):
    reales = ["Artes", "Artes", "Artes"]
    predichas = ["Artes", "Ninguna", "Historia"]
    comprobar(llamar(ejercicio, "exhaustividad_por_clase", reales, predichas),
              {"Artes": 1 / 3}, f"{reales!r}, {predichas!r}", tipo=dict,
              pista="Ninguna e Historia solo aparecen en las predicciones: no tienen frases "
                    "reales, así que no llevan entrada en el diccionario.")
