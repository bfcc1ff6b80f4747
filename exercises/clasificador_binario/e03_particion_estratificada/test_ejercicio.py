from collections import Counter

from comprobaciones import comprobar, llamar


def comprobar_tipo(obtenido, tipo, entrada):
    """Falla con un mensaje claro si ``obtenido`` no es del tipo pedido."""
    if not isinstance(obtenido, tipo):
        comprobar(obtenido, tipo.__name__, entrada, tipo=tipo)


def partir(ejercicio, etiquetas, fraccion, semilla, descripcion=None):
    entrada = (f"etiquetas={descripcion or repr(etiquetas)}, fraccion_prueba={fraccion}, "
               f"semilla={semilla}")
    resultado = llamar(ejercicio, "particion_estratificada", etiquetas, fraccion, semilla)
    comprobar_tipo(resultado, tuple, entrada)
    comprobar(len(resultado), 2, entrada + " (número de elementos de la tupla)",
              pista="Devuelve la tupla (indices_entrenamiento, indices_prueba).")
    for parte in resultado:
        comprobar_tipo(parte, list, entrada)
    entrenamiento, prueba = resultado
    juntas = Counter(entrenamiento + prueba)
    comprobar({"repetidas": sorted(i for i, n in juntas.items() if n > 1),
               "faltan": sorted(set(range(len(etiquetas))) - set(juntas)),
               "sobran": sorted(set(juntas) - set(range(len(etiquetas))))},
              {"repetidas": [], "faltan": [], "sobran": []}, entrada + " (posiciones devueltas)",
              pista="Cada posición de `etiquetas` debe estar exactamente en una de las dos listas.")
    comprobar([entrenamiento, prueba], [sorted(entrenamiento), sorted(prueba)], entrada,
              pista="Ordena cada lista de menor a mayor antes de devolverla.")
    return entrenamiento, prueba


def test_ejemplo_del_enunciado(ejercicio):
    etiquetas = ["food"] * 6 + ["not_food"] * 4
    descripcion = "['food'] * 6 + ['not_food'] * 4"
    entrenamiento, prueba = partir(ejercicio, etiquetas, 0.5, 1, descripcion)
    comprobar(dict(Counter(etiquetas[i] for i in prueba)), {"food": 3, "not_food": 2},
              f"etiquetas={descripcion}, fraccion_prueba=0.5 (frases de cada clase en prueba)")


def test_conserva_la_proporcion_de_cada_clase(ejercicio):
    etiquetas = (["Historia", "Artes", "Historia", "Ninguna", "Historia", "Artes"] * 4
                 + ["Historia"] * 4 + ["Artes"] * 4 + ["Ninguna"] * 4)
    # Historia: 16, Artes: 12, Ninguna: 8 -> la cuarta parte de cada una en prueba
    entrenamiento, prueba = partir(ejercicio, etiquetas, 0.25, 7,
                                   "36 etiquetas: 16 Historia, 12 Artes y 8 Ninguna, mezcladas")
    comprobar({"entrenamiento": dict(Counter(etiquetas[i] for i in entrenamiento)),
               "prueba": dict(Counter(etiquetas[i] for i in prueba))},
              {"entrenamiento": {"Historia": 12, "Artes": 9, "Ninguna": 6},
               "prueba": {"Historia": 4, "Artes": 3, "Ninguna": 2}},
              "36 etiquetas: 16 Historia, 12 Artes y 8 Ninguna; fraccion_prueba=0.25",
              pista="Reparte cada clase por separado: round(n_clase * fraccion_prueba) a prueba.")


def test_la_semilla_decide_el_barajado(ejercicio):
    etiquetas = ["food", "not_food"] * 20
    descripcion = "['food', 'not_food'] * 20"
    primera = partir(ejercicio, etiquetas, 0.2, 3, descripcion)
    comprobar(partir(ejercicio, etiquetas, 0.2, 3, descripcion), primera,
              "la misma entrada dos veces, con semilla=3",
              pista="Crea el generador con random.Random(semilla) dentro de la función.")
    distintas = {tuple(partir(ejercicio, etiquetas, 0.2, s, descripcion)[1]) for s in range(5)}
    comprobar(len(distintas) > 1, True, "semillas 0, 1, 2, 3 y 4 (¿dan particiones distintas?)",
              pista="Baraja las posiciones de cada clase con el generador antes de repartirlas: "
                    "si no, la prueba son siempre las primeras frases.")
