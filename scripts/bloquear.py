"""Escribe en la salida estándar el requirements.txt fijado a partir de un entorno instalado.

Uso (lo llama ``make bloquear``)::

    python scripts/bloquear.py RUTA/AL/python > requirements.txt

Toma ``pip freeze`` de ese entorno (sin el propio paquete ``transferencia``), quita el
sufijo local de torch (``2.13.0+cpu`` → ``2.13.0``: la versión para CPU se instala con
``torch==2.13.0``) y añade una cabecera.
"""

from __future__ import annotations

import re
import subprocess
import sys

CABECERA = """\
# Entorno completo del Curso de Transfer Learning (Python 3.11): TODAS las versiones fijadas,
# también las de las dependencias indirectas. Lo instala `make`. No lo edites a mano: cambia
# pyproject.toml (lo que importa el código) y ejecuta `make bloquear`.
# torch: la compilación para CPU de la 2.13.0 (otra versión descargaría varios GB de CUDA).
"""


def fijadas(python: str) -> list[str]:
    # «pip list --format=freeze» da «nombre==versión» también de lo instalado desde un archivo
    # (donde «pip freeze» escribiría «nombre @ file://...», que no sirve en otra máquina).
    salida = subprocess.run([python, "-m", "pip", "list", "--format=freeze", "--exclude-editable"],
                            capture_output=True, text=True, check=True).stdout
    lineas = []
    for linea in salida.splitlines():
        nombre = re.split(r"[=<>@ ]", linea, maxsplit=1)[0].lower().replace("_", "-")
        if not linea or linea.startswith("#") or nombre in {"transferencia", "pip", "setuptools", "wheel"}:
            continue
        lineas.append(re.sub(r"^(torch==[\d.]+)\+\w+$", r"\1", linea))
    return sorted(lineas, key=str.lower)


if __name__ == "__main__":
    print(CABECERA + "\n".join(fijadas(sys.argv[1] if len(sys.argv) > 1 else sys.executable)))
