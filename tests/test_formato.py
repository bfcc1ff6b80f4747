"""El formato de los clasificadores guardados, el umbral de Ninguna y el orden del paquete."""

import ast
import json
from pathlib import Path

import numpy as np
import pytest

from transferencia import rutas
from transferencia.clasificador import (NINGUNA, ClasificadorEmbeddings, aplicar_umbral,
                                        cargar_clasificador, elegir_umbral)
from transferencia.cli import main
from transferencia.errores import ErrorCurso
from transferencia.formato import ARCHIVO, VERSION, Descripcion, ErrorClasificador, leer_descripcion

PAQUETE = rutas.RAIZ / "transferencia"


def grafo_de_importaciones() -> dict[str, set[str]]:
    """Módulo del paquete -> módulos del paquete que importa (también dentro de funciones)."""
    grafo = {}
    for archivo in PAQUETE.glob("*.py"):
        nombre = f"transferencia.{archivo.stem}"
        importados = set()
        for nodo in ast.walk(ast.parse(archivo.read_text(encoding="utf-8"))):
            if isinstance(nodo, ast.ImportFrom) and nodo.module:
                modulo = nodo.module
                if modulo == "transferencia":
                    importados |= {f"transferencia.{a.name}" for a in nodo.names}
                elif modulo.startswith("transferencia."):
                    importados.add(modulo)
            elif isinstance(nodo, ast.Import):
                importados |= {a.name for a in nodo.names if a.name.startswith("transferencia.")}
        grafo[nombre] = {m for m in importados if (PAQUETE / f"{m.split('.')[1]}.py").exists()}
        grafo[nombre].discard(nombre)
    return grafo


def buscar_ciclo(grafo: dict[str, set[str]]) -> list[str] | None:
    estado: dict[str, int] = {}
    camino: list[str] = []

    def visitar(nodo):
        estado[nodo] = 1
        camino.append(nodo)
        for siguiente in sorted(grafo.get(nodo, ())):
            if estado.get(siguiente) == 1:
                return camino[camino.index(siguiente):] + [siguiente]
            if siguiente not in estado and (ciclo := visitar(siguiente)):
                return ciclo
        camino.pop()
        estado[nodo] = 2
        return None

    for nodo in sorted(grafo):
        if nodo not in estado and (ciclo := visitar(nodo)):
            return ciclo
    return None


def test_el_paquete_no_tiene_ciclos_de_importacion():
    grafo = grafo_de_importaciones()
    # El grafo se lee de verdad (también las importaciones dentro de funciones).
    assert "transferencia.entrenamiento" in grafo["transferencia.cli"]
    assert "transferencia.formato" in grafo["transferencia.clasificador"]
    assert buscar_ciclo(grafo) is None, f"ciclo de importaciones: {' -> '.join(buscar_ciclo(grafo))}"


def test_el_detector_de_ciclos_los_encuentra():
    assert buscar_ciclo({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert buscar_ciclo({"a": {"b"}, "b": set()}) is None


def test_los_errores_del_paquete_comparten_base():
    from transferencia.datos import ErrorDatos
    from transferencia.errores import ErrorEntrada
    from transferencia.modelos import ErrorModelo

    for clase in (ErrorDatos, ErrorModelo, ErrorClasificador, ErrorEntrada):
        assert issubclass(clase, ErrorCurso), clase


# --- transferencia.json -------------------------------------------------------------------

def escribir(carpeta: Path, contenido) -> Path:
    carpeta.mkdir(exist_ok=True)
    texto = contenido if isinstance(contenido, str) else json.dumps(contenido)
    (carpeta / ARCHIVO).write_text(texto, encoding="utf-8")
    return carpeta


def test_ida_y_vuelta(tmp_path):
    original = Descripcion("ajuste", ["food", "not_food"], umbral_ninguna=0.35, longitud_maxima=48,
                           modelo_base={"nombre": "x"})
    original.escribir(tmp_path)
    assert leer_descripcion(tmp_path) == original
    assert json.loads((tmp_path / ARCHIVO).read_text("utf-8"))["version"] == VERSION


def test_version_1_se_migra(tmp_path):
    """Los modelos guardados antes del campo «version» se siguen leyendo."""
    escribir(tmp_path, {"metodo": "ajuste", "etiquetas": ["a", "b"], "umbral_ninguna": None})
    descripcion = leer_descripcion(tmp_path)
    assert descripcion.version == VERSION
    assert descripcion.longitud_maxima == 64 and descripcion.modelo_base == {}


def test_version_2_se_lee_sin_eleccion(tmp_path):
    """Los modelos de la versión 2 (sin «eleccion_metodo») se siguen leyendo."""
    escribir(tmp_path, {"metodo": "embeddings", "etiquetas": ["a", "b"], "version": 2,
                        "modelo_base": {"nombre": "x"}, "huellas_entrenamiento": ["h"]})
    descripcion = leer_descripcion(tmp_path)
    assert descripcion.eleccion_metodo is None and descripcion.version == VERSION == 3
    assert descripcion.huellas_entrenamiento == ["h"]


def test_eleccion_del_metodo_ida_y_vuelta(tmp_path):
    eleccion = {"pedido": "auto", "elegido": "embeddings",
                "f1_macro_medio": {"ajuste": 0.5, "embeddings": 0.75}}
    Descripcion("embeddings", ["a", "b"], eleccion_metodo=eleccion).escribir(tmp_path)
    assert leer_descripcion(tmp_path).eleccion_metodo == eleccion


@pytest.mark.parametrize("contenido, mensaje", [
    ({"metodo": "ajuste", "etiquetas": ["a", "b"], "eleccion_metodo": {"elegido": "embeddings"}},
     "eleccion_metodo"),
    ({"metodo": "ajuste", "etiquetas": ["a", "b"], "eleccion_metodo": "auto"}, "eleccion_metodo"),
    ("{esto no es json", "dañado"),
    ([1, 2], "dañado"),
    ({"etiquetas": ["a", "b"]}, "dañado"),
    ({"metodo": "magia", "etiquetas": ["a", "b"]}, "método desconocido 'magia'"),
    ({"metodo": "ajuste", "etiquetas": ["a"]}, "al menos dos"),
    ({"metodo": "ajuste", "etiquetas": ["a", "a"]}, "al menos dos"),
    ({"metodo": "ajuste", "etiquetas": ["a", "b"], "umbral_ninguna": 3}, "entre 0 y 1"),
    ({"metodo": "ajuste", "etiquetas": ["a", "b"], "version": VERSION + 1}, "más nueva"),
    ({"metodo": "ajuste", "etiquetas": ["a", "b"], "secreto": 1}, "campos desconocidos"),
])
def test_descripcion_mala(tmp_path, contenido, mensaje):
    carpeta = escribir(tmp_path / "m", contenido)
    with pytest.raises(ErrorClasificador, match=mensaje):
        leer_descripcion(carpeta)


def test_cli_informa_de_la_descripcion_mala(tmp_path, capsys):
    carpeta = escribir(tmp_path / "m", {"metodo": "magia", "etiquetas": ["a", "b"]})
    assert main(["predecir", "--modelo", str(carpeta), "hola"]) == 2
    error = capsys.readouterr().err
    assert error.startswith("Error: ") and "método desconocido" in error


@pytest.fixture(scope="module")
def modelo_embeddings(tmp_path_factory):
    carpeta = tmp_path_factory.mktemp("emb") / "comida"
    assert main(["entrenar", "--datos", str(rutas.DATOS / "comida.csv"), "--metodo",
                 "embeddings", "--salida", str(carpeta)]) == 0
    return carpeta


def test_etiquetas_que_no_coinciden(modelo_embeddings, tmp_path):
    import shutil

    copia = tmp_path / "copia"
    shutil.copytree(modelo_embeddings, copia)
    descripcion = leer_descripcion(copia)
    descripcion.etiquetas = ["not_food", "food"]
    descripcion.escribir(copia)
    with pytest.raises(ErrorClasificador, match="no coinciden"):
        cargar_clasificador(copia)


def test_modelo_dañado(modelo_embeddings, tmp_path):
    import shutil

    copia = tmp_path / "copia"
    shutil.copytree(modelo_embeddings, copia)
    (copia / "regresion_logistica.joblib").write_bytes(b"\x00\x01basura")
    with pytest.raises(ErrorClasificador, match="no se pudo cargar"):
        cargar_clasificador(copia)


def test_un_tipo_por_metodo(modelo_embeddings):
    clasificador = cargar_clasificador(modelo_embeddings)
    assert isinstance(clasificador, ClasificadorEmbeddings)
    assert clasificador.etiquetas == ["food", "not_food"]


def test_predecir_es_decidir_sobre_probabilidades(modelo_embeddings):
    clasificador = cargar_clasificador(modelo_embeddings)
    frases = ["Warm soup with bread", "The bus was late", "Cheese"]
    probabilidades = clasificador.probabilidades(frases)
    clasificador.umbral_ninguna = float(np.sort(probabilidades.max(axis=1))[1])
    esperadas = aplicar_umbral(probabilidades, clasificador.etiquetas, clasificador.umbral_ninguna)
    assert esperadas.count(NINGUNA) == 1
    assert [e for e, _ in clasificador.predecir(frases)] == esperadas
    assert [p for _, p in clasificador.predecir(frases)] == pytest.approx(probabilidades.max(axis=1))


# --- el umbral de Ninguna -----------------------------------------------------------------

def test_aplicar_umbral():
    probabilidades = np.array([[0.9, 0.1], [0.55, 0.45], [0.2, 0.8]])
    assert aplicar_umbral(probabilidades, ["a", "b"], 0.6) == ["a", NINGUNA, "b"]
    assert aplicar_umbral(probabilidades, ["a", "b"], None) == ["a", "a", "b"]


def test_elegir_umbral_en_empate_gana_el_mas_bajo():
    # Con cualquier umbral entre 0,6 y 0,8 la frase dudosa (0,6) pasa a Ninguna y las demás
    # no: todos esos umbrales empatan. Gana el más bajo de los candidatos que empatan.
    probabilidades = np.array([[0.9, 0.1], [0.6, 0.4], [0.1, 0.9]])
    reales = ["a", NINGUNA, "b"]
    assert elegir_umbral(probabilidades, reales, ["a", "b"], candidatos=[0.8, 0.65, 0.7]) == 0.65
    assert elegir_umbral(probabilidades, reales, ["a", "b"], candidatos=[0.7, 0.65]) == 0.65
    # Sin frases de Ninguna, ningún umbral mejora: gana el más bajo (0, no cambia nada).
    assert elegir_umbral(probabilidades, ["a", "a", "b"], ["a", "b"]) == 0.0


def test_elegir_umbral_maximiza_el_f1_macro():
    from transferencia.metricas import f1_macro

    rng = np.random.default_rng(0)
    probabilidades = rng.dirichlet([1, 1, 1], size=40)
    reales = [NINGUNA if fila.max() < 0.5 else "abc"[fila.argmax()] for fila in probabilidades]
    umbral = elegir_umbral(probabilidades, reales, ["a", "b", "c"])
    clases = ["a", "b", "c", NINGUNA]
    mejor = f1_macro(reales, aplicar_umbral(probabilidades, ["a", "b", "c"], umbral), clases)
    for otro in np.round(np.arange(0, 1, 0.05), 2):
        assert mejor >= f1_macro(reales, aplicar_umbral(probabilidades, ["a", "b", "c"], otro), clases)
    assert umbral == 0.5
