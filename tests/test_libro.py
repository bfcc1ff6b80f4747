"""El libro construido y sus cuadernos: idioma, sin CDN, botones de lanzamiento."""

import json
import re
from pathlib import Path

import jupytext
import pytest
import yaml

RAIZ = Path(__file__).resolve().parent.parent


def capitulos_ejecutables():
    toc = yaml.safe_load((RAIZ / "_toc.yml").read_text(encoding="utf-8"))
    archivos = [c["file"] for parte in toc.get("parts", []) for c in parte["chapters"]]
    ejecutables = []
    for archivo in archivos:
        texto = (RAIZ / f"{archivo}.md").read_text(encoding="utf-8")
        if texto.startswith("---") and "kernelspec" in texto.split("---")[1]:
            ejecutables.append(archivo)
    return ejecutables


def paginas(html_libro):
    return [p for p in html_libro.rglob("*.html") if "_static" not in p.parts]


def test_hay_capitulos_ejecutables():
    assert capitulos_ejecutables(), "el índice no tiene ningún capítulo ejecutable"


@pytest.mark.parametrize("capitulo", capitulos_ejecutables())
def test_cuaderno_emparejado_y_sin_salidas(capitulo):
    md = RAIZ / f"{capitulo}.md"
    ipynb = RAIZ / f"{capitulo}.ipynb"
    assert ipynb.exists(), f"falta {ipynb.name}: ejecuta «jupytext --sync {md.name}»"
    cuaderno = json.loads(ipynb.read_text(encoding="utf-8"))
    for celda in cuaderno["cells"]:
        if celda["cell_type"] == "code":
            assert celda["outputs"] == [] and celda["execution_count"] is None, \
                f"{ipynb.name} tiene salidas guardadas: bórralas"
    fuente = jupytext.read(md)
    emparejado = jupytext.read(ipynb)
    assert [c.source for c in fuente.cells] == [c.source for c in emparejado.cells], \
        f"{ipynb.name} no está sincronizado con {md.name}: ejecuta «jupytext --sync {md}»"


def test_paginas_en_espanol_y_sin_recursos_externos(html_libro):
    for pagina in paginas(html_libro):
        html = pagina.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html.lower():
            continue  # redirección de index.html
        assert '<html lang="es"' in html, pagina
        externos = re.findall(r'<script[^>]+src="(?:https?:)?//[^"]+"', html)
        externos += re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="(?:https?:)?//[^"]+"', html)
        externos += re.findall(r'<link[^>]+href="(?:https?:)?//[^"]+"[^>]+rel="stylesheet"', html)
        assert externos == [], f"{pagina.name} carga recursos externos: {externos}"
        assert 'placeholder="Buscar' in html, f"{pagina.name}: el buscador no está en español"


@pytest.mark.parametrize("capitulo", capitulos_ejecutables())
def test_botones_de_colab_y_binder(html_libro, capitulo):
    html = (html_libro / f"{capitulo}.html").read_text(encoding="utf-8")
    colab = re.findall(r'href="(https://colab\.research\.google\.com/[^"]+)"', html)
    binder = re.findall(r'href="(https://mybinder\.org/[^"]+)"', html)
    assert colab and binder, f"{capitulo}: faltan los botones de lanzamiento"
    for enlace in colab + binder:
        ruta = re.search(r"(book/[\w/]+\.ipynb)", enlace.replace("%2F", "/"))
        assert ruta, f"el botón no apunta a un .ipynb: {enlace}"
        assert (RAIZ / ruta.group(1)).exists(), enlace


def test_figuras_con_texto_alternativo(html_libro):
    for pagina in paginas(html_libro):
        for etiqueta in re.findall(r"<img[^>]*>", pagina.read_text(encoding="utf-8")):
            alt = re.search(r'alt="([^"]*)"', etiqueta)
            assert alt and alt.group(1).strip(), f"{pagina.name}: imagen sin texto alternativo: {etiqueta[:120]}"


def test_cifras_del_capitulo_binario_vienen_de_celdas(html_libro):
    html = (html_libro / "book" / "clasificador_binario.html").read_text(encoding="utf-8")
    texto = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert "el modelo que se ejecutó fue" in texto
    assert re.search(r"acierta el \d+,\d % de las frases de prueba", texto)
    assert "pasted-text" in html  # las cifras pegadas con glue


def test_cifras_pegadas_a_la_espanola(html_libro):
    """Las cifras que pega glue llevan coma decimal y espacio antes de «%»."""
    malas = {}
    for pagina in paginas(html_libro):
        html = pagina.read_text(encoding="utf-8")
        for cifra in re.findall(r'<span class="pasted-text">([^<]*)</span>', html):
            if re.search(r"\d\.\d|\d%", cifra):
                malas.setdefault(pagina.name, []).append(cifra)
    assert not malas, f"cifras sin formato español: {malas}"
    pegadas = sum(pagina.read_text(encoding="utf-8").count("pasted-text") for pagina in paginas(html_libro))
    assert pegadas > 100, "no se encuentran las cifras pegadas: ¿cambió el HTML de myst-nb?"
