"""Banco de pruebas de los clasificadores del curso: tiempos, calidad e inferencia.

Uso::

    .venv/bin/python bench/clasificadores.py [--retenidos-comida CSV] [--retenidos-asignaturas CSV]

Entrena con la línea de órdenes del curso (la misma receta que los capítulos) y mide:

- segundos de entrenamiento de cada método (objetivos: ≤ 30 s el binario, ≤ 60 s cada
  método multiclase, en 2 núcleos sin conexión);
- exactitud y F1 macro en la partición de prueba del curso, frente a TF-IDF + regresión
  logística entrenada con las mismas frases;
- si se dan CSV retenidos (frases escritas aparte, nunca vistas), las mismas métricas en
  ellos y la exhaustividad de ``Ninguna``;
- frases por segundo del clasificador binario, una a una y por lotes (objetivo ≥ 500/s).

Imprime una tabla y escribe ``bench/resultados_clasificadores.json``.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RAIZ))

from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.pipeline import make_pipeline  # noqa: E402

from transferencia import rutas  # noqa: E402
from transferencia.cli import main as cli  # noqa: E402
from transferencia.clasificador import cargar_clasificador  # noqa: E402
from transferencia.datos import dividir_estratificado, leer_csv  # noqa: E402
from transferencia.metricas import calcular_metricas  # noqa: E402

CONFIGURACIONES = [
    # (nombre, csv, argumentos de entrenar)
    ("comida · ajuste", "comida.csv", ["--modelo-base", "distilbert/distilbert-base-uncased"]),
    ("asignaturas · embeddings", "asignaturas.csv", ["--metodo", "embeddings", "--umbral-ninguna", "auto"]),
    ("asignaturas · ajuste", "asignaturas.csv", ["--epocas", "10", "--tasa-aprendizaje", "1e-4"]),
]


def linea_base(csv: Path, retenidos: Path | None) -> dict:
    """TF-IDF + regresión logística con la misma partición que ``entrenar``."""
    entrenamiento, prueba = dividir_estratificado(leer_csv(csv), prueba=0.2, semilla=42)
    modelo = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
                           LogisticRegression(C=10, max_iter=2000))
    modelo.fit(entrenamiento["text"], entrenamiento["label"])
    resultado = {"prueba": calcular_metricas(prueba["label"], modelo.predict(prueba["text"]))}
    if retenidos:
        datos = leer_csv(retenidos)
        resultado["retenidos"] = calcular_metricas(datos["label"], modelo.predict(datos["text"]))
    return resultado


def velocidad(carpeta: Path, frases: list[str]) -> dict:
    clasificador = cargar_clasificador(carpeta)
    clasificador.predecir(frases[:8])  # calentamiento
    inicio = time.perf_counter()
    for frase in frases[:100]:
        clasificador.predecir([frase])
    una_a_una = 100 / (time.perf_counter() - inicio)
    lote = (frases * 4)[:1000]
    inicio = time.perf_counter()
    clasificador.probabilidades(lote, lote=64)
    por_lotes = len(lote) / (time.perf_counter() - inicio)
    return {"frases_por_segundo_una_a_una": round(una_a_una, 1),
            "frases_por_segundo_lotes_64": round(por_lotes, 1)}


def main() -> int:
    analizador = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    analizador.add_argument("--retenidos-comida", type=Path)
    analizador.add_argument("--retenidos-asignaturas", type=Path)
    args = analizador.parse_args()
    retenidos = {"comida.csv": args.retenidos_comida, "asignaturas.csv": args.retenidos_asignaturas}

    filas = []
    with tempfile.TemporaryDirectory() as temporal:
        for nombre, csv, extra in CONFIGURACIONES:
            salida = Path(temporal) / nombre.replace(" · ", "_")
            with contextlib.redirect_stdout(io.StringIO()):
                codigo = cli(["entrenar", "--datos", str(rutas.DATOS / csv), "--salida", str(salida),
                              "--sin-progreso", *extra])
            if codigo != 0:
                print(f"{nombre}: entrenar falló con código {codigo}", file=sys.stderr)
                return 1
            metricas = json.loads((salida / "metricas.json").read_text(encoding="utf-8"))
            fila = {"configuracion": nombre, "modelo_base": metricas["modelo_base"]["nombre"],
                    "segundos_entrenamiento": metricas["segundos_entrenamiento"],
                    "prueba": metricas["prueba"], "umbral_ninguna": metricas["umbral_ninguna"],
                    "linea_base_tfidf": linea_base(rutas.DATOS / csv, retenidos[csv])}
            if retenidos[csv]:
                datos = leer_csv(retenidos[csv])
                clasificador = cargar_clasificador(salida)
                predichas = [e for e, _ in clasificador.predecir(datos["text"].tolist())]
                fila["retenidos"] = calcular_metricas(datos["label"], predichas)
            if csv == "comida.csv":
                fila["inferencia"] = velocidad(salida, leer_csv(rutas.DATOS / csv)["text"].tolist())
            filas.append(fila)

    maquina = {"procesador": platform.processor() or platform.machine(), "nucleos": os.cpu_count(),
               "python": platform.python_version(), "fecha": time.strftime("%Y-%m-%d %H:%M")}
    print(f"Máquina: {maquina}")
    print(f"{'configuración':<26}{'s entren.':>10}{'F1 prueba':>11}{'F1 TF-IDF':>11}"
          f"{'F1 retenidos':>14}{'Ninguna rec.':>14}")
    for f in filas:
        retenido = f.get("retenidos")
        ninguna = (retenido or f["prueba"])["por_clase"].get("Ninguna", {}).get("recall")
        print(f"{f['configuracion']:<26}{f['segundos_entrenamiento']:>10.1f}"
              f"{f['prueba']['macro_f1']:>11.3f}{f['linea_base_tfidf']['prueba']['macro_f1']:>11.3f}"
              f"{(retenido['macro_f1'] if retenido else float('nan')):>14.3f}"
              f"{(ninguna if ninguna is not None else float('nan')):>14.3f}")
        if "inferencia" in f:
            print(f"{'':<26}inferencia: {f['inferencia']}")
    destino = RAIZ / "bench" / "resultados_clasificadores.json"
    destino.write_text(json.dumps({"maquina": maquina, "resultados": filas}, ensure_ascii=False,
                                  indent=2), encoding="utf-8")
    print(f"Resultados en {destino}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
