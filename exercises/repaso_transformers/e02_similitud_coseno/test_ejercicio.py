import numpy as np
from comprobaciones import comprobar, llamar
from sklearn.metrics.pairwise import cosine_similarity


def test_ejemplo_del_enunciado(ejercicio):
    a, b = np.array([1.0, 0.0]), np.array([3.0, 4.0])
    comprobar(llamar(ejercicio, "similitud_coseno", a, b), 0.6,
              f"np.array({a.tolist()}), np.array({b.tolist()})", tipo=float)
    candidatos = np.array([[0.0, 2.0], [5.0, 1.0], [-1.0, 0.0]])
    comprobar(llamar(ejercicio, "mas_parecida", a, candidatos), 1,
              f"np.array({a.tolist()}), np.array({candidatos.tolist()})", tipo=int)


def test_similitud_igual_que_scikit_learn(ejercicio):
    azar = np.random.default_rng(7)
    a = azar.normal(size=8).round(3)
    b = azar.normal(size=8).round(3)
    casos = {"a y b": (a, b), "a y 5·a": (a, 5 * a), "a y -a": (a, -a)}
    obtenidos = {nombre: llamar(ejercicio, "similitud_coseno", x, y)
                 for nombre, (x, y) in casos.items()}
    esperados = {nombre: float(cosine_similarity([x], [y])[0, 0]) for nombre, (x, y) in casos.items()}
    comprobar(obtenidos, esperados, f"a=np.array({a.tolist()}), b=np.array({b.tolist()})",
              pista="Divide el producto escalar entre el producto de las normas "
                    "(np.linalg.norm): así la longitud de los vectores no importa.")


def test_mas_parecida_no_es_el_mayor_producto_escalar(ejercicio):
    consulta = np.array([1.0, 0.0, 0.0])
    candidatos = np.array([[10.0, 10.0, 0.0], [0.9, 0.1, 0.0], [0.0, 0.0, 3.0],
                           [-2.0, 0.0, 0.0]])
    comprobar(llamar(ejercicio, "mas_parecida", consulta, candidatos), 1,
              f"np.array({consulta.tolist()}), np.array({candidatos.tolist()})", tipo=int,
              pista="La fila 0 tiene el mayor producto escalar porque es larga, pero la más "
                    "parecida en dirección es la 1: usa la similitud del coseno.")
    azar = np.random.default_rng(8)
    consulta, candidatos = azar.normal(size=16), azar.normal(size=(12, 16))
    comprobar(llamar(ejercicio, "mas_parecida", consulta, candidatos),
              int(cosine_similarity([consulta], candidatos).argmax()),
              "una consulta y 12 candidatos al azar de dimensión 16", tipo=int)
