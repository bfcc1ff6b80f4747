"""Ajuste fino con ``Trainer`` en uno o varios procesos (paralelismo de datos).

Es la receta del capítulo del clasificador binario, en un script que se lanza desde la
terminal (capítulo «Del cuaderno al mundo real», sección 8)::

    accelerate launch --num_processes 1 scripts/entrenar_distribuido.py --salida S1
    accelerate launch --multi_gpu --num_processes 2 scripts/entrenar_distribuido.py --salida S2

El lanzador arranca un proceso por GPU y le dice a cada uno, en variables de entorno,
cuántos son (``WORLD_SIZE``) y cuál es él (``RANK``). ``Trainer`` hace el resto: da a cada
proceso una parte distinta de cada lote, promedia los gradientes entre procesos y guarda
el modelo solo desde el proceso 0. Sin GPU, ``ACCELERATE_USE_CPU=1`` hace lo mismo con
procesos de CPU que se comunican con *gloo*.

``--lote`` es el lote **global**: cada proceso recibe ``lote / WORLD_SIZE`` frases por paso,
así que con uno o con varios procesos cada paso ve las mismas frases. Cada proceso imprime
qué filas del CSV vio en cada paso y una huella de sus pesos al terminar (una línea JSON
que empieza por ``REGISTRO``).
"""

import argparse
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import datasets
from datasets import ClassLabel, load_dataset
from transformers import (AutoConfig, AutoModelForSequenceClassification, AutoTokenizer,
                          DataCollatorWithPadding, Trainer, TrainingArguments)
from transformers.utils import logging as hf_logging

from transferencia.metricas import metricas_trainer
from transferencia.semillas import SEMILLA, fijar_semilla

PROCESOS = int(os.environ.get("WORLD_SIZE", "1"))  # los fija el lanzador
RANGO = int(os.environ.get("RANK", "0"))


def opciones():
    analizador = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    analizador.add_argument("--datos", required=True, help="CSV con columnas text,label")
    analizador.add_argument("--modelo", required=True, help="lo que recibe from_pretrained")
    analizador.add_argument("--salida", required=True, help="carpeta del modelo")
    analizador.add_argument("--lote", type=int, default=16, help="lote global")
    analizador.add_argument("--epocas", type=float, default=2)
    analizador.add_argument("--sin-dropout", action="store_true",
                            help="dropout 0 (para comparar ejecuciones número a número)")
    return analizador.parse_args()


@dataclass
class ColadorQueAnota(DataCollatorWithPadding):
    """``DataCollatorWithPadding`` que además anota las filas del CSV de cada lote."""

    lotes: list = field(default_factory=list)

    def __call__(self, ejemplos):
        if "fila" in ejemplos[0]:  # solo el entrenamiento lleva la fila
            self.lotes.append([ejemplo.pop("fila") for ejemplo in ejemplos])
        return super().__call__(ejemplos)


def datos_tokenizados(ruta, tokenizador, tamano_lote):
    datos = load_dataset("csv", data_files=ruta, split="train")
    datos = datos.add_column("fila", list(range(2, datos.num_rows + 2)))  # fila 1: cabecera
    datos = datos.cast_column("label", ClassLabel(names=sorted(set(datos["label"]))))
    particion = datos.train_test_split(test_size=0.2, stratify_by_column="label", seed=SEMILLA)
    resto = particion["train"].train_test_split(test_size=0.1, stratify_by_column="label",
                                                seed=SEMILLA)
    tokenizar = lambda lote: tokenizador(lote["text"], truncation=True, max_length=64)  # noqa: E731
    entrenamiento = resto["train"].map(tokenizar, batched=True, remove_columns=["text"])
    # Solo lotes completos (sin las últimas frases que no llenan uno): todos los pasos iguales.
    completos = entrenamiento.num_rows // tamano_lote * tamano_lote
    entrenamiento = entrenamiento.select(range(completos))
    validacion = resto["test"].map(tokenizar, batched=True, remove_columns=["text", "fila"])
    return entrenamiento, validacion


def main():
    op = opciones()
    if op.lote % PROCESOS:
        raise SystemExit(f"--lote {op.lote} no se puede repartir entre {PROCESOS} procesos")
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    datasets.disable_progress_bars()
    tokenizador = AutoTokenizer.from_pretrained(op.modelo)
    entrenamiento, validacion = datos_tokenizados(op.datos, tokenizador, op.lote)
    nombres = entrenamiento.features["label"].names
    configuracion = AutoConfig.from_pretrained(
        op.modelo, num_labels=len(nombres), id2label=dict(enumerate(nombres)),
        label2id={n: i for i, n in enumerate(nombres)})
    if op.sin_dropout:
        for clave, valor in configuracion.to_dict().items():
            if "dropout" in clave and isinstance(valor, float):
                setattr(configuracion, clave, 0.0)
    fijar_semilla(SEMILLA)  # la cabeza nueva empieza con los mismos pesos en cada ejecución
    modelo = AutoModelForSequenceClassification.from_pretrained(op.modelo, config=configuracion)
    argumentos = TrainingArguments(
        output_dir=op.salida,
        num_train_epochs=op.epocas,
        learning_rate=5e-5,
        per_device_train_batch_size=op.lote // PROCESOS,  # el lote global, repartido
        per_device_eval_batch_size=64,
        warmup_steps=0.1,
        weight_decay=0.01,
        eval_strategy="epoch",
        logging_strategy="epoch",
        save_strategy="no",
        report_to="none",
        seed=SEMILLA,
        disable_tqdm=True,
        dataloader_pin_memory=False,
        remove_unused_columns=False,  # para que el colador vea la fila
        # Lo que cambia con varios procesos (sin efecto con uno solo):
        ddp_find_unused_parameters=False,     # el modelo usa todos sus pesos en cada paso
        average_tokens_across_devices=False,  # la pérdida ya es una media por frase
    )
    colador = ColadorQueAnota(tokenizador)
    entrenador = Trainer(model=modelo, args=argumentos, train_dataset=entrenamiento,
                         eval_dataset=validacion, processing_class=tokenizador,
                         data_collator=colador, compute_metrics=metricas_trainer)
    resultado = entrenador.train()
    entrenador.save_model(op.salida)  # solo escribe el proceso 0
    huella = hashlib.sha256(b"".join(p.detach().cpu().numpy().tobytes()
                                     for p in entrenador.model.parameters())).hexdigest()
    print(f"[proceso {RANGO} de {PROCESOS}] paso 1: {len(colador.lotes[0])} frases "
          f"(filas {', '.join(map(str, sorted(colador.lotes[0])))})", flush=True)
    registro = {"proceso": RANGO, "procesos": PROCESOS, "lotes": colador.lotes,
                "huella": huella[:16], "segundos": resultado.metrics["train_runtime"],
                "validacion": entrenador.evaluate()}
    # Cada proceso deja su registro en su propio archivo: si los dos lo escribieran a la vez
    # en la salida estándar, sus líneas podrían mezclarse.
    destino = Path(op.salida)
    destino.mkdir(parents=True, exist_ok=True)
    (destino / f"registro_proceso_{RANGO}.json").write_text(json.dumps(registro), encoding="utf-8")


if __name__ == "__main__":
    main()
