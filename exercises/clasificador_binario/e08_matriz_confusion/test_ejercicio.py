import numpy as np
from comprobaciones import comprobar, llamar
from sklearn.metrics import confusion_matrix


def test_ejemplo_del_enunciado(ejercicio):
    reales = ["food", "food", "not_food", "not_food", "not_food"]
    predichas = ["food", "not_food", "not_food", "food", "not_food"]
    comprobar(llamar(ejercicio, "matriz_confusion", reales, predichas, ["food", "not_food"]),
              [[1, 1], [1, 2]], f"{reales!r}, {predichas!r}, ['food', 'not_food']", tipo=list)


def test_respeta_el_orden_de_las_etiquetas(ejercicio):
    reales = ["food", "food", "food", "not_food"]
    predichas = ["food", "food", "not_food", "not_food"]
    etiquetas = ["not_food", "food"]
    comprobar(llamar(ejercicio, "matriz_confusion", reales, predichas, etiquetas),
              [[1, 0], [1, 2]], f"{reales!r}, {predichas!r}, {etiquetas!r}", tipo=list,
              pista="La fila i y la columna j corresponden a etiquetas[i] y etiquetas[j], en el "
                    "orden dado (aquí not_food va primero). Filas: reales; columnas: predichas.")


def test_igual_que_scikit_learn_con_cuatro_clases(ejercicio):
    azar = np.random.default_rng(2)
    etiquetas = ["Matemáticas", "Historia", "Artes", "Ninguna"]
    reales = [etiquetas[i] for i in azar.integers(0, 4, 40)]
    predichas = [etiquetas[i] for i in azar.integers(0, 4, 40)]
    comprobar(llamar(ejercicio, "matriz_confusion", reales, predichas, etiquetas),
              confusion_matrix(reales, predichas, labels=etiquetas).tolist(),
              f"40 etiquetas reales y 40 predichas al azar, etiquetas={etiquetas!r}", tipo=list)
