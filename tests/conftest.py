"""Utilidades comunes de las pruebas."""

import os
import sys
from pathlib import Path

import pytest

RAIZ = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RAIZ))


@pytest.fixture
def escribir_csv(tmp_path):
    """Escribe un CSV de prueba (texto o bytes) y devuelve su ruta."""

    def escribir(contenido, nombre="datos.csv"):
        ruta = tmp_path / nombre
        if isinstance(contenido, bytes):
            ruta.write_bytes(contenido)
        else:
            ruta.write_text(contenido, encoding="utf-8")
        return ruta

    return escribir


@pytest.fixture(scope="session")
def html_libro():
    """Carpeta del HTML construido (``LIBRO_HTML``, que fija ``make test``)."""
    ruta = os.environ.get("LIBRO_HTML")
    if ruta is None:
        pytest.skip("el libro no se ha construido en esta ejecución: usa «make test»")
    ruta = Path(ruta)
    if not ruta.is_absolute():
        ruta = RAIZ / ruta
    assert (ruta / "index.html").exists(), f"no se encuentra el libro construido en {ruta}"
    return ruta
