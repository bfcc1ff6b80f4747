"""Validación de los ejercicios en los dos sentidos y robustez del corrector."""

import ast
import os
import hashlib
import shutil
import subprocess
import sys

import pytest

from transferencia import corrector, rutas

EJERCICIOS = corrector.descubrir()


def copiar_con_soluciones(destino):
    """Copia los archivos del alumno y pone encima las soluciones de referencia."""
    for e in EJERCICIOS:
        carpeta = destino / e.capitulo / e.nombre
        carpeta.mkdir(parents=True)
        shutil.copy(e.solucion, carpeta / "ejercicio.py")
    return destino


def huella_arbol(carpeta):
    return {str(p.relative_to(carpeta)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(carpeta.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("e", EJERCICIOS, ids=lambda e: e.id)
def test_estructura(e):
    stub = (e.carpeta / "ejercicio.py").read_text(encoding="utf-8")
    arbol = ast.parse(stub)
    assert ast.get_docstring(arbol), f"{e.id}: el enunciado (docstring) falta"
    assert "NotImplementedError" in stub or "= None" in stub, f"{e.id}: el esqueleto no está sin hacer"
    assert e.solucion.exists(), f"{e.id}: falta la solución {e.solucion}"
    assert len(e.pistas()) >= 3, f"{e.id}: hacen falta tres pistas progresivas"
    assert (e.carpeta / ".meta" / "config.json").exists(), f"{e.id}: falta .meta/config.json"


@pytest.fixture(scope="module")
def resultados_esqueletos():
    antes = huella_arbol(corrector.EJERCICIOS)
    resultados = corrector.ejecutar(EJERCICIOS)
    assert huella_arbol(corrector.EJERCICIOS) == antes, "el corrector modificó archivos"
    return {r.ejercicio.id: r for r in resultados}


@pytest.mark.parametrize("e", EJERCICIOS, ids=lambda e: e.id)
def test_esqueleto_suspende_sin_errores(e, resultados_esqueletos):
    r = resultados_esqueletos[e.id]
    assert r.maximo > 0
    assert r.puntos == 0, f"{e.id}: el esqueleto sin hacer ya obtiene {r.puntos} puntos"
    for nombre, estado, mensaje in r.pruebas:
        assert estado == "fallida", f"{e.id}::{nombre} terminó en {estado}: {mensaje}"
        assert mensaje, f"{e.id}::{nombre} suspende sin explicar por qué"


@pytest.fixture(scope="module")
def resultados_soluciones(tmp_path_factory):
    carpeta = copiar_con_soluciones(tmp_path_factory.mktemp("soluciones"))
    return {r.ejercicio.id: r for r in corrector.ejecutar(EJERCICIOS, carpeta)}


@pytest.mark.parametrize("e", EJERCICIOS, ids=lambda e: e.id)
def test_solucion_aprueba(e, resultados_soluciones):
    r = resultados_soluciones[e.id]
    assert r.superado, f"{e.id}: la solución no supera {r.fallos}"


MALAS = {
    "lanza": "def mapas_etiquetas(etiquetas):\n    raise ValueError('ups')\n",
    "tipo": "def mapas_etiquetas(etiquetas):\n    return 'hola'\n",
    "imprime": "def mapas_etiquetas(etiquetas):\n    print(sorted(set(etiquetas)))\n",
    "bucle": "def mapas_etiquetas(etiquetas):\n    while True:\n        pass\n",
    "sintaxis": "def mapas_etiquetas(etiquetas)\n    return 1\n",
    "renombrada": "def mapas(etiquetas):\n    return {}, {}\n",
}
ESPERADO = {
    "lanza": "lanzó ValueError: ups",
    "tipo": "se esperaba un valor de tipo tuple",
    "imprime": "¿Has usado `print`",
    "bucle": "¿hay un bucle infinito",
    "sintaxis": "error de sintaxis en la línea 1",
    "renombrada": "no existe: ¿la has renombrado",
}


@pytest.mark.parametrize("caso", sorted(MALAS))
def test_codigo_roto_suspende_con_mensaje_claro(caso, tmp_path, monkeypatch):
    monkeypatch.setattr(corrector, "LIMITE_SEGUNDOS", 2)
    objetivo = next(e for e in EJERCICIOS if e.id == "clasificador_binario/e01_mapas_etiquetas")
    otro = next(e for e in EJERCICIOS if e is not objetivo)
    carpeta = copiar_con_soluciones(tmp_path / "alumno")
    (carpeta / objetivo.capitulo / objetivo.nombre / "ejercicio.py").write_text(MALAS[caso])
    resultados = {r.ejercicio.id: r for r in corrector.ejecutar([objetivo, otro], carpeta)}
    roto = resultados[objetivo.id]
    assert roto.puntos == 0
    assert ESPERADO[caso] in roto.fallos[0][2]
    assert resultados[otro.id].superado, "un ejercicio roto no debe afectar a los demás"


@pytest.fixture(autouse=True)
def progreso_aparte(tmp_path, monkeypatch):
    """Las pruebas no tocan el progreso del alumno (exercises/.progreso.json)."""
    monkeypatch.setenv("TRANSFERENCIA_PROGRESO", str(tmp_path / "progreso_pruebas.json"))


def ejecutar_cli(*argumentos):
    return subprocess.run([sys.executable, "-m", "transferencia", "corregir", *argumentos],
                          capture_output=True, text=True, cwd=rutas.RAIZ, timeout=300)


def test_cli_esqueletos_cero_puntos():
    salida = ejecutar_cli("clasificador_binario")
    assert salida.returncode == 1
    assert "Total: 0/" in salida.stdout and "Pide una pista" in salida.stdout


def test_cli_soluciones_todo_superado(tmp_path):
    carpeta = copiar_con_soluciones(tmp_path / "alumno")
    salida = ejecutar_cli("--carpeta", str(carpeta))
    assert salida.returncode == 0, salida.stdout
    assert "¡Enhorabuena!" in salida.stdout
    progreso = corrector.leer_progreso()
    assert set(progreso) == {e.id for e in EJERCICIOS} and all(p["superado"] for p in progreso.values())
    for capitulo in {e.capitulo for e in EJERCICIOS}:
        total = sum(e.capitulo == capitulo for e in EJERCICIOS)
        assert f"{total}/{total} ejercicios superados" in salida.stdout


def test_el_progreso_guarda_el_ultimo_resultado(tmp_path):
    e = next(e for e in EJERCICIOS if e.id == "clasificador_binario/e01_mapas_etiquetas")
    carpeta = copiar_con_soluciones(tmp_path / "alumno")
    corrector.guardar_progreso(corrector.ejecutar([e], carpeta))
    assert corrector.leer_progreso()[e.id]["superado"]
    corrector.guardar_progreso(corrector.ejecutar([e]))
    assert corrector.leer_progreso()[e.id] | {"fecha": None} == {
        "puntos": 0, "maximo": 3, "superado": False, "fecha": None}
    assert "0/" in corrector.informe_progreso(["clasificador_binario"])
    ignorado = subprocess.run(["git", "check-ignore", "-q", "exercises/.progreso.json"], cwd=rutas.RAIZ)
    assert ignorado.returncode == 0, "exercises/.progreso.json debe estar en .gitignore"


def test_cli_pista_y_seleccion_desconocida():
    salida = ejecutar_cli("clasificador_binario/e01_mapas_etiquetas", "--pista", "3")
    assert "Pista 3 de 3" in salida.stdout
    assert ejecutar_cli("no_existe").returncode == 2


@pytest.mark.parametrize("capitulo", sorted({e.capitulo for e in EJERCICIOS}))
def test_cada_capitulo_se_corrige_por_separado(capitulo):
    """Corregir un solo capítulo carga sus pruebas (ninguna carpeta tapa una biblioteca)."""
    for r in corrector.ejecutar(corrector.descubrir(capitulo)):
        assert all(nombre != "(carga)" and estado == "fallida" for nombre, estado, _ in r.pruebas), \
            f"{r.ejercicio.id}: {r.pruebas}"


def _firmas(ruta):
    """Enunciado, firmas de funciones y clases, e importaciones de un archivo de ejercicio."""
    arbol = ast.parse(ruta.read_text(encoding="utf-8"))
    firmas = [(n.name, ast.unparse(n.args)) for n in arbol.body
              if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
    firmas += [(n.name, "clase") for n in arbol.body if isinstance(n, ast.ClassDef)]
    variables = [ast.unparse(n.targets[0]) for n in arbol.body if isinstance(n, ast.Assign)]
    importaciones = sorted(ast.unparse(n) for n in arbol.body if isinstance(n, (ast.Import, ast.ImportFrom)))
    return ast.get_docstring(arbol), firmas, variables, importaciones


@pytest.mark.parametrize("e", EJERCICIOS, ids=lambda e: e.id)
def test_esqueleto_y_solucion_comparten_enunciado_y_firmas(e):
    """Una sola fuente: la solución repite el enunciado y las firmas del esqueleto, sin desviarse."""
    esqueleto, solucion = _firmas(e.carpeta / "ejercicio.py"), _firmas(e.solucion)
    assert esqueleto[0] == solucion[0], f"{e.id}: el enunciado de .meta/solucion.py no es el del esqueleto"
    assert esqueleto[1] == solucion[1], f"{e.id}: las firmas difieren: {esqueleto[1]} ≠ {solucion[1]}"
    assert set(esqueleto[2]) <= set(solucion[2]), f"{e.id}: faltan variables en la solución"
    assert esqueleto[3] == solucion[3], f"{e.id}: las importaciones difieren"


def test_carpetas_con_el_nombre_de_su_capitulo_y_sin_tapar_bibliotecas():
    import importlib.util

    capitulos = {p.stem for p in (rutas.RAIZ / "book").glob("*.md")}
    for carpeta in corrector.EJERCICIOS.iterdir():
        if carpeta.is_dir() and not carpeta.name.startswith((".", "_")):
            assert carpeta.name in capitulos, f"exercises/{carpeta.name} no se llama como un capítulo"
            assert importlib.util.find_spec(carpeta.name) is None, \
                f"exercises/{carpeta.name} tapa la biblioteca instalada {carpeta.name}"


def test_pytest_sin_opciones_recoge_todas_las_pruebas():
    """«cd exercises && pytest» recoge las pruebas de todos los ejercicios, sin errores de recogida."""
    salida = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q"],
                            cwd=corrector.EJERCICIOS, capture_output=True, text=True, timeout=300)
    assert salida.returncode == 0, salida.stdout[-3000:] + salida.stderr[-3000:]
    recogidas = {linea.split("/")[0] + "/" + linea.split("/")[1]
                 for linea in salida.stdout.splitlines() if "::" in linea}
    assert recogidas == {e.id for e in EJERCICIOS}


# --- Cuántos, dónde y sobre qué -----------------------------------------------------------

def _llamadas_y_definiciones(ruta):
    """Nombres que la solución llama (``f(...)``, ``x.f(...)``) o define (``def f``)."""
    nombres = set()
    for nodo in ast.walk(ast.parse(ruta.read_text(encoding="utf-8"))):
        if isinstance(nodo, ast.Call):
            funcion = nodo.func
            nombres.add(funcion.attr if isinstance(funcion, ast.Attribute) else getattr(funcion, "id", ""))
        elif isinstance(nodo, ast.FunctionDef):
            nombres.add(nodo.name)
    return nombres


@pytest.mark.parametrize("e", EJERCICIOS, ids=lambda e: e.id)
def test_la_api_de_hugging_face_declarada_se_usa_de_verdad(e):
    """``.meta/config.json`` dice qué llamadas de Hugging Face pide el ejercicio, y la solución las hace."""
    declaradas = e.hugging_face
    usadas = _llamadas_y_definiciones(e.solucion)
    for llamada in declaradas:
        assert llamada.split(".")[-1] in usadas, f"{e.id}: la solución no llama a {llamada}"
    if declaradas:
        fuentes = (e.solucion.read_text(encoding="utf-8") + (e.carpeta / "test_ejercicio.py").read_text(
            encoding="utf-8"))
        assert "transformers" in fuentes or "datasets" in fuentes, \
            f"{e.id}: dice usar Hugging Face, pero ni la solución ni sus pruebas lo importan"


def test_cuantos_ejercicios_y_donde():
    """Al menos 45 ejercicios; 4 de código por capítulo; 10 que hacen llamar a Hugging Face."""
    capitulos = {p.stem for p in (rutas.RAIZ / "book").glob("*.md")
                 if "\n## Ejercicios\n" in p.read_text(encoding="utf-8")}
    assert len(EJERCICIOS) >= 45, f"solo hay {len(EJERCICIOS)} ejercicios"
    de_codigo = {c: sum(e.capitulo == c and e.nombre.startswith("e") for e in EJERCICIOS) for c in capitulos}
    pocos = {c: n for c, n in de_codigo.items() if n < 4}
    assert not pocos, f"capítulos con menos de 4 ejercicios de código: {pocos}"
    con_hf = [e.id for e in EJERCICIOS if e.hugging_face]
    assert len(con_hf) >= 10, f"solo {len(con_hf)} ejercicios hacen llamar a Hugging Face: {con_hf}"


@pytest.mark.parametrize("e", [e for e in EJERCICIOS if e.nombre.startswith("c")], ids=lambda e: e.id)
def test_cuestionario_del_libro_coincide_con_el_corrector(e):
    """Las preguntas del cuestionario salen del enunciado, con la respuesta que acepta el corrector
    y una explicación para cada opción."""
    import json
    import re

    import importlib.util

    from transferencia import cuestionario

    especificacion = importlib.util.spec_from_file_location(
        "comprobaciones", corrector.EJERCICIOS / "comprobaciones.py")
    comprobaciones = importlib.util.module_from_spec(especificacion)
    especificacion.loader.exec_module(comprobaciones)
    preguntas = cuestionario.preguntas(e.id)
    variables = _firmas(e.carpeta / "ejercicio.py")[2]
    assert len(preguntas) == len(variables) > 0, f"{e.id}: {len(preguntas)} preguntas, {variables}"
    huellas = re.findall(r'"(RESPUESTA_\d+)",\s*"([0-9a-f]{64})"', (e.carpeta / "test_ejercicio.py").read_text())
    explicaciones = json.loads((e.carpeta / ".meta" / "explicaciones.json").read_text(encoding="utf-8"))
    assert set(explicaciones) == set(variables)
    for pregunta, (variable, huella) in zip(preguntas, huellas):
        correctas = [r for r in pregunta["answers"] if r["correct"]]
        assert len(pregunta["answers"]) >= 3 and len(correctas) == 1, pregunta
        letra = correctas[0]["answer"][0]
        assert comprobaciones.huella(letra) == huella, \
            f"{e.id}: el cuestionario da por buena la {letra!r} de {variable} y el corrector no"
        assert set(explicaciones[variable]) == {r["answer"][0] for r in pregunta["answers"]}
        assert all(r["feedback"].startswith(("¡Correcto! ", "Incorrecto. ")) and len(r["feedback"]) > 40
                   for r in pregunta["answers"])
