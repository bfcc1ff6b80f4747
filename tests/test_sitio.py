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


# --- Ejercicios y cuestionarios en el libro --------------------------------------------------

def _ejercicios():
    from transferencia import corrector

    return corrector.descubrir()


@pytest.mark.parametrize("capitulo", sorted({e.capitulo for e in _ejercicios() if e.nombre.startswith("c")}))
def test_cuestionarios_responden_al_hacer_clic(capitulo, sitio, navegador):
    """Cada pregunta del capítulo: la opción correcta dice «¡Correcto!» y por qué; una incorrecta,
    «Incorrecto.» y por qué. Sin pedir nada fuera del sitio."""
    from transferencia import cuestionario

    pestana = navegador.new_page()
    peticiones = []
    pestana.on("request", lambda r: peticiones.append(r.url))
    pestana.goto(f"{sitio}/book/{capitulo}.html", wait_until="networkidle")
    preguntas = [p for e in _ejercicios() if e.capitulo == capitulo and e.nombre.startswith("c")
                 for p in cuestionario.preguntas(e.id)]
    bloques = pestana.locator(".Quiz")
    assert bloques.count() == len(preguntas), f"{capitulo}: {bloques.count()} cuestionarios en la página"
    for i, pregunta in enumerate(preguntas):
        bloque = bloques.nth(i)
        botones = bloque.locator(".MCButton")
        assert botones.count() == len(pregunta["answers"])
        correcta = next(j for j, r in enumerate(pregunta["answers"]) if r["correct"])
        incorrecta = next(j for j, r in enumerate(pregunta["answers"]) if not r["correct"])
        for j, clase, inicio in [(incorrecta, "incorrect", "Incorrecto."), (correcta, "correct", "¡Correcto!")]:
            botones.nth(j).click()
            respuesta = bloque.locator(".Feedback")
            assert clase in (respuesta.get_attribute("class") or "").split(), respuesta.get_attribute("class")
            assert respuesta.inner_text().startswith(inicio), respuesta.inner_text()
            assert len(respuesta.inner_text()) > 30, "la respuesta no explica por qué"
    externas = [u for u in peticiones if not u.startswith(sitio)]
    assert externas == [], f"{capitulo} pide recursos externos: {externas}"
    pestana.close()


@pytest.mark.parametrize("capitulo", sorted({e.capitulo for e in _ejercicios()}))
def test_el_libro_corrige_los_esqueletos_de_cada_capitulo(capitulo, html_libro):
    """En el libro construido, cada celda de corrección da cero puntos, sin errores."""
    import re

    pagina = (html_libro / "book" / f"{capitulo}.html").read_text(encoding="utf-8")
    suyos = [e for e in _ejercicios() if e.capitulo == capitulo]
    totales = re.findall(r"Total: (\d+)/(\d+) puntos", pagina)
    assert len(totales) == len(suyos), f"{capitulo}: {len(totales)} correcciones para {len(suyos)} ejercicios"
    assert all(obtenidos == "0" and int(maximo) > 0 for obtenidos, maximo in totales), totales
    assert "Traceback" not in pagina
