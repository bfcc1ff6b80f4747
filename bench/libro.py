"""Banco de pruebas del libro y del corrector: tiempos de construcción y de corrección.

Uso: ``.venv/bin/python bench/libro.py``. Mide:

- la construcción completa del libro desde una caché de ejecución vacía (objetivo ≤ 10 min
  en 2 núcleos) y la reconstrucción con la caché llena (objetivo ≤ 30 s);
- la corrección de todos los ejercicios (objetivo ≤ 30 s);
- la memoria máxima de un entrenamiento del clasificador binario con la línea de órdenes;
- la reproducibilidad: las cifras pegadas (``glue``) de dos construcciones desde cero
  deben coincidir, salvo las que son tiempos.

Imprime una tabla y escribe ``bench/resultados_libro.json``.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
JUPYTER_BOOK = str(Path(PYTHON).parent / "jupyter-book")
#: Claves de glue que son tiempos o velocidades: cambian de una ejecución a otra.
VARIABLES = ("segundos", "s_", "vel_", "tiempo", "frases_por")


def cronometrar(orden: list[str], **kwargs) -> float:
    inicio = time.perf_counter()
    subprocess.run(orden, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kwargs)
    return time.perf_counter() - inicio


def cifras_pegadas(carpeta: Path) -> dict[str, str]:
    """Texto de todas las cifras pegadas con ``glue`` (archivos ``*.glue.json`` de myst-nb)."""
    cifras = {}
    for archivo in sorted((carpeta / "_build" / "jupyter_execute").rglob("*.glue.json")):
        capitulo = archivo.name.removesuffix(".glue.json")
        for clave, salida in json.loads(archivo.read_text(encoding="utf-8")).items():
            datos = salida.get("data", {})
            texto = datos.get("text/markdown") or datos.get("text/plain")
            if "image/png" in datos or any(v in clave for v in VARIABLES):
                continue  # las figuras y los tiempos no se comparan
            cifras[f"{capitulo}:{clave}"] = texto
    return cifras


def construir(destino: Path) -> float:
    return cronometrar([JUPYTER_BOOK, "build", str(RAIZ), "--path-output", str(destino), "-W", "-n",
                        "--keep-going"])


def main() -> int:
    resultados = {}
    with tempfile.TemporaryDirectory() as temporal:
        a, b = Path(temporal) / "a", Path(temporal) / "b"
        resultados["libro_vacio_s"] = construir(a)
        resultados["libro_caliente_s"] = construir(a)
        construir(b)
        cifras_a, cifras_b = cifras_pegadas(a), cifras_pegadas(b)
        distintas = {k: (cifras_a[k], cifras_b.get(k)) for k in cifras_a if cifras_a[k] != cifras_b.get(k)}
        resultados["cifras_comparadas"] = len(cifras_a)
        resultados["cifras_distintas"] = distintas

        inicio = time.perf_counter()
        subprocess.run([PYTHON, "-m", "transferencia", "corregir"], cwd=RAIZ,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # sale con 1: hay pendientes
        resultados["corregir_s"] = time.perf_counter() - inicio

        antes = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        cronometrar([PYTHON, "-m", "transferencia", "entrenar", "--datos", str(RAIZ / "data" / "comida.csv"),
                     "--salida", str(Path(temporal) / "m"), "--sin-progreso"], cwd=RAIZ)
        resultados["memoria_entrenamiento_mb"] = max(
            antes, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024

    resultados["maquina"] = {"procesador": platform.processor() or platform.machine(),
                             "nucleos": os.cpu_count(), "python": platform.python_version(),
                             "fecha": time.strftime("%Y-%m-%d %H:%M")}
    print(f"Máquina: {resultados['maquina']}")
    print(f"Libro desde caché vacía: {resultados['libro_vacio_s']:.0f} s (objetivo ≤ 600 s)")
    print(f"Libro con caché:         {resultados['libro_caliente_s']:.0f} s (objetivo ≤ 30 s)")
    print(f"Corregir ejercicios:     {resultados['corregir_s']:.1f} s (objetivo ≤ 30 s)")
    print(f"Memoria máx. entrenando: {resultados['memoria_entrenamiento_mb']:.0f} MB")
    print(f"Reproducibilidad: {resultados['cifras_comparadas']} cifras comparadas, "
          f"{len(resultados['cifras_distintas'])} distintas {resultados['cifras_distintas'] or ''}")
    destino = RAIZ / "bench" / "resultados_libro.json"
    destino.write_text(json.dumps(resultados, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"Resultados en {destino}")
    return 0 if not resultados["cifras_distintas"] else 1


if __name__ == "__main__":
    sys.exit(main())
