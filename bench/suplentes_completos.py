"""Cuánto espera en una CPU de 2 núcleos quien ajusta los DistilBERT de verdad.

Uso::

    .venv/bin/python bench/suplentes_completos.py [--limite-minutos 15] [--carga-maxima 1.5]

Sin conexión, los capítulos de clasificación ajustan el respaldo all-MiniLM-L6-v2
(22,7 M de parámetros). Quien sigue el curso con conexión ajusta los modelos del Hub:
``distilbert/distilbert-base-uncased`` (capítulo binario) y
``distilbert/distilbert-base-multilingual-cased`` (capítulo multiclase), tres y seis veces
más grandes. Este banco escribe en una caché temporal sus **suplentes de tamaño completo**
(``scripts/modelos_suplentes.py --tamano completo``: la arquitectura y el tamaño reales con
pesos aleatorios; un paso de entrenamiento cuesta lo mismo sean cuales sean los valores de
los pesos) y los ajusta con la receta de cada capítulo:

- binario (``book/clasificador_binario.md`` §7): ``data/comida.csv``, 80/20 estratificado
  y un 10 % del entrenamiento para validación, 5 épocas, tasa 5e-5, lotes de 16 (64 en
  evaluación), calentamiento del 10 %, ``weight_decay`` 0,01, evaluación en cada época;
- multiclase (``book/clasificador_multiclase.md`` §3): ``data/asignaturas.csv``, 80/20 y
  un 20 % para validación, 10 épocas, tasa 1e-4, lotes de 16, lo demás igual.

Cada capítulo se mide en su propio proceso (``HF_HOME=<caché>``, ``HF_HUB_OFFLINE=1``,
2 hilos como en los capítulos): segundos de ``trainer.train()`` (reloj de pared) y pico de
memoria residente (RSS) durante el entrenamiento y del proceso entero. Un ensayo de 3 pasos
estima antes la duración; si la receta completa pasara de ``--limite-minutos``, se miden
solo unos pasos y se extrapola (el JSON guarda las dos cifras y lo dice).

Las cifras de calidad de estos modelos no significan nada (pesos aleatorios): solo importan
el tiempo y la memoria. Imprime una tabla y escribe ``bench/resultados_suplentes.json``.
"""

from __future__ import annotations

import argparse
import datetime
import json
import math
import os
import platform
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RAIZ))

from transferencia.modelos import MODELO_INGLES, MODELO_MULTILINGUE  # noqa: E402

SCRIPT = RAIZ / "scripts" / "modelos_suplentes.py"
DESTINO = RAIZ / "bench" / "resultados_suplentes.json"
#: Hilos de PyTorch: los mismos que fijan los capítulos (``torch.set_num_threads(2)``).
HILOS = 2
#: Pasos del ensayo que estima la duración antes de medir.
PASOS_ENSAYO = 3

#: La receta de cada capítulo (véanse los capítulos citados en el docstring).
CAPITULOS = {
    "binario": {
        "capitulo": "book/clasificador_binario.md §7",
        "csv": "comida.csv", "idioma": "inglés", "modelo": MODELO_INGLES,
        "etiquetas": ["food", "not_food"], "validacion": 0.1,
        "argumentos": dict(num_train_epochs=5, learning_rate=5e-5, per_device_train_batch_size=16,
                           per_device_eval_batch_size=64, warmup_steps=0.1, weight_decay=0.01),
    },
    "multiclase": {
        "capitulo": "book/clasificador_multiclase.md §3",
        "csv": "asignaturas.csv", "idioma": "español", "modelo": MODELO_MULTILINGUE,
        "etiquetas": ["Religión", "Lengua y literatura", "Educación Física", "Artes",
                      "Idiomas extranjeros", "Historia", "Geografía", "Física y química",
                      "Matemáticas", "Ninguna"],
        "validacion": 0.2,
        "argumentos": dict(num_train_epochs=10, learning_rate=5e-5, per_device_train_batch_size=16,
                           warmup_steps=0.1, weight_decay=0.01),
    },
}


class VigilanteMemoria:
    """Mide en un hilo el pico de memoria residente (RSS) del proceso mientras está activo
    (y, cada ~5 s, la carga media de la máquina en ``cargas``)."""

    def __init__(self, intervalo: float = 0.05):
        import psutil

        self._proceso = psutil.Process()
        self._intervalo = intervalo
        self._parar = threading.Event()
        self.pico = self._proceso.memory_info().rss
        self.cargas: list[float] = []
        self._hilo = threading.Thread(target=self._vigilar, daemon=True)

    def _vigilar(self) -> None:
        vueltas = 0
        while not self._parar.wait(self._intervalo):
            self.pico = max(self.pico, self._proceso.memory_info().rss)
            vueltas += 1
            if vueltas % 100 == 0:  # cada ~5 s, la carga media de la máquina
                self.cargas.append(os.getloadavg()[0])

    def __enter__(self) -> VigilanteMemoria:
        self._hilo.start()
        return self

    def __exit__(self, *_) -> None:
        self._parar.set()
        self._hilo.join()
        self.pico = max(self.pico, self._proceso.memory_info().rss)


def _mb(octetos: float) -> float:
    return round(octetos / 2**20, 1)


def medir_capitulo(nombre: str, max_pasos: int | None = None) -> dict:
    """Ajusta el suplente del capítulo ``nombre`` con su receta y devuelve las medidas.

    Con ``max_pasos``, solo esos pasos y sin evaluación (ensayo o extrapolación). Se
    ejecuta en un proceso hijo con ``HF_HOME`` apuntando a la caché de suplentes.
    """
    import numpy as np
    import pandas as pd
    import torch
    import transformers
    from datasets import Dataset
    from sklearn.metrics import accuracy_score, f1_score
    from transformers import (AutoModelForSequenceClassification, AutoTokenizer,
                              DataCollatorWithPadding, Trainer, TrainingArguments)

    from transferencia import rutas
    from transferencia.datos import dividir_estratificado, leer_csv, mapas_etiquetas
    from transferencia.modelos import resolver_modelo_base
    from transferencia.semillas import SEMILLA, fijar_semilla

    receta = CAPITULOS[nombre]
    transformers.logging.set_verbosity_error()
    torch.set_num_threads(HILOS)
    fijar_semilla(SEMILLA)

    df = leer_csv(rutas.DATOS / receta["csv"], etiquetas=receta["etiquetas"])
    resto, _prueba = dividir_estratificado(df, prueba=0.2, semilla=SEMILLA)
    entrenamiento, validacion = dividir_estratificado(resto, prueba=receta["validacion"],
                                                      semilla=SEMILLA)
    id2label, label2id = mapas_etiquetas(df["label"])

    modelo_base = resolver_modelo_base(receta["modelo"])
    if modelo_base.origen != "cache" or modelo_base.nombre != receta["modelo"]:
        raise RuntimeError(f"se esperaba el suplente de la caché y se obtuvo: {modelo_base}")
    tokenizador = AutoTokenizer.from_pretrained(modelo_base.ruta)

    def preparar(tabla: pd.DataFrame) -> Dataset:
        conjunto = Dataset.from_pandas(pd.DataFrame({
            "text": tabla["text"], "labels": tabla["label"].map(label2id)}))
        return conjunto.map(lambda lote: tokenizador(lote["text"], truncation=True, max_length=64),
                            batched=True)

    def compute_metrics(eval_pred):
        logits, etiquetas = eval_pred
        predicciones = np.argmax(logits, axis=-1)
        return {"exactitud": accuracy_score(etiquetas, predicciones),
                "f1_macro": f1_score(etiquetas, predicciones, labels=list(id2label),
                                     average="macro", zero_division=0)}

    ds_entrenamiento, ds_validacion = preparar(entrenamiento), preparar(validacion)
    tokens_medios = float(np.mean([len(ids) for ids in ds_entrenamiento["input_ids"]]))

    def entrenador(carpeta: str, **extra) -> Trainer:
        fijar_semilla(SEMILLA)
        modelo = AutoModelForSequenceClassification.from_pretrained(
            modelo_base.ruta, num_labels=len(id2label), id2label=id2label, label2id=label2id)
        argumentos = {**receta["argumentos"], "eval_strategy": "epoch", "logging_strategy": "epoch",
                      **extra}
        return Trainer(
            model=modelo,
            args=TrainingArguments(output_dir=carpeta, save_strategy="no", report_to="none",
                                   seed=SEMILLA, disable_tqdm=True, dataloader_pin_memory=False,
                                   **argumentos),
            train_dataset=ds_entrenamiento, eval_dataset=ds_validacion,
            processing_class=tokenizador, data_collator=DataCollatorWithPadding(tokenizador),
            compute_metrics=compute_metrics)

    epocas = receta["argumentos"]["num_train_epochs"]
    lote = receta["argumentos"]["per_device_train_batch_size"]
    pasos_por_epoca = math.ceil(len(ds_entrenamiento) / lote)
    pasos_receta = pasos_por_epoca * epocas
    completa = max_pasos is None

    with tempfile.TemporaryDirectory() as carpeta:
        extra = {} if completa else {"max_steps": max_pasos, "eval_strategy": "no"}
        medido = entrenador(carpeta, **extra)
        rss_antes = _rss()
        uso_antes = resource.getrusage(resource.RUSAGE_SELF)
        with VigilanteMemoria() as memoria:
            inicio = time.perf_counter()
            resultado = medido.train()
            segundos = time.perf_counter() - inicio
        uso = resource.getrusage(resource.RUSAGE_SELF)
        segundos_cpu = (uso.ru_utime - uso_antes.ru_utime) + (uso.ru_stime - uso_antes.ru_stime)

    return {
        "capitulo": nombre,
        "receta": receta["capitulo"],
        "csv": f"data/{receta['csv']}",
        "idioma": receta["idioma"],
        "modelo": receta["modelo"],
        "clase": type(medido.model).__name__,
        "parametros": sum(p.numel() for p in medido.model.parameters()),
        "vocabulario": len(tokenizador),
        "epocas": epocas,
        "tasa_aprendizaje": receta["argumentos"]["learning_rate"],
        "lote": lote,
        "max_length": 64,
        "frases_entrenamiento": len(ds_entrenamiento),
        "frases_validacion": len(ds_validacion),
        "tokens_medios_por_frase": round(tokens_medios, 1),
        "pasos_receta": pasos_receta,
        "pasos_medidos": pasos_receta if completa else max_pasos,
        "receta_completa_medida": completa,
        "segundos_medidos": round(segundos, 1),
        "segundos_train_runtime": round(resultado.metrics["train_runtime"], 1),
        "segundos_cpu": round(segundos_cpu, 1),
        "carga_media_1min_durante": (round(sum(memoria.cargas) / len(memoria.cargas), 2)
                                     if memoria.cargas else None),
        "rss_antes_de_entrenar_mb": _mb(rss_antes),
        "pico_rss_entrenamiento_mb": _mb(memoria.pico),
        "pico_rss_proceso_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "hilos_torch": torch.get_num_threads(),
    }


def medir_en_proceso(nombre: str, entorno: dict[str, str], max_pasos: int | None) -> dict:
    """:func:`medir_capitulo` en un proceso nuevo (memoria limpia, ``HF_HOME`` de la caché)."""
    orden = [sys.executable, __file__, "--capitulo", nombre]
    if max_pasos is not None:
        orden += ["--max-pasos", str(max_pasos)]
    proceso = subprocess.run(orden, capture_output=True, text=True, env=entorno, cwd=RAIZ)
    if proceso.returncode != 0:
        raise RuntimeError(f"falló la medida de {nombre}:\n{proceso.stderr[-3000:]}")
    return json.loads(proceso.stdout.strip().splitlines()[-1])


def esperar_calma(carga_maxima: float | None, minutos: float) -> dict:
    """Espera (como mucho ``minutos``) a que la carga media de 1 minuto baje de
    ``carga_maxima``; en una máquina compartida, el trabajo ajeno infla los segundos."""
    inicio = time.perf_counter()
    while (carga_maxima is not None and os.getloadavg()[0] > carga_maxima
           and time.perf_counter() - inicio < minutos * 60):
        time.sleep(10)
    return {"carga_maxima_pedida": carga_maxima,
            "segundos_esperando_calma": round(time.perf_counter() - inicio),
            "carga_media_1min_al_empezar": round(os.getloadavg()[0], 2)}


def medir(nombre: str, entorno: dict[str, str], limite_minutos: float,
          carga_maxima: float | None = None, espera_minutos: float = 0) -> dict:
    """Ensayo de :data:`PASOS_ENSAYO` pasos y después la receta completa o, si pasaría de
    ``limite_minutos``, una época sin evaluación extrapolada a la receta completa."""
    calma = esperar_calma(carga_maxima, espera_minutos)
    ensayo = medir_en_proceso(nombre, entorno, PASOS_ENSAYO)
    por_paso = ensayo["segundos_medidos"] / PASOS_ENSAYO  # incluye el primer paso, más lento
    estimacion = por_paso * ensayo["pasos_receta"]
    if carga_maxima is not None:  # otra vez: el ensayo ha dejado su propia carga
        segunda = esperar_calma(carga_maxima, espera_minutos)
        segunda["segundos_esperando_calma"] += calma["segundos_esperando_calma"]
        calma = segunda
    carga_antes = os.getloadavg()[0]
    if estimacion <= limite_minutos * 60:
        fila = medir_en_proceso(nombre, entorno, None)
        fila["segundos"] = fila["segundos_medidos"]
        fila["nota"] = "receta completa medida (incluye la evaluación de validación de cada época)"
    else:
        pasos = max(PASOS_ENSAYO + 2, ensayo["pasos_receta"] // ensayo["epocas"])
        fila = medir_en_proceso(nombre, entorno, pasos)
        fila["segundos"] = round(fila["segundos_medidos"] / pasos * fila["pasos_receta"], 1)
        fila["nota"] = (f"extrapolado: se midieron {pasos} de {fila['pasos_receta']} pasos (sin "
                        "la evaluación de cada época) porque el ensayo estimó "
                        f"{estimacion / 60:.0f} minutos, más que el límite de "
                        f"{limite_minutos:g}")
    fila["segundos_por_paso_ensayo"] = round(por_paso, 2)
    fila["segundos_estimados_por_el_ensayo"] = round(estimacion, 1)
    fila["carga_media_1min_antes_despues"] = [round(carga_antes, 2), round(os.getloadavg()[0], 2)]
    fila.update(calma)
    return fila


def _rss() -> int:
    import psutil

    return psutil.Process().memory_info().rss


def maquina() -> dict:
    """Procesador, núcleos, memoria, versiones y carga de la máquina."""
    import psutil
    import torch
    import transformers

    modelo_cpu = platform.processor() or platform.machine()
    try:
        for linea in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if linea.startswith("model name"):
                modelo_cpu = linea.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"procesador": modelo_cpu, "nucleos": os.cpu_count(),
            "memoria_gb": round(psutil.virtual_memory().total / 2**30, 1),
            "sistema": platform.platform(), "python": platform.python_version(),
            "torch": torch.__version__, "transformers": transformers.__version__,
            "hilos_torch": HILOS}


def imprimir(filas: list[dict]) -> None:
    print(f"{'capítulo':<12}{'modelo (suplente completo)':<48}{'parámetros':>12}{'épocas':>8}"
          f"{'frases':>8}{'pasos':>7}{'segundos':>10}{'pico MB':>9}")
    for f in filas:
        marca = "" if f["receta_completa_medida"] else " *"
        print(f"{f['capitulo']:<12}{f['modelo']:<48}{f['parametros'] / 1e6:>10.1f} M"
              f"{f['epocas']:>8}{f['frases_entrenamiento']:>8}{f['pasos_receta']:>7}"
              f"{f['segundos']:>9.0f}{marca:<1}{f['pico_rss_entrenamiento_mb']:>9.0f}"
              .replace(".", ","))
    if any(not f["receta_completa_medida"] for f in filas):
        print("* extrapolado a la receta completa a partir de unos pasos (véase el JSON).")


def main() -> int:
    analizador = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    analizador.add_argument("--limite-minutos", type=float, default=15,
                            help="si la receta completa de un capítulo pasaría de estos minutos, "
                                 "se miden unos pasos y se extrapola (por defecto, 15)")
    analizador.add_argument("--carga-maxima", type=float,
                            help="antes de cada medida, esperar a que la carga media de 1 minuto "
                                 "baje de este valor (máquinas compartidas)")
    analizador.add_argument("--espera-minutos", type=float, default=20,
                            help="espera máxima de --carga-maxima (por defecto, 20 minutos)")
    analizador.add_argument("--capitulo", choices=CAPITULOS, help=argparse.SUPPRESS)
    analizador.add_argument("--max-pasos", type=int, help=argparse.SUPPRESS)
    opciones = analizador.parse_args()

    if opciones.capitulo:  # proceso hijo: mide un capítulo e imprime su JSON
        print(json.dumps(medir_capitulo(opciones.capitulo, opciones.max_pasos)))
        return 0

    with tempfile.TemporaryDirectory(prefix="hf_suplentes_") as cache:
        entorno = {k: v for k, v in os.environ.items() if not k.startswith("HF_")}
        entorno.update(HF_HOME=cache, HF_HUB_OFFLINE="1", TRANSFERENCIA_MODELO_BASE="auto",
                       TOKENIZERS_PARALLELISM="false", PYTHONPATH=str(RAIZ))
        print("Escribiendo los suplentes de tamaño completo...", flush=True)
        subprocess.run([sys.executable, str(SCRIPT), "--cache", cache, "--tamano", "completo",
                        "--modelos", MODELO_INGLES, MODELO_MULTILINGUE],
                       check=True, env=entorno, cwd=RAIZ)
        filas = []
        for nombre in CAPITULOS:
            print(f"Midiendo el capítulo {nombre}...", flush=True)
            filas.append(medir(nombre, entorno, opciones.limite_minutos,
                               opciones.carga_maxima, opciones.espera_minutos))
            print(f"  {filas[-1]['segundos']:.0f} s".replace(".", ","), flush=True)

    datos_maquina = maquina()
    print(f"Máquina: {datos_maquina['procesador']}, {datos_maquina['nucleos']} núcleos, "
          f"{HILOS} hilos de PyTorch")
    imprimir(filas)
    resultado = {
        "descripcion": ("Ajuste fino de los suplentes de tamaño completo (arquitectura y tamaño "
                        "reales, pesos aleatorios) de los modelos del Hub de los capítulos de "
                        "clasificación, con la receta de cada capítulo, en CPU. «segundos» es el "
                        "tiempo de trainer.train() (reloj de pared, con la evaluación de cada "
                        "época); «pico_rss_entrenamiento_mb», el pico de memoria residente "
                        "durante el entrenamiento. La máquina es compartida: "
                        "«carga_media_1min_antes_despues» dice cuánto trabajo había (el de este "
                        "banco cuenta 2); con trabajo ajeno, los 2 hilos de PyTorch esperan a "
                        "que les toque un núcleo y los segundos salen más altos que en una "
                        "máquina libre. «segundos_cpu» es el tiempo de CPU (usuario + sistema) "
                        "del proceso durante el entrenamiento."),
        "fecha": datetime.datetime.now().isoformat(timespec="seconds"),
        "maquina": datos_maquina,
        "capitulos": filas,
    }
    DESTINO.write_text(json.dumps(resultado, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"Resultados en {DESTINO.relative_to(RAIZ)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
