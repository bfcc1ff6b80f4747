from comprobaciones import comprobar, llamar

ETIQUETAS = {"food", "not_food"}


def filas_de(pares):
    """Filas como las de csv.DictReader a partir de pares (texto, etiqueta)."""
    return [{"text": texto, "label": etiqueta} for texto, etiqueta in pares]


def mostrar(pares):
    return f"filas con (text, label) = {pares!r}, etiquetas_validas={{'food', 'not_food'}}"


def test_ejemplo_del_enunciado(ejercicio):
    pares = [("I love soup.", "food"), ("   ", "food"), ("The bus is late.", "no_food"),
             ("I love soup. ", "food")]
    comprobar(llamar(ejercicio, "validar_filas", filas_de(pares), ETIQUETAS),
              ["fila 3: texto vacío", "fila 4: etiqueta desconocida 'no_food'",
               "fila 5: repite el texto de la fila 2"],
              mostrar(pares), tipo=list)


def test_espacios_sobrantes(ejercicio):
    pares = [("Pass the bread.", "food"), ("My bike broke.", " not_food "),
             ("Pasta again?", "food"), ("  Pasta again?  ", "food\n")]
    comprobar(llamar(ejercicio, "validar_filas", filas_de(pares), ETIQUETAS),
              ["fila 5: repite el texto de la fila 4"], mostrar(pares), tipo=list,
              pista="Quita los espacios del principio y del final del texto y de la etiqueta "
                    "con `.strip()` antes de comprobarlos.")


def test_vacios_y_repeticiones(ejercicio):
    pares = [("Soup!", "food"), (None, "food"), ("Soup!", "food")]
    comprobar(llamar(ejercicio, "validar_filas", filas_de(pares), ETIQUETAS),
              ["fila 3: texto vacío", "fila 4: repite el texto de la fila 2"],
              mostrar(pares), tipo=list,
              pista="None cuenta como texto vacío.")
    pares = [("Rain.", "Not_food"), ("Rain.", "not_food"), ("Tea?", "")]
    comprobar(llamar(ejercicio, "validar_filas", filas_de(pares), ETIQUETAS),
              ["fila 2: etiqueta desconocida 'Not_food'", "fila 3: repite el texto de la fila 2",
               "fila 4: etiqueta desconocida ''"],
              mostrar(pares), tipo=list,
              pista="Una repetición nombra la primera fila con ese texto, aunque esa fila tuviera "
                    "otro problema.")
