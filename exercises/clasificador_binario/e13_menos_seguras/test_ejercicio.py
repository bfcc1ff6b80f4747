import numpy as np
from comprobaciones import comprobar, llamar


def test_ejemplo_del_enunciado(ejercicio):
    probabilidades = np.array([[0.9, 0.1], [0.55, 0.45], [0.2, 0.8], [0.4, 0.6]])
    comprobar(llamar(ejercicio, "menos_seguras", probabilidades, 2), [1, 3],
              f"np.array({probabilidades.tolist()}), 2", tipo=list)


def test_empates_y_n_mayor_que_las_filas(ejercicio):
    probabilidades = np.array([[0.6, 0.4], [0.5, 0.5], [0.4, 0.6], [0.5, 0.5]])
    comprobar(llamar(ejercicio, "menos_seguras", probabilidades, 10), [1, 3, 0, 2],
              f"np.array({probabilidades.tolist()}), 10", tipo=list,
              pista="La confianza de una fila es su máximo (no su primera columna). Con empate, "
                    "primero la posición más baja; si n es mayor que las filas, devuélvelas todas.")


def test_tres_clases(ejercicio):
    azar = np.random.default_rng(5)
    logits = azar.normal(scale=2, size=(20, 3))
    probabilidades = (np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)).round(4)
    confianza = probabilidades.max(axis=1)
    esperado = sorted(range(20), key=lambda i: (confianza[i], i))[:5]
    obtenido = llamar(ejercicio, "menos_seguras", probabilidades, 5)
    comprobar(obtenido, esperado, "probabilidades de 20 frases y 3 clases al azar (véase "
              "test_ejercicio.py), n=5", tipo=list)
    comprobar([type(i).__name__ for i in obtenido], ["int"] * 5, "tipo de cada posición devuelta",
              pista="Convierte cada posición con int(...) (no dejes np.int64).")
