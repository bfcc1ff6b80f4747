"""Dependencias: lo que importa el código está declarado en pyproject.toml y fijado en
requirements.txt, sin fijaciones de más, y todos dicen la misma versión de Python."""

import ast
import re
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

RAIZ = Path(__file__).resolve().parent.parent
PROYECTO = tomllib.loads((RAIZ / "pyproject.toml").read_text(encoding="utf-8"))["project"]
PROPIOS = ({"transferencia", "comprobaciones", "conftest", "ejercicio", "app"}
           | {archivo.stem for archivo in (RAIZ / "tests").glob("*.py")})


def declaradas(extras=("libro", "demo", "pruebas")) -> dict[str, Requirement]:
    """Dependencias declaradas (las del paquete y las de ``extras``, con los extras que se
    incluyen unos a otros, como ``transferencia[cuadernos]`` dentro de ``libro``)."""
    lista, pendientes = list(PROYECTO["dependencies"]), list(extras)
    while pendientes:
        for texto in PROYECTO["optional-dependencies"][pendientes.pop()]:
            requisito = Requirement(texto)
            if canonicalize_name(requisito.name) == "transferencia":
                pendientes += list(requisito.extras)
            else:
                lista.append(texto)
    return {canonicalize_name(Requirement(r).name): Requirement(r) for r in lista}


def fijadas() -> dict[str, str]:
    resultado = {}
    for linea in (RAIZ / "requirements.txt").read_text(encoding="utf-8").splitlines():
        linea = linea.split("#")[0].strip()
        if linea:
            nombre, version = re.fullmatch(r"([A-Za-z0-9_.\-]+)==([^\s;]+)", linea).groups()
            resultado[canonicalize_name(nombre)] = version
    return resultado


def modulos_importados(archivos) -> set[str]:
    """Módulos de primer nivel que importan ``archivos`` (.py, o celdas de los .md)."""
    modulos = set()
    for archivo in archivos:
        texto = archivo.read_text(encoding="utf-8")
        if archivo.suffix == ".md":
            texto = "\n".join(re.findall(r"```\{code-cell\}[^\n]*\n(.*?)```", texto, re.S))
            texto = "\n".join(l for l in texto.splitlines() if not l.lstrip().startswith(("%", "!", ":")))
        for nodo in ast.walk(ast.parse(texto)):
            if isinstance(nodo, ast.Import):
                modulos |= {a.name.split(".")[0] for a in nodo.names}
            elif isinstance(nodo, ast.ImportFrom) and nodo.module and nodo.level == 0:
                modulos.add(nodo.module.split(".")[0])
    return modulos - set(sys.stdlib_module_names) - PROPIOS


def distribuciones(modulos) -> dict[str, set[str]]:
    """Módulo -> distribuciones instaladas que lo proporcionan."""
    mapa = metadata.packages_distributions()
    return {m: {canonicalize_name(d) for d in mapa.get(m, [])} for m in modulos}


def comprobar_declarados(archivos, permitidas: set[str]):
    sin_declarar = {m: sorted(d) for m, d in distribuciones(modulos_importados(archivos)).items()
                    if not d & permitidas}
    assert not sin_declarar, f"importados pero no declarados en pyproject.toml: {sin_declarar}"


def test_el_paquete_declara_lo_que_importa():
    comprobar_declarados(sorted((RAIZ / "transferencia").glob("*.py")),
                         set(declaradas(extras=())))


def test_libro_demo_pruebas_y_bancos_declaran_lo_que_importan():
    archivos = [*(RAIZ / "book").glob("*.md"), *(RAIZ / "demo").glob("*.py"),
                *(RAIZ / "tests").glob("*.py"), *(RAIZ / "bench").glob("*.py"),
                *(RAIZ / "scripts").glob("*.py"), *(RAIZ / "exercises").rglob("*.py")]
    # Las dependencias de las dependencias declaradas también están (jupyter-book trae
    # nbformat, myst-nb e IPython; playwright trae greenlet...).
    comprobar_declarados(archivos, cierre(set(declaradas())))


def test_los_cuadernos_se_instalan_con_el_extra_cuadernos():
    """Lo que la primera celda instala en Colab (paquete + [cuadernos]) basta para los capítulos."""
    comprobar_declarados(sorted((RAIZ / "book").glob("*.md")),
                         cierre(set(declaradas(extras=("cuadernos",)))))


def test_el_detector_ve_un_import_sin_declarar(tmp_path):
    archivo = tmp_path / "x.py"
    archivo.write_text("import numpy\nfrom yaml import safe_load\n", encoding="utf-8")
    with pytest.raises(AssertionError, match="pyyaml"):
        comprobar_declarados([archivo], {"numpy"})


def cierre(raices: set[str]) -> set[str]:
    """Las distribuciones instaladas que necesitan ``raices``, con sus extras pedidos."""
    pedidos = {n: set(r.extras) for n, r in declaradas().items()}
    vistos, pendientes = set(), [(n, frozenset(pedidos.get(n, ()))) for n in raices]
    while pendientes:
        nombre, extras = pendientes.pop()
        if (nombre, extras) in vistos:
            continue
        vistos.add((nombre, extras))
        try:
            requisitos = metadata.requires(nombre) or []
        except metadata.PackageNotFoundError:
            continue
        for texto in requisitos:
            requisito = Requirement(texto)
            entornos = [{"extra": e} for e in extras] or [{"extra": ""}]
            if requisito.marker is None or any(requisito.marker.evaluate(e) for e in entornos):
                pendientes.append((canonicalize_name(requisito.name), frozenset(requisito.extras)))
    return {n for n, _ in vistos}


def test_todo_lo_declarado_esta_fijado_y_lo_cumple():
    fijado = fijadas()
    for nombre, requisito in declaradas().items():
        assert nombre in fijado, f"{nombre} está en pyproject.toml pero no en requirements.txt"
        assert requisito.specifier.contains(fijado[nombre], prereleases=True), (
            f"requirements.txt fija {nombre}=={fijado[nombre]}, fuera de «{requisito}» (pyproject.toml)")


def test_requirements_no_fija_nada_que_no_se_use():
    sobran = sorted(set(fijadas()) - cierre(set(declaradas())))
    assert not sobran, (f"requirements.txt fija paquetes que nada de pyproject.toml necesita: "
                        f"{sobran}. Ejecuta «make bloquear».")
    assert "evaluate" not in fijadas(), "el curso no usa evaluate (véase book/intro.md)"


def test_requirements_coincide_con_el_entorno_instalado():
    instalado = {canonicalize_name(d.metadata["Name"]): d.version for d in metadata.distributions()}
    distintas = {n: (v, instalado.get(n)) for n, v in fijadas().items()
                 if instalado.get(n, "").split("+")[0] != v}
    assert not distintas, f"fijado frente a instalado: {distintas}. Ejecuta «make entorno»."


def test_torch_fijado_a_la_version_para_cpu():
    assert fijadas()["torch"] == "2.13.0"


def test_una_sola_version_de_python():
    assert PROYECTO["requires-python"] == ">=3.11"
    assert "sys.version_info[:2] >= (3, 11)" in (RAIZ / "Makefile").read_text(encoding="utf-8")
    assert "Python 3.11" in (RAIZ / "README.md").read_text(encoding="utf-8")
    assert (RAIZ / "binder" / "runtime.txt").read_text(encoding="utf-8").strip() == "python-3.11"
    assert "(Python 3.11)" in (RAIZ / "requirements.txt").read_text(encoding="utf-8").splitlines()[0]
    for flujo in (RAIZ / ".github" / "workflows").glob("*.yml"):
        for version in re.findall(r"python-version:\s*['\"]?([\d.]+)", flujo.read_text("utf-8")):
            assert version == "3.11", f"{flujo.name} usa Python {version}"
