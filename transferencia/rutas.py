"""Rutas del repositorio del curso.

El paquete puede estar instalado de dos formas, y las rutas funcionan en las dos:

- **editable** (``make``, Binder, ``pip install -e``): la raíz es la carpeta que contiene
  el paquete;
- **normal** (``pip install .``, o desde una copia del repositorio en Colab): el paquete está
  en ``site-packages`` y los datos no viajan con él. La raíz es entonces la variable
  ``TRANSFERENCIA_RAIZ`` o, si no está, la primera carpeta con ``data/comida.csv`` entre la
  carpeta de trabajo, sus carpetas superiores y ``./curso-transfer-learning`` (lo que clona
  la primera celda de cada capítulo en Colab).
"""

from __future__ import annotations

import os
from pathlib import Path

#: Archivo que identifica la raíz del repositorio del curso.
MARCA = Path("data") / "comida.csv"
#: Carpeta que clona la primera celda de los capítulos en Colab.
CLON_COLAB = "curso-transfer-learning"


def buscar_raiz(paquete: Path | None = None, trabajo: Path | None = None) -> Path:
    """La carpeta raíz del curso (véase el docstring del módulo para el orden de búsqueda)."""
    elegida = os.environ.get("TRANSFERENCIA_RAIZ")
    if elegida:
        return Path(elegida).resolve()
    paquete = (paquete or Path(__file__).resolve().parent).parent
    if (paquete / MARCA).exists():
        return paquete
    trabajo = (trabajo or Path.cwd()).resolve()
    for carpeta in (trabajo, *trabajo.parents, trabajo / CLON_COLAB):
        if (carpeta / MARCA).exists():
            return carpeta
    return paquete  # sin datos a la vista: los errores de lectura dirán qué falta


#: Carpeta raíz del repositorio.
RAIZ = buscar_raiz()
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
