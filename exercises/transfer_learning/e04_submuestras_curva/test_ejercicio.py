from collections import Counter

import datasets
import pytest
from comprobaciones import comprobar, llamar
from datasets import ClassLabel, Dataset, Features, Value

datasets.disable_progress_bars()

PLATOS = ["soup", "pasta", "salad", "tacos", "paella", "curry", "sushi", "pizza", "stew", "bread"]
COSAS = ["train", "phone", "bike", "meeting", "laptop"]
BEBIDAS = ["tea", "coffee", "juice", "lemonade", "milk"]


def frases(plantilla, palabras, cuantas):
    return [plantilla.format(palabras[i % len(palabras)], i) for i in range(cuantas)]


def reserva(etiquetas_de_texto=False, con_bebidas=False):
    """Una reserva de frases inventadas: 40 food y 20 not_food (y 15 drink si se pide)."""
    textos = (frases("I cooked {} for dinner, take {}.", PLATOS, 40)
              + frases("The {} broke down again, day {}.", COSAS, 20))
    etiquetas = ["food"] * 40 + ["not_food"] * 20
    if con_bebidas:
        textos, etiquetas = textos[10:], etiquetas[10:]  # 30 food y 20 not_food
        textos += frases("A cold glass of {}, number {}.", BEBIDAS, 15)
        etiquetas += ["drink"] * 15
    if etiquetas_de_texto:
        return Dataset.from_dict({"text": textos, "label": etiquetas})
    nombres = sorted(set(etiquetas))
    return Dataset.from_dict({"text": textos, "label": [nombres.index(e) for e in etiquetas]},
                             features=Features({"text": Value("string"),
                                                "label": ClassLabel(names=nombres)}))


def referencia(dataset, n, semilla):
    if not isinstance(dataset.features["label"], ClassLabel):
        dataset = dataset.cast_column("label", ClassLabel(names=sorted(set(dataset["label"]))))
    return dataset.train_test_split(train_size=n, stratify_by_column="label", seed=semilla)["train"]


def comprobar_tipo(obtenido, tipo, entrada):
    """Falla con un mensaje claro si ``obtenido`` no es del tipo pedido."""
    if not isinstance(obtenido, tipo):
        comprobar(obtenido, tipo.__name__, entrada, tipo=tipo)


def llamar_con_pista(ejercicio, *args, pista):
    """Como ``llamar``, pero si la función lanza un error añade una pista al mensaje."""
    try:
        return llamar(ejercicio, "submuestra", *args)
    except pytest.fail.Exception as fallo:
        if " lanzó " not in str(fallo):
            raise
        pytest.fail(f"{fallo}\n{pista}", pytrace=False)


def recuento(muestra):
    """Cuántas frases hay de cada etiqueta, por su nombre."""
    etiqueta = muestra.features.get("label")
    valores = list(muestra["label"]) if "label" in muestra.column_names else []
    if isinstance(etiqueta, ClassLabel):
        valores = etiqueta.int2str(valores)
    return dict(sorted(Counter(valores).items()))


def test_tamano_y_proporciones(ejercicio):
    datos = reserva()
    for n, esperado in [(12, {"food": 8, "not_food": 4}), (9, {"food": 6, "not_food": 3})]:
        for semilla in (0, 1, 2):
            entrada = f"reserva (40 food y 20 not_food, label ClassLabel), n={n}, semilla={semilla}"
            muestra = llamar(ejercicio, "submuestra", datos, n, semilla)
            comprobar_tipo(muestra, Dataset, entrada)
            comprobar(muestra.num_rows, n, entrada + " (número de frases)",
                      pista="Usa train_size=n en train_test_split y devuelve la parte \"train\".")
            comprobar(recuento(muestra), esperado, entrada + " (frases de cada etiqueta)",
                      pista="Con stratify_by_column=\"label\" cada clase conserva su proporción: "
                            "2 frases food por cada not_food.")


def test_misma_semilla_mismas_frases(ejercicio):
    datos = reserva()
    entrada = "reserva (40 food y 20 not_food), n=10"
    primera = llamar(ejercicio, "submuestra", datos, 10, 3)
    comprobar_tipo(primera, Dataset, entrada + ", semilla=3")
    segunda = llamar(ejercicio, "submuestra", datos, 10, 3)
    comprobar_tipo(segunda, Dataset, entrada + ", semilla=3")
    comprobar(list(segunda["text"]), list(primera["text"]),
              entrada + ", semilla=3 dos veces (la segunda debe dar las mismas frases)",
              pista="Pasa seed=semilla a train_test_split: sin semilla, cada llamada elige otras frases.")
    for semilla in (3, 4):
        muestra = llamar(ejercicio, "submuestra", datos, 10, semilla)
        comprobar_tipo(muestra, Dataset, entrada + f", semilla={semilla}")
        comprobar(list(muestra["text"]), list(referencia(datos, 10, semilla)["text"]),
                  entrada + f", semilla={semilla} (frases elegidas)",
                  pista="Elige las frases con dataset.train_test_split(train_size=n, "
                        "stratify_by_column=\"label\", seed=semilla)[\"train\"], sin barajar antes "
                        "ni después.")


def test_etiquetas_de_texto(ejercicio):
    datos = reserva(etiquetas_de_texto=True, con_bebidas=True)
    entrada = "reserva (30 food, 20 not_food y 15 drink, label de texto), n=13, semilla=0"
    muestra = llamar_con_pista(ejercicio, datos, 13, 0,
                               pista="La columna label de esta reserva es de texto: conviértela "
                                     "antes en ClassLabel con cast_column.")
    comprobar_tipo(muestra, Dataset, entrada)
    comprobar(recuento(muestra), {"drink": 3, "food": 6, "not_food": 4}, entrada + " (frases de cada etiqueta)",
              pista="Convierte antes label en ClassLabel con los nombres ordenados, "
                    "dataset.cast_column(\"label\", ClassLabel(names=sorted(set(dataset[\"label\"])))), "
                    "y estratifica con stratify_by_column=\"label\".")
    comprobar(list(muestra["text"]), list(referencia(datos, 13, 0)["text"]),
              entrada + " (frases elegidas)",
              pista="Ordena los nombres de las etiquetas al crear el ClassLabel (el orden decide "
                    "qué número recibe cada clase y, con él, qué frases se eligen) y pasa "
                    "seed=semilla a train_test_split.")
