"""Validar las filas de un conjunto de datos antes de entrenar.

Una frase vacía, una etiqueta mal escrita o una fila repetida estropean un
entrenamiento sin avisar, así que conviene revisarlas antes. Completa
``validar_filas(filas, etiquetas_validas)``: recibe una lista de diccionarios con las
claves ``"text"`` y ``"label"`` (como las filas que da ``csv.DictReader``) y el
conjunto de etiquetas permitidas, y devuelve la **lista de problemas** encontrados
(cadenas en español), vacía si todo está bien.

Las filas se numeran como en un editor de texto: la cabecera es la fila 1, así que
``filas[0]`` es la fila 2. Ignora los espacios del principio y del final del texto y de
la etiqueta, y anota **solo el primer problema** de cada fila, en este orden:

1. ``"fila N: texto vacío"`` si no hay texto (también si falta o vale ``None``);
2. ``"fila N: etiqueta desconocida 'X'"`` si la etiqueta ``X`` no está permitida;
3. ``"fila N: repite el texto de la fila M"`` si el mismo texto ya apareció antes;
   ``M`` es la primera fila en la que apareció (aunque esa fila tuviera otro problema).

Ejemplo::

    >>> filas = [{"text": "I love soup.", "label": "food"},
    ...          {"text": "   ", "label": "food"},
    ...          {"text": "The bus is late.", "label": "no_food"},
    ...          {"text": "I love soup. ", "label": "food"}]
    >>> validar_filas(filas, {"food", "not_food"})
    ['fila 3: texto vacío', "fila 4: etiqueta desconocida 'no_food'", 'fila 5: repite el texto de la fila 2']

Capítulo: «Clasificador binario», sección 2 (cargar y explorar los datos: `leer_csv`).
"""


def validar_filas(filas, etiquetas_validas):
    raise NotImplementedError
