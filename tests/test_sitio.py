"""El sitio construido, abierto en Chromium sin cabeza y servido en 127.0.0.1."""

import functools
import http.server
import threading

import pytest
import yaml

from transferencia import rutas


def paginas_del_indice():
    toc = yaml.safe_load((rutas.RAIZ / "_toc.yml").read_text(encoding="utf-8"))
    paginas = [toc["root"]]
    for parte in toc.get("parts", []):
        paginas += [c["file"] for c in parte["chapters"]]
    return paginas


def figuras_de_la_fuente(pagina: str) -> int:
    """Figuras que la fuente MyST declara (glue:figure, figure, image y ![...](...))."""
    texto = (rutas.RAIZ / f"{pagina}.md").read_text(encoding="utf-8")
    directivas = ("```{glue:figure}", "```{figure}", "```{image}")
    return sum(linea.startswith(directivas) for linea in texto.splitlines()) + texto.count("![")


@pytest.fixture(scope="module")
def sitio(html_libro):
    class Silencioso(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    manejador = functools.partial(Silencioso, directory=str(html_libro))
    servidor = http.server.ThreadingHTTPServer(("127.0.0.1", 0), manejador)
    hilo = threading.Thread(target=servidor.serve_forever, daemon=True)
    hilo.start()
    yield f"http://127.0.0.1:{servidor.server_address[1]}"
    servidor.shutdown()


@pytest.mark.parametrize("pagina", paginas_del_indice())
def test_pagina_carga_sin_peticiones_externas(pagina, sitio, navegador, artefactos):
    pestana = navegador.new_page()
    peticiones, fallidas = [], []
    pestana.on("request", lambda r: peticiones.append(r.url))
    pestana.on("requestfailed", lambda r: fallidas.append(r.url))
    respuesta = pestana.goto(f"{sitio}/{pagina}.html", wait_until="networkidle")
    assert respuesta.status == 200
    assert pestana.locator("article h1").first.is_visible(), "la página no muestra su título"
    externas = [u for u in peticiones if not u.startswith(sitio)]
    assert externas == [], f"{pagina} pide recursos externos: {externas}"
    assert fallidas == [], f"{pagina} tiene peticiones fallidas: {fallidas}"
    imagenes = pestana.locator("article img")
    esperadas = figuras_de_la_fuente(pagina)
    assert imagenes.count() >= esperadas, (
        f"{pagina}: la fuente declara {esperadas} figuras y la página muestra {imagenes.count()}")
    for i in range(imagenes.count()):
        imagen = imagenes.nth(i)
        assert (imagen.get_attribute("alt") or "").strip(), f"{pagina}: imagen sin texto alternativo"
        assert imagen.evaluate("i => i.complete && i.naturalWidth > 0"), f"{pagina}: imagen rota"
        assert imagen.is_visible(), f"{pagina}: imagen oculta"
    pestana.screenshot(path=str(artefactos / f"{pagina.replace('/', '_')}.png"), full_page=False)
    pestana.close()


def test_busqueda_en_espanol(sitio, navegador):
    pestana = navegador.new_page()
    pestana.goto(f"{sitio}/search.html?q=tokenizador", wait_until="networkidle")
    pestana.wait_for_selector("#search-results ul.search li", timeout=20000)
    assert pestana.locator("#search-results ul.search li").count() >= 1
    pestana.close()
