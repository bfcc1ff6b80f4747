import numpy as np
from comprobaciones import comprobar, llamar

ETIQUETAS = ["Historia", "Artes", "Religión"]


def test_ejemplo_del_enunciado(ejercicio):
    probabilidades = np.array([[0.70, 0.20, 0.10], [0.40, 0.35, 0.25]])
    comprobar(llamar(ejercicio, "aplicar_umbral", probabilidades, ETIQUETAS, 0.5),
              ["Historia", "Ninguna"], f"np.array({probabilidades.tolist()}), {ETIQUETAS!r}, 0.5",
              tipo=list)


def test_umbral_cero_es_la_clase_mas_probable(ejercicio):
    etiquetas = ["Artes", "Geografía", "Historia", "Ninguna"]
    probabilidades = np.array([[0.1, 0.2, 0.3, 0.4], [0.7, 0.1, 0.1, 0.1],
                               [0.2, 0.5, 0.2, 0.1], [0.05, 0.05, 0.6, 0.3]])
    comprobar(llamar(ejercicio, "aplicar_umbral", probabilidades, etiquetas, 0.0),
              ["Ninguna", "Artes", "Geografía", "Historia"],
              f"np.array({probabilidades.tolist()}), {etiquetas!r}, 0.0", tipo=list,
              pista="Con umbral 0 nunca se cambia la respuesta: es la etiqueta de la columna "
                    "con mayor probabilidad (np.argmax de cada fila).")


def test_probabilidad_igual_al_umbral_se_queda(ejercicio):
    probabilidades = np.array([[0.5, 0.3, 0.2], [0.1, 0.45, 0.45], [0.2, 0.2, 0.6],
                               [0.34, 0.33, 0.33]])
    comprobar(llamar(ejercicio, "aplicar_umbral", probabilidades, ETIQUETAS, 0.5),
              ["Historia", "Ninguna", "Religión", "Ninguna"],
              f"np.array({probabilidades.tolist()}), {ETIQUETAS!r}, 0.5", tipo=list,
              pista="Solo es «Ninguna» si la probabilidad ganadora es MENOR que el umbral; si "
                    "es igual, se queda la etiqueta.")
