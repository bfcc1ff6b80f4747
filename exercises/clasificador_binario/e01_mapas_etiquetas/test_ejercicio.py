from comprobaciones import comprobar, llamar


def mapas(ejercicio, etiquetas):
    """Llama a la función del alumno y comprueba que devuelve una tupla de dos diccionarios."""
    resultado = llamar(ejercicio, "mapas_etiquetas", etiquetas)
    if not isinstance(resultado, tuple):
        comprobar(resultado, "(id2label, label2id)", repr(etiquetas), tipo=tuple)
    comprobar([type(m).__name__ for m in resultado], ["dict", "dict"], repr(etiquetas),
              pista="Devuelve la tupla (id2label, label2id), dos diccionarios.")
    return resultado


def test_ejemplo_del_enunciado(ejercicio):
    entrada = ["not_food", "food", "food"]
    comprobar(llamar(ejercicio, "mapas_etiquetas", entrada),
              ({0: "food", 1: "not_food"}, {"food": 0, "not_food": 1}), repr(entrada), tipo=tuple)


def test_el_orden_de_entrada_no_importa(ejercicio):
    a = mapas(ejercicio, ["Matemáticas", "Artes", "Historia", "Artes"])
    comprobar(a[0], {0: "Artes", 1: "Historia", 2: "Matemáticas"},
              repr(["Matemáticas", "Artes", "Historia", "Artes"]) + " (id2label)")
    b = mapas(ejercicio, ["Historia", "Matemáticas", "Artes"])
    comprobar(a, b, "dos listas con las mismas etiquetas en distinto orden",
              pista="Ordena las etiquetas distintas antes de numerarlas.")


def test_mapas_inversos(ejercicio):
    entrada = ["c", "a", "b", "a", "c"]
    id2label, label2id = mapas(ejercicio, entrada)
    comprobar(id2label, {0: "a", 1: "b", 2: "c"}, repr(entrada), tipo=dict)
    comprobar({v: k for k, v in id2label.items()}, label2id, "label2id debe ser el inverso de id2label")
