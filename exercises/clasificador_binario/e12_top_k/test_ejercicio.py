import numpy as np
from comprobaciones import comprobar, llamar

ASIGNATURAS = ["Artes", "Historia", "Ninguna"]


def test_ejemplo_del_enunciado(ejercicio):
    comprobar(llamar(ejercicio, "top_k", [0.1, 0.6, 0.3], ASIGNATURAS, 2),
              [("Historia", 0.6), ("Ninguna", 0.3)], f"[0.1, 0.6, 0.3], {ASIGNATURAS!r}, 2",
              tipo=list)


def test_k_mayor_que_el_numero_de_etiquetas(ejercicio):
    comprobar(llamar(ejercicio, "top_k", [0.5, 0.2, 0.3], ASIGNATURAS, 5),
              [("Artes", 0.5), ("Ninguna", 0.3), ("Historia", 0.2)],
              f"[0.5, 0.2, 0.3], {ASIGNATURAS!r}, 5", tipo=list,
              pista="Si k es mayor que el número de etiquetas, devuelve todas, ordenadas.")


def test_array_de_numpy_y_empates(ejercicio):
    probabilidades = np.array([0.25, 0.25, 0.4, 0.1])
    etiquetas = ["food", "drink", "sport", "music"]
    obtenido = llamar(ejercicio, "top_k", probabilidades, etiquetas, 3)
    comprobar(obtenido, [("sport", 0.4), ("food", 0.25), ("drink", 0.25)],
              f"np.array({probabilidades.tolist()}), {etiquetas!r}, 3", tipo=list,
              pista="Con empate va primero la etiqueta que aparece antes en `etiquetas`: "
                    "sorted es estable si ordenas solo por probabilidad (con key=...).")
    comprobar([type(p).__name__ for _, p in obtenido], ["float"] * 3,
              "tipo de cada probabilidad devuelta",
              pista="Convierte cada probabilidad con float(...) (no dejes np.float64).")
