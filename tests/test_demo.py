"""La demo de Gradio: API HTTP en 127.0.0.1 y uso real en un navegador sin cabeza."""

import os
import socket
import subprocess
import sys
import time

import pytest

from transferencia import rutas
from transferencia.cli import main as cli

RAIZ = rutas.RAIZ


@pytest.fixture(scope="module")
def modelo(tmp_path_factory):
    carpeta = tmp_path_factory.mktemp("demo") / "comida"
    assert cli(["entrenar", "--datos", str(rutas.DATOS / "comida.csv"), "--metodo", "embeddings",
                "--salida", str(carpeta)]) == 0
    return carpeta


@pytest.fixture(scope="module")
def servidor(modelo):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        puerto = s.getsockname()[1]
    entorno = dict(os.environ, GRADIO_ANALYTICS_ENABLED="False")
    proceso = subprocess.Popen([sys.executable, str(RAIZ / "demo" / "app.py"), "--modelo", str(modelo),
                                "--puerto", str(puerto)], env=entorno,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{puerto}/"
    limite = time.monotonic() + 120
    while time.monotonic() < limite:
        if proceso.poll() is not None:
            pytest.fail(f"la demo terminó al arrancar:\n{proceso.stdout.read()}")
        try:
            socket.create_connection(("127.0.0.1", puerto), timeout=1).close()
            break
        except OSError:
            time.sleep(0.5)
    else:
        proceso.kill()
        pytest.fail("la demo no arrancó en 120 s")
    yield url
    proceso.terminate()
    proceso.wait(timeout=30)


def test_api_http(servidor):
    from gradio_client import Client

    cliente = Client(servidor, verbose=False)
    comida = cliente.predict("We baked a chocolate cake with strawberries.", api_name="/clasificar")
    otra = cliente.predict("The train to the airport was delayed by the snow.", api_name="/clasificar")
    assert comida["label"] == "food" and otra["label"] == "not_food"
    confianzas = {c["label"]: c["confidence"] for c in comida["confidences"]}
    assert set(confianzas) == {"food", "not_food"}
    assert sum(confianzas.values()) == pytest.approx(1, abs=1e-4)


def test_en_el_navegador(servidor, navegador, artefactos):
    pagina = navegador.new_page()
    peticiones = []
    pagina.on("request", lambda r: peticiones.append(r.url))
    pagina.goto(servidor, wait_until="networkidle")
    pagina.fill("#frase textarea", "Fresh bread and olive oil for breakfast")
    pagina.click("#clasificar")
    pagina.wait_for_selector("#resultado h2:text-is('food'), #resultado :text-is('food')", timeout=30000)
    pagina.screenshot(path=str(artefactos / "demo.png"))
    externas = [u for u in peticiones if not u.startswith("http://127.0.0.1")]
    assert externas == [], f"la demo pidió recursos externos: {externas}"
    pagina.close()


# ---------------------------------------------------------------------------
# «Entrena el tuyo»
# ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def app():
    """El módulo ``demo/app.py``, importado sin dejar cambiadas las variables de entorno
    (fija ``HF_HUB_OFFLINE`` al importarse, y eso no debe afectar a las demás pruebas)."""
    import importlib

    nombres = ("GRADIO_ANALYTICS_ENABLED", "HF_HUB_OFFLINE")
    guardadas = {nombre: os.environ.get(nombre) for nombre in nombres}
    os.environ.setdefault("HF_HUB_OFFLINE", "0")  # así el setdefault de la demo no lo cambia
    sys.path.insert(0, str(RAIZ / "demo"))
    try:
        modulo = importlib.import_module("app")
    finally:
        sys.path.remove(str(RAIZ / "demo"))
        for nombre, valor in guardadas.items():
            if valor is None:
                os.environ.pop(nombre, None)
            else:
                os.environ[nombre] = valor
    return modulo


class Progreso:
    """Sustituye a ``gr.Progress``: apunta cada llamada."""

    def __init__(self):
        self.llamadas = []

    def __call__(self, progreso, desc=None, unit="steps", **_):
        self.llamadas.append((progreso, desc, unit))


def _entrenamientos(app):
    return sorted(app.carpeta_trabajo().glob("entrenamiento_*"))


def test_entrenar_archivo_del_docente(app, tmp_path):
    import zipfile

    from conftest import crear_excel_del_docente
    from transferencia.clasificador import cargar_clasificador

    excel = crear_excel_del_docente(tmp_path / "asignaturas del curso.xlsx")
    informe, resumen, tabla, matriz, archivo_zip, carpeta = app.entrenar_archivo(
        str(excel), unificar=True, metodo="embeddings", progreso=Progreso())
    # El informe nombra el archivo como lo subió el docente, sin la ruta temporal.
    assert informe.startswith("Archivo leído: asignaturas del curso.xlsx (Excel, hoja «Frases»)")
    assert str(tmp_path) not in informe
    assert "Filas repetidas quitadas: 12" in informe and "Se han unificado en «Matemáticas»" in informe
    assert "F1 macro: **" in resumen and "Estas **50 frases**" in resumen
    assert list(tabla.columns) == ["etiqueta", "precisión", "exhaustividad", "F1", "frases"]
    assert len(tabla) == 10 and "matematicas" not in set(tabla["etiqueta"])
    assert all("," in valor for valor in tabla["F1"])  # coma decimal
    assert open(matriz, "rb").read(4) == b"\x89PNG"
    assert carpeta.endswith("modelo_asignaturas_del_curso")
    with zipfile.ZipFile(archivo_zip) as comprimido:
        nombres = set(comprimido.namelist())
        comprimido.extractall(tmp_path / "descomprimido")
    assert {"modelo_asignaturas_del_curso/transferencia.json",
            "modelo_asignaturas_del_curso/metricas.json"} <= nombres
    # El .zip es un modelo que se puede usar con --modelo, y da lo mismo que el de la página.
    descomprimido = cargar_clasificador(tmp_path / "descomprimido" / "modelo_asignaturas_del_curso")
    frase = "Resuelve la ecuación de segundo grado que hay en la pizarra."
    probabilidades = app.probar_frase(carpeta, frase)
    assert max(probabilidades, key=probabilidades.get) == descomprimido.predecir([frase])[0][0]
    assert set(probabilidades) == set(descomprimido.etiquetas)


def test_entrenar_archivo_con_ajuste_fino_lleva_la_barra(app, modelo_diminuto, tmp_path,
                                                          monkeypatch):
    import pandas as pd

    from transferencia import modelos

    monkeypatch.setattr(modelos, "MODELO_MULTILINGUE", str(modelo_diminuto))
    datos = pd.read_csv(rutas.DATOS / "comida.csv").head(60)
    ruta = tmp_path / "comida.jsonl"
    datos.to_json(ruta, orient="records", lines=True, force_ascii=False)
    progreso = Progreso()
    _, resumen, *_ = app.entrenar_archivo(str(ruta), metodo="ajuste", epocas=1,
                                          progreso=progreso)
    assert "Método **ajuste**" in resumen
    pasos = [p for p, _, unidad in progreso.llamadas if unidad == "pasos"]
    assert pasos and all(isinstance(p, tuple) for p in pasos)
    assert pasos[-1][0] == pasos[-1][1]  # la barra llega al final
    assert any(desc.startswith("Entrenando con") for _, desc, _ in progreso.llamadas)


def _binario(ruta):
    import random

    ruta.write_bytes(random.Random(7).randbytes(4000))


def _una_clase(ruta):
    ruta.write_text("texto;etiqueta\n" + "".join(f"Frase número {i};Historia\n" for i in range(9)),
                    encoding="utf-8")


def _falta_columna(ruta):
    ruta.write_text("nombre,curso\nAna,3.º A\n", encoding="utf-8")


def _excel_danado(ruta):
    ruta.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 8)


@pytest.mark.parametrize("nombre, crear, mensaje", [
    ("datos.csv", _binario, "datos.csv: no parece un archivo de texto"),
    ("datos.csv", _una_clase, "datos.csv: solo hay una clase («Historia»)"),
    ("datos.csv", _falta_columna,
     "datos.csv, fila 1: no encuentro la columna del texto (se reconocen: text, texto"),
    ("datos.xlsx", _excel_danado, "datos.xlsx: no se puede abrir como libro de Excel"),
])
def test_entrada_mala_es_un_error_en_espanol_sin_guardar_nada(app, tmp_path, nombre, crear,
                                                              mensaje):
    import gradio as gr

    ruta = tmp_path / nombre
    crear(ruta)
    antes = _entrenamientos(app)
    for funcion in (app.mostrar_lectura, app.entrenar_archivo):
        with pytest.raises(gr.Error) as error:
            funcion(str(ruta))
        assert mensaje in error.value.message
        assert str(tmp_path) not in error.value.message  # el nombre, no la ruta temporal
    assert _entrenamientos(app) == antes


def test_errores_nombran_los_controles_de_la_pagina(app, tmp_path):
    import gradio as gr

    ruta = tmp_path / "frases.csv"
    ruta.write_text("id,enunciado,materia\n1,Hola,a\n", encoding="utf-8")
    with pytest.raises(gr.Error) as error:
        app.mostrar_lectura(str(ruta))
    assert "Indica cuál usar con el campo «Columna del texto» de las «Opciones de lectura»." in \
        error.value.message
    assert "--columna" not in error.value.message
    # Pocas frases: el error de entrenamiento llega también en español, sin opciones de la CLI.
    ruta.write_text("texto,etiqueta\nuno dos,a\ntres cuatro,a\ncinco seis,b\nsiete ocho,b\n",
                    encoding="utf-8")
    antes = _entrenamientos(app)
    with pytest.raises(gr.Error) as error:
        app.entrenar_archivo(str(ruta), progreso=Progreso())
    assert "añade más ejemplos" in error.value.message and "--" not in error.value.message
    assert _entrenamientos(app) == antes
    with pytest.raises(gr.Error, match="Primero sube un archivo"):
        app.entrenar_archivo(None)
    with pytest.raises(gr.Error, match="Primero entrena un modelo"):
        app.probar_frase("", "hola")
    with pytest.raises(gr.Error, match="no lo entrenó esta página"):
        app.probar_frase(str(tmp_path), "hola")


def test_entrena_el_tuyo_en_el_navegador(servidor, navegador, artefactos, tmp_path):
    import re
    import zipfile
    from io import BytesIO

    from playwright.sync_api import expect

    from conftest import asignaturas, crear_csv_de_windows, crear_excel_del_docente

    excel = crear_excel_del_docente(tmp_path / "asignaturas.xlsx")
    csv = crear_csv_de_windows(tmp_path / "asignaturas_windows.csv")
    etiquetas = {e for _, e in asignaturas()}
    pagina = navegador.new_page(locale="es-ES")
    peticiones = []
    pagina.on("request", lambda r: peticiones.append(r.url))
    pagina.goto(servidor, wait_until="networkidle")
    pagina.get_by_role("tab", name="Entrena el tuyo").click()

    # 1. El Excel con repeticiones y etiquetas escritas de otra forma.
    pagina.set_input_files("#archivo_datos input[type=file]", str(excel))
    informe = pagina.locator("#informe_lectura textarea")
    expect(informe).to_have_value(re.compile("Filas repetidas quitadas: 12"), timeout=60000)
    expect(informe).to_have_value(re.compile("para unirlas, usa la casilla «Unificar etiquetas»"))
    pagina.get_by_text("Opciones de lectura").click()
    pagina.locator("#unificar input[type=checkbox]").check()
    expect(informe).to_have_value(re.compile("Se han unificado en «Matemáticas»"), timeout=60000)
    pagina.click("#entrenar")  # con embeddings, el método por defecto
    resumen = pagina.locator("#resumen_evaluacion")
    expect(resumen).to_contain_text("F1 macro", timeout=240000)
    expect(resumen).to_contain_text("Estas 50 frases (20 % de asignaturas.xlsx)")
    tabla = pagina.locator("#tabla_evaluacion")
    expect(tabla).to_contain_text("Matemáticas")
    assert "matematicas" not in tabla.inner_text()
    expect(pagina.locator("#matriz_confusion img")).to_have_attribute("src", re.compile(r"\.png"))

    pagina.fill("#frase_propia textarea", "Resuelve la ecuación de segundo grado que hay en la "
                                          "pizarra.")
    pagina.click("#clasificar_propio")
    respuesta = pagina.locator("#resultado_propio h2")
    expect(respuesta).to_have_text(re.compile("|".join(map(re.escape, etiquetas))), timeout=30000)
    assert respuesta.inner_text() == "Matemáticas"

    enlace = pagina.locator("#descarga_modelo a[download]")
    expect(enlace).to_have_attribute("download", "modelo_asignaturas.zip")
    href = enlace.get_attribute("href")
    assert href.startswith("http://127.0.0.1")
    with zipfile.ZipFile(BytesIO(pagina.request.get(href).body())) as comprimido:
        assert "modelo_asignaturas/transferencia.json" in comprimido.namelist()
    pagina.screenshot(path=str(artefactos / "demo_entrena_el_tuyo.png"), full_page=True)

    # 2. El CSV de Windows separado por «;» con columnas en español. Con el navegador en
    # español, los botones de Gradio también lo están.
    pagina.locator("#archivo_datos").get_by_role("button", name="Limpiar").click()
    expect(informe).to_have_value("")
    pagina.set_input_files("#archivo_datos input[type=file]", str(csv))
    expect(informe).to_have_value(re.compile(r"codificación detectada: Windows-1252, separador "
                                             r"«;» \(punto y coma\)"), timeout=60000)
    expect(informe).to_have_value(re.compile("Columnas: texto = «texto», etiqueta = «etiqueta»"))
    pagina.click("#entrenar")
    expect(resumen).to_contain_text("asignaturas_windows.csv", timeout=240000)
    expect(resumen).to_contain_text("F1 macro")
    expect(enlace).to_have_attribute("download", "modelo_asignaturas_windows.zip")

    externas = [u for u in peticiones if not u.startswith("http://127.0.0.1")]
    assert externas == [], f"la demo pidió recursos externos: {externas}"
    pagina.close()


def test_una_sola_pasada_del_modelo_por_frase(app):
    """La demo calcula las probabilidades una vez y decide «Ninguna» sobre ellas."""
    import numpy as np

    from transferencia.clasificador import Clasificador
    from transferencia.formato import Descripcion

    class Contador(Clasificador):
        llamadas = 0

        def probabilidades(self, textos, lote=32):
            Contador.llamadas += 1
            return np.array([[0.55, 0.45]] * len(textos))

    clasificador = Contador(rutas.RAIZ, Descripcion("ajuste", ["a", "b"], umbral_ninguna=0.6))
    resultado = app.clasificar_frase(clasificador, "una frase")
    assert Contador.llamadas == 1
    assert list(resultado) == ["Ninguna", "a", "b"]
    assert resultado["Ninguna"] == pytest.approx(0.45) and resultado["a"] == 0.55
