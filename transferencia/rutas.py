"""Rutas del repositorio del curso.

Todas las rutas se calculan a partir de la ubicación de este archivo, así que
funcionan igual en un portátil, en Colab o en Binder, sea cual sea la carpeta
de trabajo.
"""

from __future__ import annotations

import os
from pathlib import Path

#: Carpeta raíz del repositorio.
RAIZ = Path(__file__).resolve().parent.parent
#: Conjuntos de datos del curso (CSV y corpus).
DATOS = RAIZ / "data"
#: Figuras que usa el texto del curso.
IMAGENES = RAIZ / "imagenes"
#: Modelos entrenados y otros resultados. Git la ignora. Se puede cambiar con
#: la variable de entorno ``TRANSFERENCIA_SALIDAS``.
SALIDAS = Path(os.environ.get("TRANSFERENCIA_SALIDAS", RAIZ / "salidas"))


def carpeta_salida(nombre: str) -> Path:
    """Devuelve (y crea si hace falta) la subcarpeta ``nombre`` de :data:`SALIDAS`."""
    carpeta = SALIDAS / nombre
    carpeta.mkdir(parents=True, exist_ok=True)
    return carpeta
