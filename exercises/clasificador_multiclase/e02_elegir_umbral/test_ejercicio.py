import numpy as np
from comprobaciones import comprobar, llamar


def test_ejemplo_del_enunciado(ejercicio):
    probabilidades = np.array([[0.9, 0.1], [0.2, 0.8], [0.55, 0.45], [0.6, 0.4]])
    reales = ["Artes", "Historia", "Ninguna", "Artes"]
    candidatos = [0.0, 0.58, 0.7, 0.95]
    comprobar(llamar(ejercicio, "elegir_umbral", probabilidades, reales, ["Artes", "Historia"],
                     candidatos),
              0.58, f"np.array({probabilidades.tolist()}), {reales!r}, ['Artes', 'Historia'], "
                    f"{candidatos!r}", tipo=float)


def test_empate_gana_el_umbral_mas_bajo(ejercicio):
    probabilidades = np.array([[0.9, 0.1], [0.1, 0.9], [0.55, 0.45], [0.7, 0.3], [0.4, 0.6]])
    reales = ["Artes", "Historia", "Ninguna", "Artes", "Historia"]
    candidatos = [0.6, 0.56, 0.58, 0.9, 0.3]
    comprobar(llamar(ejercicio, "elegir_umbral", probabilidades, reales, ["Artes", "Historia"],
                     candidatos),
              0.56, f"np.array({probabilidades.tolist()}), {reales!r}, ['Artes', 'Historia'], "
                    f"{candidatos!r}", tipo=float,
              pista="0.56, 0.58 y 0.6 dan el mismo F1 macro: devuelve el más bajo, aunque los "
                    "candidatos no vengan ordenados.")


def test_candidatos_en_un_array_de_numpy(ejercicio):
    probabilidades = np.array([
        [0.80, 0.15, 0.05], [0.10, 0.85, 0.05], [0.40, 0.35, 0.25], [0.30, 0.30, 0.40],
        [0.62, 0.20, 0.18], [0.20, 0.44, 0.36], [0.05, 0.15, 0.80], [0.36, 0.33, 0.31],
        [0.50, 0.45, 0.05], [0.15, 0.70, 0.15]])
    etiquetas = ["Artes", "Historia", "Religión"]
    reales = ["Artes", "Historia", "Ninguna", "Ninguna", "Artes", "Historia", "Religión",
              "Ninguna", "Ninguna", "Historia"]
    candidatos = np.round(np.arange(0, 1, 0.05), 2)
    comprobar(llamar(ejercicio, "elegir_umbral", probabilidades, reales, etiquetas, candidatos),
              0.55, "10 frases de validación y 3 clases (véase test_ejercicio.py), "
                    "candidatos=np.round(np.arange(0, 1, 0.05), 2)", tipo=float,
              pista="Calcula el F1 macro de cada umbral con f1_score(reales, predichas, "
                    "average='macro', zero_division=0) y quédate con el mejor.")


def test_maximiza_el_f1_macro_no_la_exactitud(ejercicio):
    probabilidades = np.array([[0.9, 0.1], [0.1, 0.9], [0.6, 0.4], [0.605, 0.395],
                               [0.64, 0.36], [0.63, 0.37], [0.58, 0.42]])
    reales = ["Artes", "Historia", "Artes", "Artes", "Artes", "Artes", "Ninguna"]
    candidatos = [0.0, 0.61, 0.65]
    comprobar(llamar(ejercicio, "elegir_umbral", probabilidades, reales, ["Artes", "Historia"],
                     candidatos),
              0.61, f"np.array({probabilidades.tolist()}), {reales!r}, ['Artes', 'Historia'], "
                    f"{candidatos!r}", tipo=float,
              pista="Con 0.0 se aciertan más frases (6 de 7), pero con 0.61 se detecta la de "
                    "Ninguna y el F1 macro (average='macro'), que pesa igual cada clase, es mayor.")
