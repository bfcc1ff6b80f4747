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
