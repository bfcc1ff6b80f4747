"""Las frases que interpretan un resultado dicen lo que dicen las cifras pegadas.

Se comprueba en cada construcción del libro que haya en esta ejecución: la de los modelos
sin conexión (``LIBRO_HTML``) y la de la ruta del Hub con modelos suplentes
(``LIBRO_HTML_HUB``). Las cifras se leen de los ``*.glue.json`` que escribe myst-nb.
"""

import json
import os
from pathlib import Path

import pytest

from transferencia.modelos import MODELO_INGLES, MODELO_MULTILINGUE, NOMBRE_RESPALDO

RAIZ = Path(__file__).resolve().parent.parent
CONSTRUCCIONES = {"sin_conexion": "LIBRO_HTML", "hub": "LIBRO_HTML_HUB"}
NO_DISTINGUIBLES = "no se pueden distinguir"

pytestmark = pytest.mark.libro


class Pegados(dict):
    """Las cifras y textos pegados de un capítulo: ``pegados["clave"]`` es el texto."""

    def numero(self, clave: str) -> float:
        return float(self[clave])

    def booleano(self, clave: str) -> bool:
        assert self[clave] in ("True", "False"), f"{clave} no es un booleano: {self[clave]!r}"
        return self[clave] == "True"


@pytest.fixture(scope="module", params=list(CONSTRUCCIONES))
def construccion(request):
    variable = CONSTRUCCIONES[request.param]
    ruta = os.environ.get(variable)
    if ruta is None:
        pytest.skip(f"{variable} no está definida: esta ejecución no construyó ese libro")
    ruta = Path(ruta) if Path(ruta).is_absolute() else RAIZ / ruta
    carpeta = ruta.parent / "jupyter_execute" / "book"
    assert carpeta.is_dir(), f"no encuentro las cifras pegadas en {carpeta}"
    return request.param, carpeta


def leer(construccion, capitulo: str) -> Pegados:
    _, carpeta = construccion
    archivo = carpeta / f"{capitulo}.glue.json"
    assert archivo.exists(), f"falta {archivo}"
    pegados = Pegados()
    for clave, salida in json.loads(archivo.read_text(encoding="utf-8")).items():
        datos = salida.get("data", {})
        texto = datos.get("text/markdown") or datos.get("text/plain")
        if texto is not None and "image/png" not in datos:
            pegados[clave] = texto.strip().strip("'")
    return pegados


def comprobar_comparacion(pegados: Pegados, clave: str, a: str, b: str):
    """La frase ``frase_<clave>`` concuerda con ``dif_<clave>`` y su intervalo."""
    frase, diferencia = pegados[f"frase_{clave}"], pegados.numero(f"dif_{clave}")
    frase = frase.replace(" supera al ", " supera a el ")
    if pegados.booleano(f"dif_{clave}_distintos"):
        assert NO_DISTINGUIBLES not in frase, frase
        ganador, perdedor = (a, b) if diferencia > 0 else (b, a)
        assert frase.lower().startswith(f"**{ganador.lower()} supera a"), (frase, diferencia)
        assert perdedor in frase
    else:
        assert NO_DISTINGUIBLES in frase, frase


def test_transfer_learning_nombra_el_modelo_que_corresponde(construccion):
    pegados = leer(construccion, "transfer_learning")
    esperado = NOMBRE_RESPALDO if construccion[0] == "sin_conexion" else MODELO_INGLES
    assert pegados["modelo_nombre"] == f"`{esperado}`"
    assert ("contrastiva" in pegados["modelo_que_es"]) == (construccion[0] == "sin_conexion")


def test_transfer_learning_conclusiones(construccion):
    pegados = leer(construccion, "transfer_learning")
    nombres = {"tfidf": "TF-IDF + regresión logística",
               "cero": "desde cero (misma arquitectura, pesos al azar)",
               "congelado": "preentrenado congelado + regresión logística",
               "ajustado": "preentrenado ajustado (ajuste fino)"}
    clave_de = {nombre: clave for clave, nombre in nombres.items()}
    for n in (10, 200):
        puntuaciones = {clave: pegados.numero(f"f1_{clave}_{n}") for clave in nombres}
        # El método nombrado como mejor tiene la puntuación más alta (con empates, uno de ellos).
        assert puntuaciones[clave_de[pegados[f"mejor_{n}"]]] == max(puntuaciones.values())
    comprobar_comparacion(pegados, "ajustado_congelado", "el preentrenado ajustado",
                          "el preentrenado congelado")
    comprobar_comparacion(pegados, "congelado_tfidf", "el preentrenado congelado", "TF-IDF")
    comprobar_comparacion(pegados, "ajustado_cero", "el preentrenado ajustado",
                          "el modelo entrenado desde cero")
    separa = pegados.numero("silueta_pre") > pegados.numero("silueta_alea") + 0.02
    assert pegados.booleano("separa_mejor") == separa
    assert ("**no** separa" in pegados["conclusion_silueta"]) == (not separa)
    muchas = pegados.numero("gen_pre_muchas") - pegados.numero("gen_tfidf_muchas")
    pocas = pegados.numero("gen_pre_pocas") - pegados.numero("gen_tfidf_pocas")
    conclusion = pegados["conclusion_generalizacion"]
    if muchas > pocas and muchas > 0:
        assert conclusion.startswith("La ventaja del modelo preentrenado es mayor")
    elif muchas > 0:
        assert "no crece" in conclusion
    else:
        assert "**no** acierta más" in conclusion


def test_transfer_learning_idiomas(construccion):
    pegados = leer(construccion, "transfer_learning")
    frase, diferencia = pegados["frase_es"], pegados.numero("dif_es_multi_ingles")
    if pegados.booleano("dif_es_distintos"):
        ganador = "el codificador multilingüe" if diferencia > 0 else "el codificador en inglés"
        assert frase.lower().startswith(f"**{ganador} supera a"), frase
    else:
        assert NO_DISTINGUIBLES in frase


def test_binario_nombra_el_modelo_y_compara_con_la_linea_base(construccion):
    pegados = leer(construccion, "clasificador_binario")
    esperado = NOMBRE_RESPALDO if construccion[0] == "sin_conexion" else MODELO_INGLES
    assert pegados["modelo_nombre"] == f"`{esperado}`"
    comprobar_comparacion(pegados, "modelo_base", "el modelo ajustado", "TF-IDF")


def test_herramientas_bart_segun_la_construccion(construccion):
    """Sin conexión ni caché, BART no se ejecuta (y se dice); en la ruta del Hub, sí."""
    from transferencia.modelos import hub_accesible

    pegados = leer(construccion, "herramientas")
    esperado = True if construccion[0] == "hub" else hub_accesible()
    assert pegados.booleano("bart_ejecutado") == esperado
    assert ("no se ejecutó BART" in pegados["estado_bart"]) == (not esperado)


MULTICLASE = {"ingles_congelado": "el modelo en inglés congelado",
              "ingles_ajustado": "el modelo en inglés ajustado",
              "multi_congelado": "el multilingüe congelado",
              "multi_ajustado": "el multilingüe ajustado", "tfidf": "TF-IDF"}


def test_multiclase_nombra_los_modelos_que_corresponden(construccion):
    pegados = leer(construccion, "clasificador_multiclase")
    if construccion[0] == "sin_conexion":
        from transferencia.modelos import NOMBRE_USE_M3

        esperados = (NOMBRE_RESPALDO, NOMBRE_USE_M3)
    else:
        esperados = (MODELO_INGLES, MODELO_MULTILINGUE)
    assert (pegados["ingles_nombre"], pegados["multi_nombre"]) == tuple(f"`{e}`" for e in esperados)
    assert ("USE-m3" in pegados["que_es_multi"]) == (construccion[0] == "sin_conexion")


def test_multiclase_conclusiones(construccion):
    pegados = leer(construccion, "clasificador_multiclase")
    validacion = {clave: pegados.numero(f"f1val_{clave}") for clave in MULTICLASE}
    recomendado = pegados["recomendado_clave"]
    assert validacion[recomendado] == max(validacion.values())
    assert pegados["metodo_recomendado"] == f"**{MULTICLASE[recomendado]}**"
    for clave, a, b in [("estrategia_multi", "multi_ajustado", "multi_congelado"),
                        ("estrategia_ingles", "ingles_ajustado", "ingles_congelado"),
                        ("base_ajustado", "multi_ajustado", "ingles_ajustado"),
                        ("base_congelado", "multi_congelado", "ingles_congelado"),
                        ("mejor_tfidf", recomendado, "tfidf")]:
        comprobar_comparacion(pegados, clave, MULTICLASE[a], MULTICLASE[b])
    base_pesa_mas = pegados.numero("efecto_base") > pegados.numero("efecto_estrategia")
    assert ("elegir el modelo base pesó más" in pegados["conclusion_2x2"]) == base_pesa_mas
    menos_piezas = pegados.numero("ppp_multi") < pegados.numero("ppp_ingles")
    assert ("**no** parte" in pegados["conclusion_piezas"]) == (not menos_piezas)
    comprobar_comparacion(pegados, "ninguna", "la clase Ninguna", "el umbral")
    transfieren = {c: v for c, v in validacion.items() if c != "tfidf"}
    analizado = recomendado if recomendado != "tfidf" else max(transfieren, key=transfieren.get)
    assert pegados["metodo_ninguna"] == MULTICLASE[analizado]
