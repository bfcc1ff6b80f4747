"""Reutilizar un modelo preentrenado con una cabeza nueva.

Transferir es cargar el codificador ya entrenado y ponerle una cabeza de clasificación
nueva para *tus* etiquetas. Completa ``modelo_con_nueva_cabeza(ruta, etiquetas)``:
carga con ``AutoModelForSequenceClassification.from_pretrained`` el modelo guardado en
``ruta`` con tantas salidas como etiquetas distintas, y con ``id2label`` y ``label2id``
construidos a partir de las etiquetas distintas ordenadas alfabéticamente. Devuelve el
modelo.

Ejemplo::

    >>> modelo = modelo_con_nueva_cabeza(ruta, ["positivo", "negativo", "positivo"])
    >>> modelo.config.id2label
    {0: 'negativo', 1: 'positivo'}

Capítulo: «Aprendizaje por transferencia» (reutilizar un modelo preentrenado).
"""

from transformers import AutoModelForSequenceClassification


def modelo_con_nueva_cabeza(ruta, etiquetas):
    ordenadas = sorted(set(etiquetas))
    id2label = dict(enumerate(ordenadas))
    label2id = {e: i for i, e in id2label.items()}
    return AutoModelForSequenceClassification.from_pretrained(
        ruta, num_labels=len(ordenadas), id2label=id2label, label2id=label2id)
