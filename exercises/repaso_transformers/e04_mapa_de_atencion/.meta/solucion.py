"""Los pesos de atención de una cabeza, para dibujar su mapa de calor.

Un mapa de calor de atención es una matriz: la fila ``i`` dice cómo reparte su atención la
pieza ``i`` entre todas las piezas de la frase (las columnas), así que cada fila suma 1. Los
modelos de transformers te la dan si la pides con ``output_attentions=True``: la salida
trae entonces ``attentions``, una tupla con un tensor por capa, de forma
``(frases, cabezas, piezas, piezas)``. Completa ``mapa_de_atencion(ruta, frase, capa,
cabeza)``:

- carga de ``ruta`` el tokenizador (``AutoTokenizer.from_pretrained``) y el modelo
  (``AutoModel.from_pretrained``) con ``attn_implementation="eager"``: la implementación
  por defecto (``"sdpa"``) es más rápida, pero no calcula los pesos por separado y
  ``attentions`` llega vacía;
- tokeniza la frase (con ``return_tensors="pt"``) y pásala por el modelo, sin guardar
  gradientes, pidiendo ``output_attentions=True``;
- devuelve la tupla ``(piezas, pesos)``: ``piezas``, la lista de piezas de la frase con las
  especiales ``[CLS]`` y ``[SEP]`` (``tokenizador.convert_ids_to_tokens``), y ``pesos``, un
  array de NumPy de forma ``(n_piezas, n_piezas)`` con los pesos de la cabeza ``cabeza`` de
  la capa ``capa`` (las dos se cuentan desde 0).

Ejemplo, con un modelo BERT guardado en ``ruta`` (los pesos son inventados)::

    >>> piezas, pesos = mapa_de_atencion(ruta, "The soup was cold.", capa=1, cabeza=0)
    >>> piezas
    ['[CLS]', 'the', 'soup', 'was', 'cold', '.', '[SEP]']
    >>> pesos.shape, pesos.sum(axis=1).round(3).tolist()
    ((7, 7), [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0])
    >>> plt.imshow(pesos, cmap="Blues")  # el mapa de calor de la sección 5

Capítulo: «Repaso de transformers», sección 5 (mapas de calor de atención).
"""

import torch
from transformers import AutoModel, AutoTokenizer


def mapa_de_atencion(ruta, frase, capa, cabeza):
    tokenizador = AutoTokenizer.from_pretrained(ruta)
    modelo = AutoModel.from_pretrained(ruta, attn_implementation="eager")
    entradas = tokenizador(frase, return_tensors="pt")
    with torch.no_grad():
        salida = modelo(**entradas, output_attentions=True)
    piezas = tokenizador.convert_ids_to_tokens(entradas["input_ids"][0])
    pesos = salida.attentions[capa][0, cabeza].numpy()
    return piezas, pesos
