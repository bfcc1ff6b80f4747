import torch
from transformers import BertForSequenceClassification

from comprobaciones import comprobar, config_bert_diminuta, llamar


def modelo_diminuto(num_labels=3, semilla=0):
    torch.manual_seed(semilla)
    return BertForSequenceClassification(config_bert_diminuta(vocab_size=100, num_labels=num_labels))


def test_el_codificador_queda_congelado(ejercicio):
    modelo = modelo_diminuto()
    llamar(ejercicio, "congelar_codificador", modelo)
    entrenables = sorted(n for n, p in modelo.base_model.named_parameters() if p.requires_grad)
    comprobar(entrenables, [], "un BERT diminuto (parámetros del codificador aún entrenables)",
              pista="Usa modelo.base_model.requires_grad_(False).")


def test_la_cabeza_sigue_entrenable(ejercicio):
    modelo = modelo_diminuto()
    modelo.requires_grad_(False)
    llamar(ejercicio, "congelar_codificador", modelo)
    congelados = sorted(n for n, p in modelo.classifier.named_parameters() if not p.requires_grad)
    comprobar(congelados, [], "un modelo con todo congelado antes (parámetros de la cabeza congelados)",
              pista="Primero pon todo el modelo entrenable y después congela el codificador.")


def test_devuelve_los_parametros_entrenables(ejercicio):
    for etiquetas in (2, 5):
        modelo = modelo_diminuto(etiquetas)
        esperado = sum(p.numel() for p in modelo.classifier.parameters())
        comprobar(llamar(ejercicio, "congelar_codificador", modelo), esperado,
                  f"un BERT diminuto con {etiquetas} etiquetas", tipo=int)
