from comprobaciones import comprobar, llamar


def test_ejemplo_del_enunciado(ejercicio):
    entrada = ["not_food", "food", "food"]
    comprobar(llamar(ejercicio, "mapas_etiquetas", entrada),
              ({0: "food", 1: "not_food"}, {"food": 0, "not_food": 1}), repr(entrada), tipo=tuple)


def test_el_orden_de_entrada_no_importa(ejercicio):
    a = llamar(ejercicio, "mapas_etiquetas", ["Matemáticas", "Artes", "Historia", "Artes"])
    b = llamar(ejercicio, "mapas_etiquetas", ["Historia", "Matemáticas", "Artes"])
    comprobar(a, b, "dos listas con las mismas etiquetas en distinto orden",
              pista="Ordena las etiquetas distintas antes de numerarlas.")


def test_mapas_inversos(ejercicio):
    entrada = ["c", "a", "b", "a", "c"]
    id2label, label2id = llamar(ejercicio, "mapas_etiquetas", entrada)
    comprobar(id2label, {0: "a", 1: "b", 2: "c"}, repr(entrada), tipo=dict)
    comprobar({v: k for k, v in id2label.items()}, label2id, "label2id debe ser el inverso de id2label")
