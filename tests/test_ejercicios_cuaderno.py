"""Los ejercicios en el cuaderno: cada capítulo termina con los suyos, como celdas.

La prueba pesada (``cuadernos``) ejecuta en un núcleo de Jupyter la sección «Ejercicios» de
cada capítulo dos veces: con los esqueletos (cero puntos, sin errores) y con las soluciones
de referencia en las mismas celdas (todos los puntos). ``make test`` la ejecuta aparte
(``make pruebas-cuadernos``).
"""

import os
import re

import pytest

from transferencia import corrector, rutas

EJERCICIOS = corrector.descubrir()
#: Todos los capítulos con ejercicios los tienen también como celdas al final.
CAPITULOS = sorted({e.capitulo for e in EJERCICIOS})


@pytest.fixture(autouse=True)
def progreso_aparte(tmp_path, monkeypatch):
    """Las pruebas no tocan el progreso del alumno (exercises/.progreso.json)."""
    monkeypatch.setenv("TRANSFERENCIA_PROGRESO", str(tmp_path / "progreso_pruebas.json"))


def celdas_de_ejercicios(capitulo):
    """Las celdas de la sección «Ejercicios» de un capítulo (de su cuaderno MyST)."""
    import jupytext

    cuaderno = jupytext.read(rutas.RAIZ / "book" / f"{capitulo}.md")
    inicio = next(i for i, c in enumerate(cuaderno.cells)
                  if c.cell_type == "markdown" and "\n## Ejercicios\n" in f"\n{c.source}\n")
    return cuaderno.cells[inicio:]


def ejecutar_cuaderno(celdas, tmp_path, limite=None):
    """Ejecuta unas celdas en un núcleo de Jupyter; devuelve las salidas de cada celda de código."""
    import nbclient
    import nbformat

    cuaderno = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell(c.source) if c.cell_type == "code" else nbformat.v4.new_markdown_cell(c.source)
        for c in celdas])
    cuaderno.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    entorno = {"TRANSFERENCIA_PROGRESO": str(tmp_path / "progreso.json")}
    if limite:
        entorno["TRANSFERENCIA_LIMITE_SEGUNDOS"] = str(limite)
    anterior = {k: os.environ.get(k) for k in entorno}
    os.environ.update(entorno)
    try:
        nbclient.NotebookClient(cuaderno, timeout=240, kernel_name="python3",
                                resources={"metadata": {"path": str(tmp_path)}}).execute()
    finally:
        for k, v in anterior.items():
            os.environ.pop(k) if v is None else os.environ.__setitem__(k, v)
    salidas = []
    for celda in cuaderno.cells:
        if celda.cell_type == "code":
            assert not [s for s in celda.outputs if s.output_type == "error"], celda.outputs
            salidas.append(celda.outputs)
    return salidas


def texto(salida):
    return "".join(s.get("text", "") for s in salida if s.output_type == "stream")


def totales(salidas):
    return [tuple(map(int, m.groups())) for s in salidas
            for m in [re.search(r"Total: (\d+)/(\d+)", texto(s))] if m]


@pytest.mark.parametrize("capitulo", CAPITULOS)
def test_el_capitulo_termina_con_todos_sus_ejercicios(capitulo):
    """Todos los ejercicios del capítulo, en orden, con las celdas de exercises/ (una sola fuente)."""
    celdas = [c.source for c in celdas_de_ejercicios(capitulo)]
    suyos = [e for e in EJERCICIOS if e.capitulo == capitulo]
    llamadas = [m.group(1) for c in celdas for m in [re.match(r'corregir_aqui\("([^"]+)"', c)] if m]
    assert llamadas == [e.id for e in suyos], (
        f"{capitulo}: la sección «Ejercicios» no tiene los ejercicios de exercises/{capitulo}/; "
        f"ejecuta «python scripts/ejercicios_en_cuaderno.py {capitulo}»")
    for _, fuente in corrector.celdas_capitulo(capitulo):
        assert fuente in celdas, (f"{capitulo}: una celda no coincide con exercises/: {fuente[:80]!r}; "
                                  f"ejecuta «python scripts/ejercicios_en_cuaderno.py {capitulo}»")


def test_los_capitulos_de_preguntas_las_muestran_como_cuestionario():
    for e in EJERCICIOS:
        if e.nombre.startswith("c"):
            celdas = celdas_de_ejercicios(e.capitulo)
            quiz = [c for c in celdas if c.source == f'mostrar_preguntas("{e.id}")']
            assert quiz and "remove-input" in quiz[0].metadata.get("tags", []), e.id


@pytest.mark.cuadernos
@pytest.mark.parametrize("capitulo", CAPITULOS)
def test_cuaderno_con_esqueletos_cero_y_con_soluciones_todo(capitulo, tmp_path):
    """De arriba abajo, sin salir del cuaderno: con los esqueletos, cero; con las soluciones, todo."""
    celdas = celdas_de_ejercicios(capitulo)
    suyos = [e for e in EJERCICIOS if e.capitulo == capitulo]
    salidas = ejecutar_cuaderno(celdas, tmp_path)
    puntos = totales(salidas)
    assert len(puntos) == len(suyos), [texto(s) for s in salidas]
    assert all(obtenidos == 0 < maximo for obtenidos, maximo in puntos), [texto(s) for s in salidas]
    cuestionarios = [s for s in salidas if any("MCButton" in str(o.get("data", {})) or
                                               "jupyterquiz" in str(o.get("data", {})) for o in s)]
    assert len(cuestionarios) == sum(e.nombre.startswith("c") for e in suyos)
    # La celda de código anterior a cada «corregir_aqui("id")» es el esqueleto de ese ejercicio:
    # se sustituye por la solución de referencia, tal como la escribiría el alumno.
    por_id = {e.id: e for e in suyos}
    codigo = [c for c in celdas if c.cell_type == "code"]
    cambiadas = 0
    for anterior, celda in zip(codigo, codigo[1:]):
        m = re.match(r'corregir_aqui\("([^"]+)"', celda.source)
        if m:
            e = por_id[m.group(1)]
            assert anterior.source == corrector.codigo_sin_enunciado(e.carpeta / "ejercicio.py")
            anterior.source = corrector.codigo_sin_enunciado(e.solucion)
            cambiadas += 1
    assert cambiadas == len(suyos)
    salidas = ejecutar_cuaderno(celdas, tmp_path)
    puntos_soluciones = totales(salidas)
    assert [m for _, m in puntos_soluciones] == [m for _, m in puntos]
    assert all(obtenidos == maximo for obtenidos, maximo in puntos_soluciones), \
        [texto(s) for s in salidas]
    assert f"{len(suyos)}/{len(suyos)} ejercicios superados" in texto(salidas[-1]), \
        "la última celda de corrección muestra el progreso del capítulo"


def test_corregir_aqui_con_bucle_auxiliares_e_importaciones(tmp_path):
    """En el cuaderno: un bucle infinito se corta a tiempo; auxiliares e importaciones viajan."""
    from types import SimpleNamespace as Celda

    celdas = [Celda(cell_type="code", source=s) for s in [
        "from transferencia.corrector import corregir_aqui",
        "def mapas_etiquetas(etiquetas):\n    while True:\n        pass",
        'corregir_aqui("clasificador_binario/e01_mapas_etiquetas", mapas_etiquetas)',
        "import numpy as numpy_alias\n\ndef ordenar(xs):\n    return [str(x) for x in numpy_alias.unique(xs)]\n\n"
        "def mapas_etiquetas(etiquetas):\n    id2label = dict(enumerate(ordenar(etiquetas)))\n"
        "    return id2label, {v: k for k, v in id2label.items()}",
        'corregir_aqui("clasificador_binario/e01_mapas_etiquetas")',
        'corregir_aqui("no/existe")',
        'corregir_aqui("clasificador_binario/e06_exactitud", pista=2)',
    ]]
    salidas = [texto(s) for s in ejecutar_cuaderno(celdas, tmp_path, limite=2)]
    assert "¿hay un bucle infinito" in salidas[2] and "Total: 0/" in salidas[2]
    assert "¡Enhorabuena!" in salidas[4], salidas[4]
    assert "No hay ningún ejercicio" in salidas[5]
    assert "Pista 2 de 3" in salidas[6] and "Total: 0/" in salidas[6]
    total = sum(e.capitulo == "clasificador_binario" for e in EJERCICIOS)
    assert f"1/{total} ejercicios superados" in salidas[4], "la celda de corrección muestra el progreso"
