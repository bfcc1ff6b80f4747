"""Ajuste fino leyendo los datos en *streaming*: el archivo nunca se carga entero.

La receta del capítulo del clasificador binario con un cambio: ``load_dataset(...,
streaming=True)`` devuelve un ``IterableDataset`` que lee el CSV a trozos, baraja en un
búfer de tamaño fijo y tokeniza cada lote justo cuando ``Trainer`` lo pide. Como no se sabe
cuántas frases hay, se entrena un número fijo de pasos (``max_steps``) en vez de épocas.
Al terminar imprime una línea JSON (``REGISTRO ...``) con el pico de memoria del proceso.

Uso (capítulo «Del cuaderno al mundo real», sección 8)::

    python scripts/entrenar_streaming.py --datos grande.csv --modelo RUTA --salida S --pasos 20
"""

import argparse
import json
import resource

import datasets
from datasets import load_dataset
from transformers import (AutoModelForSequenceClassification, AutoTokenizer,
                          DataCollatorWithPadding, Trainer, TrainingArguments)
from transformers.utils import logging as hf_logging

from transferencia.semillas import SEMILLA, fijar_semilla


def opciones():
    analizador = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    analizador.add_argument("--datos", required=True, help="CSV con columnas text,label")
    analizador.add_argument("--modelo", required=True, help="lo que recibe from_pretrained")
    analizador.add_argument("--salida", required=True, help="carpeta del modelo")
    analizador.add_argument("--etiquetas", default="food,not_food",
                            help="etiquetas separadas por comas (no se puede leer el archivo "
                                 "entero para buscarlas)")
    analizador.add_argument("--pasos", type=int, default=20)
    analizador.add_argument("--lote", type=int, default=16)
    analizador.add_argument("--bufer", type=int, default=10_000,
                            help="frases del búfer con el que se baraja")
    return analizador.parse_args()


def main():
    op = opciones()
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    datasets.disable_progress_bars()
    etiquetas = op.etiquetas.split(",")
    label2id = {etiqueta: i for i, etiqueta in enumerate(etiquetas)}
    tokenizador = AutoTokenizer.from_pretrained(op.modelo)

    def tokenizar(lote):  # se llama sobre la marcha, un lote cada vez
        codificado = tokenizador(lote["text"], truncation=True, max_length=64)
        codificado["labels"] = [label2id[etiqueta] for etiqueta in lote["label"]]
        return codificado

    datos = load_dataset("csv", data_files=op.datos, split="train", streaming=True)
    datos = datos.shuffle(seed=SEMILLA, buffer_size=op.bufer)
    datos = datos.map(tokenizar, batched=True, remove_columns=["text", "label"])

    fijar_semilla(SEMILLA)
    modelo = AutoModelForSequenceClassification.from_pretrained(
        op.modelo, num_labels=len(etiquetas), id2label=dict(enumerate(etiquetas)),
        label2id=label2id)
    argumentos = TrainingArguments(
        output_dir=op.salida,
        max_steps=op.pasos,               # en vez de num_train_epochs
        learning_rate=5e-5,
        per_device_train_batch_size=op.lote,
        warmup_steps=0.1,
        weight_decay=0.01,
        logging_steps=max(1, op.pasos // 4),
        save_strategy="no",
        report_to="none",
        seed=SEMILLA,
        disable_tqdm=True,
        dataloader_pin_memory=False,
    )
    entrenador = Trainer(model=modelo, args=argumentos, train_dataset=datos,
                         processing_class=tokenizador,
                         data_collator=DataCollatorWithPadding(tokenizador))
    resultado = entrenador.train()
    entrenador.save_model(op.salida)
    perdidas = [r["loss"] for r in entrenador.state.log_history if "loss" in r]
    # ru_maxrss: el máximo de memoria residente del proceso, en KiB en Linux.
    pico = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print("REGISTRO " + json.dumps({"pasos": entrenador.state.global_step,
                                    "frases": entrenador.state.global_step * op.lote,
                                    "perdidas": perdidas, "pico_bytes": pico,
                                    "segundos": resultado.metrics["train_runtime"]}), flush=True)


if __name__ == "__main__":
    main()
