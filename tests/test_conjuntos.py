"""Los conjuntos de datos del curso cumplen su especificación y sus fichas."""

import csv
import re
import string
from collections import Counter

import pytest

from transferencia import rutas
from transferencia.datos import leer_csv

COMIDA = {"food", "not_food"}
ASIGNATURAS = {"Religión", "Lengua y literatura", "Educación Física", "Artes",
               "Idiomas extranjeros", "Historia", "Geografía", "Física y química",
               "Matemáticas", "Ninguna"}
CONJUNTOS = [("comida", COMIDA), ("asignaturas", ASIGNATURAS)]


def tabla_ficha(ruta, seccion, cabecera):
    """Lee la tabla markdown de una sección de la ficha: {nombre: número}."""
    texto = ruta.read_text(encoding="utf-8")
    bloque = texto.split(f"## {seccion}", 1)[1].split("\n## ", 1)[0]
    filas = [l for l in bloque.splitlines() if l.startswith("|")]
    assert filas[0].replace(" ", "") == cabecera.replace(" ", ""), f"cabecera de tabla en {ruta}"
    valores = {}
    for fila in filas[2:]:
        nombre, numero = [c.strip() for c in fila.strip("|").split("|")]
        valores[nombre] = int(numero)
    return valores


def normalizar(frase):
    return " ".join(frase.lower().split())


def primeras_palabras(frase, n=4):
    signos = string.punctuation + "¿¡«»“”"
    return tuple(p.strip(signos) for p in frase.lower().split()[:n])


@pytest.mark.parametrize("nombre, etiquetas", CONJUNTOS)
def test_valido_con_etiquetas_exactas(nombre, etiquetas):
    df = leer_csv(rutas.DATOS / f"{nombre}.csv", etiquetas=etiquetas)
    assert set(df["label"]) == etiquetas
    assert len(df) == 250


def test_recuentos_comida():
    cuenta = leer_csv(rutas.DATOS / "comida.csv")["label"].value_counts().to_dict()
    assert cuenta == {"food": 125, "not_food": 125}


def test_recuentos_asignaturas():
    cuenta = leer_csv(rutas.DATOS / "asignaturas.csv")["label"].value_counts()
    assert cuenta.min() >= 20, cuenta.to_dict()


@pytest.mark.parametrize("nombre, etiquetas", CONJUNTOS)
def test_sin_duplicados_ni_inicios_repetidos(nombre, etiquetas):
    df = leer_csv(rutas.DATOS / f"{nombre}.csv")
    normalizadas = Counter(normalizar(t) for t in df["text"])
    assert [t for t, n in normalizadas.items() if n > 1] == []
    inicios = Counter(primeras_palabras(t) for t in df["text"])
    assert [i for i, n in inicios.items() if n > 1] == []


@pytest.mark.parametrize("nombre, etiquetas", CONJUNTOS)
def test_ficha_coincide_con_el_archivo(nombre, etiquetas):
    ficha = tabla_ficha(rutas.DATOS / f"{nombre}.md", "Recuento por clase", "| etiqueta | filas |")
    cuenta = leer_csv(rutas.DATOS / f"{nombre}.csv")["label"].value_counts().to_dict()
    assert ficha == cuenta


def leer_documentos():
    with open(rutas.DATOS / "corpus_es" / "documentos.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_corpus_documentos():
    docs = leer_documentos()
    assert len(docs) >= 40
    temas = Counter(d["tema"] for d in docs)
    assert len(temas) >= 4
    assert len({d["id"] for d in docs}) == len(docs)
    for d in docs:
        assert len(d["texto"].split()) >= 100, d["id"]
    ficha = tabla_ficha(rutas.DATOS / "corpus_es" / "README.md", "Documentos por tema",
                        "| tema | documentos |")
    assert ficha == dict(temas)


def test_corpus_texto_continuo():
    texto = (rutas.DATOS / "corpus_es" / "preentrenamiento.txt").read_bytes()
    assert len(texto) >= 60_000
    parrafos = [p for p in texto.decode("utf-8").split("\n\n") if p.strip()]
    assert len(parrafos) == len(set(parrafos))


def test_fabulas_y_resumenes():
    fabulas = (rutas.DATOS / "corpus_es" / "ajuste_fabulas.txt").read_text(encoding="utf-8")
    assert len(re.findall(r"^Moraleja:", fabulas, flags=re.M)) >= 10
    ids = {d["id"] for d in leer_documentos()}
    with open(rutas.DATOS / "corpus_es" / "resumenes_referencia.csv", encoding="utf-8") as f:
        resumenes = list(csv.DictReader(f))
    assert resumenes and all(r["id"] in ids and r["resumen"].strip() for r in resumenes)
