"""Lo que hace un `pipeline` de clasificación, paso a paso.

Un `pipeline("text-classification")` esconde tres pasos: el **tokenizador** convierte las
frases en números, el **modelo** devuelve un *logit* por etiqueta y el **posprocesado**
los convierte en probabilidades con *softmax* y les pone nombre con ``id2label``. Hazlos
tú, sin usar ``pipeline``. Completa ``probabilidades(ruta, frases)``:

1. carga de ``ruta`` (una carpeta con un clasificador y su tokenizador guardados) el
   tokenizador con ``AutoTokenizer.from_pretrained`` y el modelo con
   ``AutoModelForSequenceClassification.from_pretrained``;
2. tokeniza **todas** las frases de la lista de una vez, con relleno
   (``padding=True``), truncado (``truncation=True``) y ``return_tensors="pt"``;
3. pasa el lote completo por el modelo (``modelo(**entradas)``: la máscara de atención
   hace que el relleno no cuente), sin guardar gradientes (``torch.no_grad()``);
4. aplica *softmax* a los *logits* de cada frase y devuelve una lista con un diccionario
   por frase, ``{etiqueta: probabilidad}``, con los nombres de ``modelo.config.id2label`` y
   las probabilidades como ``float`` de Python.

El resultado debe coincidir con el de ``pipeline(..., top_k=None)``, que clasifica las
frases de una en una. La sección 4 del capítulo hace lo mismo con una sola frase.

Ejemplo, con un clasificador guardado en ``ruta`` (las probabilidades son inventadas)::

    >>> probabilidades(ruta, ["I love soup.", "The train leaves at nine."])
    [{'food': 0.93, 'not_food': 0.07}, {'food': 0.12, 'not_food': 0.88}]

Capítulo: «Primeros pasos con Hugging Face», sección 3 (detrás del `pipeline`: tokenizador, modelo y posprocesado).
"""

import torch
from transformers import AutoModelForSequenceClassification, AutoTokenizer


def probabilidades(ruta, frases):
    raise NotImplementedError
