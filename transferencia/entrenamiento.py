"""Recetas de entrenamiento que usa la línea de órdenes (``python -m transferencia entrenar``).

Son las mismas que enseñan los capítulos, reunidas en funciones:

- :func:`entrenar_ajuste`: ajuste fino (*fine-tuning*) de un codificador
  preentrenado con ``Trainer``.
- :func:`entrenar_embeddings`: extracción de características con un codificador
  congelado (Universal Sentence Encoder multilingüe) + regresión logística.

Ambas guardan en la carpeta de salida un clasificador que
:func:`transferencia.clasificador.cargar_clasificador` sabe leer.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from transferencia.datos import mapas_etiquetas

#: Archivo que describe un clasificador guardado por el curso.
DESCRIPCION = "transferencia.json"


@dataclass
class Hiperparametros:
    """Receta por defecto: la misma del capítulo del clasificador binario."""

    epocas: float = 5
    tasa_aprendizaje: float = 5e-5
    lote: int = 16
    longitud_maxima: int = 64
    calentamiento: float = 0.1
    decaimiento_pesos: float = 0.01
    semilla: int = 42


def guardar_descripcion(carpeta: Path, metodo: str, etiquetas: list[str],
                        longitud_maxima: int | None = None) -> None:
    """Escribe ``transferencia.json``: método, etiquetas ordenadas, umbral de ``Ninguna``
    (todavía ninguno; véase :func:`anotar_umbral_ninguna`) y, para el método ``ajuste``, la
    longitud máxima en *tokens* con que se entrenó (al predecir se trunca igual)."""
    descripcion = {"metodo": metodo, "etiquetas": etiquetas, "umbral_ninguna": None}
    if longitud_maxima is not None:
        descripcion["longitud_maxima"] = longitud_maxima
    _escribir_descripcion(carpeta, descripcion)


def anotar_umbral_ninguna(carpeta: Path, umbral: float) -> None:
    """Añade el umbral de ``Ninguna`` al ``transferencia.json`` de ``carpeta``."""
    descripcion = json.loads((carpeta / DESCRIPCION).read_text(encoding="utf-8"))
    descripcion["umbral_ninguna"] = umbral
    _escribir_descripcion(carpeta, descripcion)


def _escribir_descripcion(carpeta: Path, descripcion: dict) -> None:
    (carpeta / DESCRIPCION).write_text(json.dumps(descripcion, ensure_ascii=False, indent=2),
                                       encoding="utf-8")


def entrenar_ajuste(entrenamiento: pd.DataFrame, validacion: pd.DataFrame | None,
                    ruta_modelo: str, carpeta: Path, hp: Hiperparametros,
                    barra_progreso: bool = True) -> float:
    """Ajusta ``ruta_modelo`` con ``Trainer`` y lo guarda en ``carpeta``.

    Devuelve los segundos de entrenamiento.
    """
    import torch
    from datasets import Dataset
    from transformers import (AutoModelForSequenceClassification, AutoTokenizer,
                              DataCollatorWithPadding, PrinterCallback, Trainer,
                              TrainingArguments)
    from transformers.utils import logging as hf_logging

    from transferencia.metricas import metricas_trainer
    from transferencia.semillas import fijar_semilla

    hf_logging.set_verbosity_error()
    fijar_semilla(hp.semilla)
    id2label, label2id = mapas_etiquetas(entrenamiento["label"])
    tokenizador = AutoTokenizer.from_pretrained(ruta_modelo)

    def preparar(tabla: pd.DataFrame) -> Dataset:
        conjunto = Dataset.from_pandas(pd.DataFrame(
            {"text": tabla["text"].tolist(), "labels": tabla["label"].map(label2id).tolist()}))
        return conjunto.map(lambda lote: tokenizador(lote["text"], truncation=True,
                                                     max_length=hp.longitud_maxima), batched=True)

    modelo = AutoModelForSequenceClassification.from_pretrained(
        ruta_modelo, num_labels=len(id2label), id2label=id2label, label2id=label2id)
    hay_validacion = validacion is not None and len(validacion) > 0
    argumentos = TrainingArguments(
        output_dir=str(carpeta / "_checkpoints"),
        num_train_epochs=hp.epocas,
        learning_rate=hp.tasa_aprendizaje,
        per_device_train_batch_size=hp.lote,
        per_device_eval_batch_size=64,
        warmup_steps=hp.calentamiento,
        weight_decay=hp.decaimiento_pesos,
        eval_strategy="epoch" if hay_validacion else "no",
        logging_strategy="epoch",
        save_strategy="no",
        report_to="none",
        seed=hp.semilla,
        disable_tqdm=not barra_progreso,
        dataloader_pin_memory=torch.cuda.is_available(),
    )
    entrenador = Trainer(
        model=modelo,
        args=argumentos,
        train_dataset=preparar(entrenamiento),
        eval_dataset=preparar(validacion) if hay_validacion else None,
        processing_class=tokenizador,
        data_collator=DataCollatorWithPadding(tokenizador),
        compute_metrics=metricas_trainer,
    )
    if not barra_progreso:
        entrenador.remove_callback(PrinterCallback)
    inicio = time.perf_counter()
    entrenador.train()
    segundos = time.perf_counter() - inicio
    entrenador.save_model(str(carpeta))
    (carpeta / "training_args.bin").unlink(missing_ok=True)  # pickle innecesario para predecir
    guardar_descripcion(carpeta, "ajuste", list(label2id), longitud_maxima=hp.longitud_maxima)
    return segundos


def regresion_embeddings(semilla: int = 42):
    """La regresión logística del método ``embeddings``.

    Una sola definición para el modelo que se guarda y para la validación cruzada que
    elige el umbral de ``Ninguna``: así el umbral se elige con el mismo clasificador.
    """
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=10, max_iter=2000, random_state=semilla)


def entrenar_embeddings(entrenamiento: pd.DataFrame, carpeta: Path, semilla: int = 42) -> float:
    """Codificador congelado (USE multilingüe) + regresión logística; guarda en ``carpeta``.

    Devuelve los segundos de entrenamiento (incluida la codificación de las frases).
    """
    import joblib

    from transferencia.clasificador import codificador_frases

    inicio = time.perf_counter()
    vectores = codificador_frases().encode(entrenamiento["text"].tolist())
    regresion = regresion_embeddings(semilla)
    regresion.fit(vectores, entrenamiento["label"])
    segundos = time.perf_counter() - inicio
    joblib.dump(regresion, carpeta / "regresion_logistica.joblib")
    guardar_descripcion(carpeta, "embeddings", [str(c) for c in regresion.classes_])
    return segundos


def probabilidades_fuera_de_pliegue(entrenamiento: pd.DataFrame, semilla: int = 42):
    """Probabilidades de validación cruzada (hasta 5 pliegues) del método ``embeddings``.

    Sirven para elegir el umbral de ``Ninguna`` sin apartar frases del entrenamiento.
    """
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    from transferencia.clasificador import codificador_frases

    vectores = codificador_frases().encode(entrenamiento["text"].tolist())
    pliegues = max(2, min(5, int(entrenamiento["label"].value_counts().min())))
    return cross_val_predict(
        regresion_embeddings(semilla), vectores,
        entrenamiento["label"], cv=StratifiedKFold(pliegues, shuffle=True, random_state=semilla),
        method="predict_proba")
