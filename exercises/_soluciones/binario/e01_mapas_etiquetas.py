"""Solución de referencia: mapas de etiquetas a partir de una lista ordenada."""


def mapas_etiquetas(etiquetas):
    ordenadas = sorted(set(etiquetas))
    id2label = dict(enumerate(ordenadas))
    label2id = {etiqueta: i for i, etiqueta in id2label.items()}
    return id2label, label2id
