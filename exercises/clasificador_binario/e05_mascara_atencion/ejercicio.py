"""Relleno y máscara de atención.

Para procesar varias frases a la vez, todas deben tener la misma longitud. Completa
``rellenar_con_mascara(secuencias, id_relleno)``: recibe una lista de listas de
identificadores de piezas (de longitudes distintas) y devuelve un diccionario con dos
claves, como el que devuelve un tokenizador con ``padding=True``:

- ``"input_ids"``: cada secuencia completada **por la derecha** con ``id_relleno``
  hasta la longitud de la más larga;
- ``"attention_mask"``: listas de la misma forma con 1 en las piezas reales y 0 en
  el relleno.

No modifiques las listas que recibes.

Ejemplo::

    >>> rellenar_con_mascara([[101, 1045, 2293, 102], [101, 102]], id_relleno=0)
    {'input_ids': [[101, 1045, 2293, 102], [101, 102, 0, 0]], 'attention_mask': [[1, 1, 1, 1], [1, 1, 0, 0]]}

Capítulo: «Clasificador binario», sección 5 (relleno, truncado y máscara de atención).
"""


def rellenar_con_mascara(secuencias, id_relleno=0):
    raise NotImplementedError
