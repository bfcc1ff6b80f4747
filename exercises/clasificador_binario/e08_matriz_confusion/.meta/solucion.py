"""Matriz de confusión calculada a mano.

La matriz de confusión cuenta, para cada etiqueta real, qué predijo el modelo.
Completa ``matriz_confusion(reales, predichas, etiquetas)``: devuelve una lista de
listas de enteros en la que la fila ``i`` corresponde a la etiqueta real
``etiquetas[i]`` y la columna ``j`` a la etiqueta predicha ``etiquetas[j]`` (el mismo
convenio que ``sklearn.metrics.confusion_matrix``). Respeta el orden de ``etiquetas``,
aunque no sea el alfabético. La diagonal son los aciertos.

Ejemplo::

    >>> matriz_confusion(["food", "food", "not_food", "not_food", "not_food"],
    ...                  ["food", "not_food", "not_food", "food", "not_food"],
    ...                  ["food", "not_food"])
    [[1, 1], [1, 2]]

Capítulo: «Clasificador binario», sección 8 (matriz de confusión).
"""


def matriz_confusion(reales, predichas, etiquetas):
    posicion = {etiqueta: i for i, etiqueta in enumerate(etiquetas)}
    matriz = [[0] * len(etiquetas) for _ in etiquetas]
    for real, predicha in zip(reales, predichas):
        matriz[posicion[real]][posicion[predicha]] += 1
    return matriz
