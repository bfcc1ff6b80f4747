"""Partición estratificada hecha a mano.

Una partición *estratificada* conserva en entrenamiento y en prueba la proporción de
cada clase. Completa ``particion_estratificada(etiquetas, fraccion_prueba, semilla)``:
recibe la lista de etiquetas (una por frase) y devuelve la tupla
``(indices_entrenamiento, indices_prueba)``: dos listas de posiciones de ``etiquetas``,
cada una **ordenada de menor a mayor**, que juntas contienen cada posición una sola vez.

Para cada clase por separado:

1. toma las posiciones de sus frases;
2. barájalas con un generador ``random.Random(semilla)`` (la misma semilla debe dar
   siempre el mismo resultado, y semillas distintas, particiones distintas);
3. manda a prueba las ``round(n_clase * fraccion_prueba)`` primeras y el resto, a
   entrenamiento.

Ejemplo::

    >>> etiquetas = ["food"] * 6 + ["not_food"] * 4
    >>> entrenamiento, prueba = particion_estratificada(etiquetas, 0.5, semilla=1)
    >>> len(entrenamiento), len(prueba)
    (5, 5)
    >>> [etiquetas[i] for i in prueba].count("food")  # la mitad de las 6 de food
    3

Capítulo: «Clasificador binario», sección 3 (partición estratificada).
"""

import random


def particion_estratificada(etiquetas, fraccion_prueba, semilla):
    azar = random.Random(semilla)
    entrenamiento, prueba = [], []
    for clase in sorted(set(etiquetas)):
        posiciones = [i for i, etiqueta in enumerate(etiquetas) if etiqueta == clase]
        azar.shuffle(posiciones)
        n_prueba = round(len(posiciones) * fraccion_prueba)
        prueba += posiciones[:n_prueba]
        entrenamiento += posiciones[n_prueba:]
    return sorted(entrenamiento), sorted(prueba)
