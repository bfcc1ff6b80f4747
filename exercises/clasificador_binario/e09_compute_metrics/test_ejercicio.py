import numpy as np
import torch
from comprobaciones import comprobar, config_bert_diminuta, llamar, tokenizador_respaldo
from sklearn.metrics import accuracy_score, f1_score
from transformers import (BertForSequenceClassification, DataCollatorWithPadding, EvalPrediction,
                          Trainer, TrainingArguments)


def referencia(logits, etiquetas):
    predicciones = np.argmax(logits, axis=-1)
    return {"exactitud": float(accuracy_score(etiquetas, predicciones)),
            "f1_macro": float(f1_score(etiquetas, predicciones, average="macro"))}


def test_ejemplo_del_enunciado(ejercicio):
    logits = np.array([[2.0, -1.0], [0.5, 1.5], [3.0, 0.0], [-2.0, 1.0]])
    etiquetas = np.array([0, 1, 1, 1])
    comprobar(llamar(ejercicio, "compute_metrics", (logits, etiquetas)),
              {"exactitud": 0.75, "f1_macro": 0.7333333333333334},
              f"(logits={logits.tolist()}, etiquetas={etiquetas.tolist()})", tipo=dict,
              pista="Devuelve un diccionario con exactamente las claves 'exactitud' y 'f1_macro'.")


def test_eval_prediction_con_tres_clases(ejercicio):
    azar = np.random.default_rng(3)
    logits = azar.normal(size=(12, 3)).round(2)
    etiquetas = azar.integers(0, 3, 12)
    obtenido = llamar(ejercicio, "compute_metrics",
                      EvalPrediction(predictions=logits, label_ids=etiquetas))
    comprobar(obtenido, referencia(logits, etiquetas),
              "EvalPrediction(predictions=logits, label_ids=etiquetas) con 12 ejemplos y 3 "
              "clases al azar (véase test_ejercicio.py)",
              tipo=dict, pista="La clase predicha es la columna de mayor logit: "
                               "np.argmax(logits, axis=-1).")


def test_funciona_dentro_de_trainer(ejercicio, tmp_path):
    # Tu función debe estar completa antes de dársela a Trainer.
    llamar(ejercicio, "compute_metrics", (np.array([[1.0, 0.0]]), np.array([0])))
    torch.manual_seed(0)
    tokenizador = tokenizador_respaldo()
    modelo = BertForSequenceClassification(config_bert_diminuta(vocab_size=tokenizador.vocab_size,
                                                                 num_labels=2))
    frases = ["I love soup.", "The bus is late.", "Pizza for dinner!", "It is raining.",
              "Fresh bread smells great.", "My phone is broken."]
    ejemplos = [dict(tokenizador(f), labels=1 - i % 2) for i, f in enumerate(frases)]
    entrenador = Trainer(
        model=modelo, data_collator=DataCollatorWithPadding(tokenizador),
        args=TrainingArguments(output_dir=str(tmp_path), report_to="none", disable_tqdm=True,
                               per_device_eval_batch_size=8, dataloader_pin_memory=False,
                               use_cpu=True),
        compute_metrics=ejercicio.compute_metrics)
    salida = llamar(entrenador, "predict", ejemplos)
    esperado = referencia(salida.predictions, salida.label_ids)
    comprobar({k: salida.metrics.get(f"test_{k}") for k in esperado}, esperado,
              "Trainer.predict con un modelo BERT diminuto y 6 frases "
              "(métricas test_exactitud y test_f1_macro)",
              pista="Trainer añade el prefijo 'test_' a las claves que devuelves.")
