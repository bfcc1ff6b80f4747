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
def modelo_diminuto(tmp_path_factory):
    """Un BERT diminuto (aleatorio) con el tokenizador del respaldo: se entrena en segundos."""
    import torch
    from transformers import AutoTokenizer, BertConfig, BertModel

    from transferencia.modelos import ruta_respaldo

    carpeta = tmp_path_factory.mktemp("bert_diminuto")
    tokenizador = AutoTokenizer.from_pretrained(ruta_respaldo())
    configuracion = BertConfig(vocab_size=tokenizador.vocab_size, hidden_size=32,
                               num_hidden_layers=2, num_attention_heads=2,
                               intermediate_size=64, max_position_embeddings=128)
    torch.manual_seed(0)  # los mismos pesos iniciales en cada ejecución
    BertModel(configuracion).save_pretrained(carpeta)
    tokenizador.save_pretrained(carpeta)
    return carpeta


# ---------------------------------------------------------------------------
# Tablas como las de un docente (para la línea de órdenes y la demo)
# ---------------------------------------------------------------------------

#: Etiquetas escritas de otra forma en el Excel del docente (3 filas de cada una).
REESCRITAS = {"Matemáticas": "matematicas", "Historia": "HISTORIA"}
#: Filas repetidas al final del Excel (copias de las 12 primeras).
REPETIDAS = 12


def asignaturas():
    """Las 250 frases de ``data/asignaturas.csv`` como ``(texto, etiqueta)``."""
    import pandas as pd

    return list(pd.read_csv(RAIZ / "data" / "asignaturas.csv").itertuples(index=False, name=None))


def crear_excel_del_docente(ruta):
    """Las 250 frases de asignaturas en un .xlsx como lo haría un docente: cabecera en
    español («Frase», «Asignatura»), 12 filas repetidas al final y 3 filas de «Matemáticas»
    y de «Historia» escritas «matematicas» y «HISTORIA»."""
    import openpyxl

    frases = asignaturas()
    cambiadas = {}
    filas = []
    for numero, (texto, etiqueta) in enumerate(frases):
        if numero >= REPETIDAS and etiqueta in REESCRITAS and cambiadas.get(etiqueta, 0) < 3:
            cambiadas[etiqueta] = cambiadas.get(etiqueta, 0) + 1
            etiqueta = REESCRITAS[etiqueta]
        filas.append((texto, etiqueta))
    filas += filas[:REPETIDAS]
    libro = openpyxl.Workbook()
    hoja = libro.active
    hoja.title = "Frases"
    hoja.append(["Frase", "Asignatura"])
    for fila in filas:
        hoja.append(list(fila))
    libro.save(ruta)
    return ruta


def crear_csv_de_windows(ruta, frases=None):
    """Las frases en un CSV separado por «;», en Windows-1252 y con columnas texto;etiqueta
    (lo que guarda una hoja de cálculo en español como «CSV»). El signo menos «−» no existe
    en Windows-1252 y se guarda como «-», igual que haría la hoja de cálculo."""
    import csv
    import io

    salida = io.StringIO()
    escritor = csv.writer(salida, delimiter=";", lineterminator="\r\n")
    escritor.writerow(["texto", "etiqueta"])
    escritor.writerows((t.replace("−", "-"), e) for t, e in (frases or asignaturas()))
    ruta.write_bytes(salida.getvalue().encode("cp1252"))
    return ruta


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
