"""Banco de pruebas de los clasificadores del curso: tiempos, calidad e inferencia.

Uso::

    .venv/bin/python bench/clasificadores.py [--retenidos-comida CSV] [--retenidos-asignaturas CSV]

Entrena con :func:`transferencia.entrenamiento.entrenar_clasificador` (lo mismo que
``python -m transferencia entrenar``) y mide:

- segundos de entrenamiento de cada método (objetivos: ≤ 30 s el binario, ≤ 60 s cada
  método multiclase, en 2 núcleos sin conexión);
- exactitud y F1 macro en la partición de prueba del curso, frente a TF-IDF + regresión
  logística entrenada con las mismas frases;
- si se dan CSV retenidos (frases escritas aparte, nunca vistas), las mismas métricas en
  ellos y la exhaustividad de ``Ninguna``;
- el pico de memoria (residente) de cada entrenamiento, medido en un proceso aparte;
- frases por segundo del clasificador binario, una a una y por lotes de 64, con los pesos
  en fp32 y cuantizados a int8 (objetivo ≥ 500/s por lotes), el tamaño de los pesos en
  los dos formatos y el F1 del modelo int8 en la prueba (no debe bajar).

Imprime una tabla y escribe ``bench/resultados_clasificadores.json``.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import platform
import subprocess
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
from transferencia.clasificador import cargar_clasificador  # noqa: E402
from transferencia.datos import dividir_estratificado, leer_csv  # noqa: E402
from transferencia.entrenamiento import (FRACCION_PRUEBA, MetodoAjuste,  # noqa: E402
                                         MetodoEmbeddings, entrenar_clasificador)
from transferencia.metricas import calcular_metricas  # noqa: E402
from transferencia.modelos import MODELO_INGLES, MODELO_MULTILINGUE  # noqa: E402
from transferencia.semillas import SEMILLA  # noqa: E402

CONFIGURACIONES = [
    # (nombre, csv, método (se crea al medir), umbral de Ninguna, objetivo de segundos)
    ("comida · ajuste", "comida.csv",
     lambda: MetodoAjuste(MODELO_INGLES, progreso=False), None, 30),
    ("asignaturas · embeddings", "asignaturas.csv", lambda: MetodoEmbeddings(), "auto", 60),
    # Sin conexión, el DistilBERT multilingüe es USE-m3 ajustado con su receta
    # (transferencia.use_m3.RECETA_USE_M3); al lado, el MiniLM inglés ajustado (10 épocas).
    ("asignaturas · ajuste", "asignaturas.csv",
     lambda: MetodoAjuste(MODELO_MULTILINGUE, progreso=False), None, 60),
    ("asignaturas · ajuste inglés", "asignaturas.csv",
     lambda: MetodoAjuste(MODELO_INGLES, epocas=10, progreso=False), None, 60),
]


def linea_base(csv: Path, retenidos: Path | None) -> dict:
    """TF-IDF + regresión logística con la misma partición que ``entrenar``."""
    entrenamiento, prueba = dividir_estratificado(leer_csv(csv), prueba=FRACCION_PRUEBA,
                                                  semilla=SEMILLA)
    modelo = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
                           LogisticRegression(C=10, max_iter=2000))
    modelo.fit(entrenamiento["text"], entrenamiento["label"])
    resultado = {"prueba": calcular_metricas(prueba["label"], modelo.predict(prueba["text"]))}
    if retenidos:
        datos = leer_csv(retenidos)
        resultado["retenidos"] = calcular_metricas(datos["label"], modelo.predict(datos["text"]))
    return resultado


def _frases_por_segundo(clasificador, frases: list[str], lote: int | None) -> float:
    """Frases por segundo, por lotes (``lote``) o una a una (``None``); la mejor de 3 pasadas."""
    mejor = 0.0
    for _ in range(3):
        inicio = time.perf_counter()
        if lote is None:
            for frase in frases:
                clasificador.probabilidades([frase])
        else:
            clasificador.probabilidades(frases, lote=lote)
        mejor = max(mejor, len(frases) / (time.perf_counter() - inicio))
    return round(mejor, 1)


def _megabytes_int8(clasificador) -> float:
    """Tamaño de los pesos del modelo cuantizado: lo que ocupa ``torch.save`` de su
    ``state_dict`` (en memoria, como en el capítulo «Del cuaderno al mundo real»)."""
    import torch

    memoria = io.BytesIO()
    torch.save(clasificador._modelo.state_dict(), memoria)
    return round(memoria.getbuffer().nbytes / 1e6, 1)


def inferencia(carpeta: Path) -> dict:
    """Velocidad (fp32 e int8), tamaño de los pesos y calidad del modelo int8 en la prueba.

    Se mide en un proceso nuevo, como cuando alguien usa ``predecir``: en el mismo
    proceso que acaba de entrenar, la memoria que dejó el entrenamiento lo hace más lento
    y más variable.
    """
    proceso = subprocess.run([sys.executable, __file__, "--medir-inferencia", str(carpeta)],
                             capture_output=True, text=True, check=True)
    return json.loads(proceso.stdout.strip().splitlines()[-1])


def medir_inferencia(carpeta: Path) -> dict:
    datos = leer_csv(rutas.DATOS / "comida.csv")
    _, prueba = dividir_estratificado(datos, prueba=FRACCION_PRUEBA, semilla=SEMILLA)
    frases = datos["text"].tolist()
    lote = (frases * 4)[:1000]
    resultado = {"frases_medidas": len(lote), "lote": 64,
                 "megabytes_fp32": round((carpeta / "model.safetensors").stat().st_size / 1e6, 1)}
    for nombre, int8 in (("fp32", False), ("int8", True)):
        clasificador = cargar_clasificador(carpeta, int8=int8)
        clasificador.probabilidades(frases[:64])  # calentamiento
        resultado[f"frases_por_segundo_una_a_una_{nombre}"] = _frases_por_segundo(
            clasificador, frases[:100], None)
        resultado[f"frases_por_segundo_lotes_{nombre}"] = _frases_por_segundo(clasificador, lote, 64)
        if int8:
            resultado["megabytes_int8"] = _megabytes_int8(clasificador)
            predichas = [e for e, _ in clasificador.predecir(prueba["text"].tolist())]
            resultado["prueba_int8"] = calcular_metricas(prueba["label"].tolist(), predichas)
    return resultado


def _cifra(valor: float | None) -> str:
    return "—" if valor is None else f"{valor:.3f}"


def imprimir(maquina: dict, filas: list[dict]) -> None:
    print(f"Máquina: {maquina}")
    print(f"{'configuración':<30}{'MB pico':>8}{'s entren.':>10}{'objetivo':>9}{'exact.':>8}{'F1 prueba':>11}"
          f"{'exact. TF-IDF':>14}{'F1 TF-IDF':>11}{'F1 retenidos':>14}{'Ninguna rec.':>14}")
    for f in filas:
        retenido = f.get("retenidos")
        ninguna = (retenido or f["prueba"])["por_clase"].get("Ninguna", {}).get("exhaustividad")
        base = f["linea_base_tfidf"]["prueba"]
        print(f"{f['configuracion']:<30}{f.get('pico_memoria_mb', 0):>8}"
              f"{f['segundos_entrenamiento']:>10.1f}"
              f"{'≤ ' + str(f['objetivo_segundos']):>9}{f['prueba']['exactitud']:>8.3f}"
              f"{f['prueba']['f1_macro']:>11.3f}{base['exactitud']:>14.3f}{base['f1_macro']:>11.3f}"
              f"{_cifra(retenido['f1_macro'] if retenido else None):>14}{_cifra(ninguna):>14}")
        if "inferencia" in f:
            i = f["inferencia"]
            print(f"{'':<26}inferencia (frases/s, lotes de {i['lote']} / una a una): "
                  f"fp32 {i['frases_por_segundo_lotes_fp32']:.0f} / "
                  f"{i['frases_por_segundo_una_a_una_fp32']:.0f}, "
                  f"int8 {i['frases_por_segundo_lotes_int8']:.0f} / "
                  f"{i['frases_por_segundo_una_a_una_int8']:.0f} (objetivo por lotes ≥ 500)")
            print(f"{'':<26}pesos: fp32 {i['megabytes_fp32']} MB, int8 {i['megabytes_int8']} MB; "
                  f"F1 prueba int8 {i['prueba_int8']['f1_macro']:.3f}")


def entrenar_configuracion(indice: int, salida: Path) -> dict:
    """Entrena la configuración ``indice`` y devuelve su resumen con el pico de memoria."""
    import resource

    _, csv, crear_metodo, umbral, _ = CONFIGURACIONES[indice]
    with contextlib.redirect_stdout(io.StringIO()):
        resumen = entrenar_clasificador(leer_csv(rutas.DATOS / csv), salida, crear_metodo(),
                                        umbral_ninguna=umbral, origen_datos=csv).resumen
    # ru_maxrss: kilobytes en Linux. Es el pico del proceso entero (entrenar y evaluar).
    resumen["pico_memoria_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return resumen


def entrenar_en_otro_proceso(indice: int, salida: Path) -> dict:
    """Cada entrenamiento en un proceso nuevo: así el pico de memoria es solo suyo."""
    proceso = subprocess.run([sys.executable, __file__, "--entrenar", str(indice), "--salida",
                              str(salida)], capture_output=True, text=True, check=True)
    return json.loads(proceso.stdout.strip().splitlines()[-1])


def main() -> int:
    analizador = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    analizador.add_argument("--retenidos-comida", type=Path)
    analizador.add_argument("--retenidos-asignaturas", type=Path)
    analizador.add_argument("--medir-inferencia", type=Path, metavar="CARPETA",
                            help="solo mide la inferencia de un clasificador guardado (imprime JSON)")
    analizador.add_argument("--entrenar", type=int, metavar="I",
                            help="solo entrena la configuración I en la carpeta --salida (JSON)")
    analizador.add_argument("--salida", type=Path)
    args = analizador.parse_args()
    if args.medir_inferencia:
        print(json.dumps(medir_inferencia(args.medir_inferencia), ensure_ascii=False))
        return 0
    if args.entrenar is not None:
        print(json.dumps(entrenar_configuracion(args.entrenar, args.salida), ensure_ascii=False))
        return 0
    retenidos = {"comida.csv": args.retenidos_comida, "asignaturas.csv": args.retenidos_asignaturas}

    filas = []
    with tempfile.TemporaryDirectory() as temporal:
        for indice, (nombre, csv, _, _, objetivo) in enumerate(CONFIGURACIONES):
            salida = Path(temporal) / nombre.replace(" · ", "_").replace(" ", "_")
            metricas = entrenar_en_otro_proceso(indice, salida)
            fila = {"configuracion": nombre, "modelo_base": metricas["modelo_base"]["nombre"],
                    "segundos_entrenamiento": metricas["segundos_entrenamiento"],
                    "pico_memoria_mb": metricas["pico_memoria_mb"],
                    "objetivo_segundos": objetivo,
                    "prueba": metricas["prueba"], "umbral_ninguna": metricas["umbral_ninguna"],
                    "linea_base_tfidf": linea_base(rutas.DATOS / csv, retenidos[csv])}
            if retenidos[csv]:
                datos = leer_csv(retenidos[csv])
                clasificador = cargar_clasificador(salida)
                predichas = [e for e, _ in clasificador.predecir(datos["text"].tolist())]
                fila["retenidos"] = calcular_metricas(datos["label"], predichas)
            if csv == "comida.csv":
                fila["inferencia"] = inferencia(salida)
            filas.append(fila)

    maquina = {"procesador": platform.processor() or platform.machine(), "nucleos": os.cpu_count(),
               "python": platform.python_version(), "fecha": time.strftime("%Y-%m-%d %H:%M")}
    imprimir(maquina, filas)
    destino = RAIZ / "bench" / "resultados_clasificadores.json"
    destino.write_text(json.dumps({"maquina": maquina, "resultados": filas}, ensure_ascii=False,
                                  indent=2), encoding="utf-8")
    print(f"Resultados en {destino}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
