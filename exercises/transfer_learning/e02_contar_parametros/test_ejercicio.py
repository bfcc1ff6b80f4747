import torch
from transformers import BertForSequenceClassification

from comprobaciones import comprobar, config_bert_diminuta, llamar


def modelo_diminuto(num_labels=3, semilla=0):
    torch.manual_seed(semilla)
    return BertForSequenceClassification(config_bert_diminuta(vocab_size=100, num_labels=num_labels))


def test_capa_lineal(ejercicio):
    comprobar(llamar(ejercicio, "contar_parametros", torch.nn.Linear(3, 2)), (8, 8),
              "torch.nn.Linear(3, 2)", tipo=tuple)


def test_bert_entero(ejercicio):
    modelo = modelo_diminuto()
    n = sum(p.numel() for p in modelo.parameters())
    comprobar(llamar(ejercicio, "contar_parametros", modelo), (n, n), "un BERT diminuto", tipo=tuple)


def test_bert_con_el_codificador_congelado(ejercicio):
    modelo = modelo_diminuto()
    modelo.base_model.requires_grad_(False)
    n = sum(p.numel() for p in modelo.parameters())
    cabeza = sum(p.numel() for p in modelo.classifier.parameters())
    comprobar(llamar(ejercicio, "contar_parametros", modelo), (cabeza, n),
              "un BERT diminuto con el codificador congelado", tipo=tuple,
              pista="Cuenta como entrenables solo los parámetros con requires_grad=True.")
