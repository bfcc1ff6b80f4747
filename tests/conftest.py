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


def ruta_chromium():
    """Ruta del navegador: ``TRANSFERENCIA_CHROMIUM`` si está definida; si no, el Chromium de
    Debian/Ubuntu, o ``None`` si no está instalado."""
    import shutil

    elegido = os.environ.get("TRANSFERENCIA_CHROMIUM")
    if elegido:
        ruta = shutil.which(elegido)
        if ruta is None:
            pytest.fail(f"TRANSFERENCIA_CHROMIUM={elegido!r} no es un navegador ejecutable: "
                        "indica la ruta de Chromium o de Google Chrome, o quita la variable")
        return ruta
    return shutil.which("chromium") or shutil.which("chromium-browser")


#: Opciones para Chromium sin cabeza en esta máquina (sin red exterior, como root).
OPCIONES_CHROMIUM = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                     "--disable-component-update", "--no-first-run", "--disable-sync"]


@pytest.fixture(scope="session")
def navegador():
    """Un Chromium sin cabeza controlado con Playwright (se omite si no hay Chromium)."""
    ruta = ruta_chromium()
    if ruta is None and os.environ.get("TRANSFERENCIA_EXIGIR_NAVEGADOR") == "1":
        pytest.fail("Chromium no está instalado y esta ejecución exige las pruebas en el navegador "
                    "(TRANSFERENCIA_EXIGIR_NAVEGADOR=1, como en la integración continua)")
    if ruta is None:
        pytest.skip("Chromium no está instalado y no se pudo instalar (make test lo instala con "
                    "apt-get en Debian/Ubuntu): se omiten las pruebas en el navegador")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=ruta, args=OPCIONES_CHROMIUM)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def artefactos():
    """Carpeta (ignorada por git) donde las pruebas dejan capturas de pantalla."""
    carpeta = RAIZ / "artefactos"
    carpeta.mkdir(exist_ok=True)
    return carpeta


def pytest_collection_modifyitems(config, items):
    """Marca cada prueba según lo que necesita: ``libro`` (el HTML construido) y ``navegador``
    (Chromium). ``make pruebas`` ejecuta todas menos las de ``libro``."""
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if "html_libro" in fixtures:
            item.add_marker(pytest.mark.libro)
        if "navegador" in fixtures:
            item.add_marker(pytest.mark.navegador)
