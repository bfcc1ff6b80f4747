"""Guardar un clasificador en una carpeta y volver a cargarlo.

Un modelo ajustado solo sirve si lo puedes usar mañana, en otro programa. El método
``save_pretrained(carpeta)`` del modelo escribe su configuración (``config.json``, con
``id2label`` y ``label2id``) y sus pesos (``model.safetensors``); el del tokenizador escribe
su vocabulario y su configuración (``tokenizer.json``, ``tokenizer_config.json``). Después,
``from_pretrained`` acepta esa carpeta igual que un identificador del Hub. Completa:

- ``guardar(modelo, tokenizador, carpeta)``: guarda el modelo **y** el tokenizador en
  ``carpeta`` (una ruta, que puede no existir todavía). No devuelve nada;
- ``cargar(carpeta)``: lee la carpeta con ``AutoModelForSequenceClassification`` y
  ``AutoTokenizer`` y devuelve la tupla ``(modelo, tokenizador)``.

Al cargar, el modelo debe conservar su cabeza de clasificación (sus pesos y los nombres de
sus etiquetas): por eso se usa ``AutoModelForSequenceClassification`` y no ``AutoModel``.

Ejemplo::

    >>> guardar(modelo, tokenizador, "salidas/mi_clasificador")
    >>> sorted(p.name for p in Path("salidas/mi_clasificador").iterdir())
    ['config.json', 'model.safetensors', 'tokenizer.json', 'tokenizer_config.json']
    >>> modelo_cargado, tokenizador_cargado = cargar("salidas/mi_clasificador")
    >>> modelo_cargado.config.id2label
    {0: 'negativo', 1: 'neutro', 2: 'positivo'}

Capítulo: «Primeros pasos con Hugging Face», sección 5 (el Hub: `from_pretrained` con una carpeta).
"""

from transformers import AutoModelForSequenceClassification, AutoTokenizer


def guardar(modelo, tokenizador, carpeta):
    raise NotImplementedError


def cargar(carpeta):
    raise NotImplementedError
