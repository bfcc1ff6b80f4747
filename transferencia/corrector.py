"""Corrector de ejercicios: ``python -m transferencia corregir [CAPITULO|EJERCICIO] [--pista N]``.

Cada ejercicio vive en ``exercises/<capítulo>/<ejercicio>/``:

- ``ejercicio.py``: el archivo que completa el alumno;
- ``test_ejercicio.py``: sus pruebas (un punto por prueba superada);
- ``pistas.md``: pistas progresivas (``## Pista 1``, ``## Pista 2``, ...).

Las soluciones de referencia están en ``exercises/_soluciones/<capítulo>/<ejercicio>.py``.

El corrector ejecuta pytest en otro proceso, con un límite de tiempo por prueba,
así que un error, un bucle infinito o un ``print`` en el código del alumno solo
suspenden esa prueba. Nunca modifica los archivos del alumno.
"""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from transferencia import rutas

EJERCICIOS = rutas.RAIZ / "exercises"
SOLUCIONES = EJERCICIOS / "_soluciones"
#: Segundos máximos por prueba.
LIMITE_SEGUNDOS = int(os.environ.get("TRANSFERENCIA_LIMITE_SEGUNDOS", "20"))


@dataclass
class Ejercicio:
    capitulo: str
    nombre: str

    @property
    def id(self) -> str:
        return f"{self.capitulo}/{self.nombre}"

    @property
    def carpeta(self) -> Path:
        return EJERCICIOS / self.capitulo / self.nombre

    @property
    def pruebas(self) -> Path:
        return self.carpeta / "test_ejercicio.py"

    @property
    def solucion(self) -> Path:
        return SOLUCIONES / self.capitulo / f"{self.nombre}.py"

    @property
    def titulo(self) -> str:
        documentacion = ast.get_docstring(ast.parse((self.carpeta / "ejercicio.py").read_text(encoding="utf-8")))
        return (documentacion or self.nombre).strip().splitlines()[0]

    def pistas(self) -> list[str]:
        texto = (self.carpeta / "pistas.md").read_text(encoding="utf-8")
        return [p.strip() for p in re.split(r"^## Pista \d+\s*$", texto, flags=re.M)[1:]]


@dataclass
class Resultado:
    ejercicio: Ejercicio
    pruebas: list[tuple[str, str, str]] = field(default_factory=list)  # (nombre, estado, mensaje)

    @property
    def puntos(self) -> int:
        return sum(estado == "superada" for _, estado, _ in self.pruebas)

    @property
    def maximo(self) -> int:
        return len(self.pruebas)

    @property
    def superado(self) -> bool:
        return self.maximo > 0 and self.puntos == self.maximo

    @property
    def fallos(self) -> list[tuple[str, str, str]]:
        return [p for p in self.pruebas if p[1] != "superada"]


def descubrir(seleccion: str | None = None) -> list[Ejercicio]:
    """Ejercicios que hay en ``exercises/``, filtrados por capítulo o ejercicio si se pide."""
    encontrados = [Ejercicio(p.parent.parent.name, p.parent.name)
                   for p in sorted(EJERCICIOS.glob("*/*/test_ejercicio.py"))
                   if not p.parent.parent.name.startswith("_")]
    if seleccion:
        seleccion = seleccion.strip("/")
        encontrados = [e for e in encontrados
                       if seleccion in (e.capitulo, e.nombre) or e.id.startswith(seleccion)
                       or e.nombre.startswith(seleccion)]
    return encontrados


def _mensaje(elemento) -> str:
    """Mensaje de fallo de una prueba (el completo, aunque pytest recorte el atributo)."""
    mensaje = elemento.get("message") or ""
    if not mensaje or "full report in element text" in mensaje:
        texto = (elemento.text or "").strip()
        mensaje = texto if "Failed: " not in texto else texto[texto.rindex("Failed: "):]
    mensaje = re.sub(r"^Failed: ", "", mensaje.strip())
    if "Timeout" in mensaje:
        return (f"Tu código tardó más de {LIMITE_SEGUNDOS} s y se detuvo: ¿hay un bucle infinito "
                "o un cálculo demasiado grande?")
    return mensaje


def ejecutar(ejercicios: list[Ejercicio], carpeta_alumno: Path | None = None) -> list[Resultado]:
    """Ejecuta las pruebas de ``ejercicios`` con los archivos de ``carpeta_alumno``."""
    resultados = {e.id: Resultado(e) for e in ejercicios}
    if not ejercicios:
        return []
    entorno = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", TRANSFERENCIA_EJERCICIOS=str(
        Path(carpeta_alumno or EJERCICIOS).resolve()))
    with tempfile.TemporaryDirectory() as temporal:
        informe = Path(temporal) / "informe.xml"
        orden = [sys.executable, "-m", "pytest", *[str(e.pruebas) for e in ejercicios],
                 "-q", "-p", "no:cacheprovider", "--import-mode=importlib",
                 f"--rootdir={rutas.RAIZ}", "-c", str(EJERCICIOS / "pytest.ini"),
                 f"--timeout={LIMITE_SEGUNDOS}", f"--junitxml={informe}"]
        subprocess.run(orden, cwd=temporal, env=entorno, capture_output=True, text=True)
        if not informe.exists():
            raise RuntimeError("pytest no pudo ejecutar las pruebas de los ejercicios.")
        for caso in ET.parse(informe).getroot().iter("testcase"):
            clase = caso.get("classname", "")
            ejercicio = next((e for e in ejercicios if f"{e.capitulo}.{e.nombre}." in clase + "."), None)
            if ejercicio is None:
                continue
            fallo = caso.find("failure")
            if fallo is None:
                fallo = caso.find("error")
            if fallo is not None:
                estado, mensaje = ("fallida" if fallo.tag == "failure" else "error"), _mensaje(fallo)
            elif caso.find("skipped") is not None:
                estado, mensaje = "omitida", _mensaje(caso.find("skipped"))
            else:
                estado, mensaje = "superada", ""
            resultados[ejercicio.id].pruebas.append((caso.get("name", "?"), estado, mensaje))
    for resultado in resultados.values():
        if not resultado.pruebas:
            resultado.pruebas.append(("(carga)", "error", "No se pudieron ejecutar las pruebas de "
                                      "este ejercicio."))
    return list(resultados.values())


def _sangrar(texto: str, prefijo: str = "      ") -> str:
    return "\n".join(prefijo + linea for linea in texto.splitlines())


def informe(resultados: list[Resultado], pista: int | None = None) -> str:
    """Tabla en español con puntos y estado, y detalles de cada ejercicio pendiente."""
    ancho = max([len(r.ejercicio.id) for r in resultados] + [10])
    lineas = ["Corrección de ejercicios", "",
              f"  {'ejercicio':<{ancho}}  {'puntos':>7}  estado",
              f"  {'-' * ancho}  {'-' * 7}  {'-' * 11}"]
    for r in resultados:
        estado = "✔ superado" if r.superado else ("◐ parcial" if r.puntos else "✘ pendiente")
        lineas.append(f"  {r.ejercicio.id:<{ancho}}  {f'{r.puntos}/{r.maximo}':>7}  {estado}")
    total, maximo = sum(r.puntos for r in resultados), sum(r.maximo for r in resultados)
    lineas += ["", f"Total: {total}/{maximo} puntos ({(total / maximo if maximo else 0):.0%})."]
    pendientes = [r for r in resultados if not r.superado]
    if not pendientes:
        lineas.append("¡Enhorabuena! Has superado todos los ejercicios seleccionados.")
        return "\n".join(lineas)
    lineas += ["", "Qué falla:"]
    for r in pendientes:
        lineas.append(f"\n  ▸ {r.ejercicio.id}: {r.ejercicio.titulo}")
        nombre, _, mensaje = r.fallos[0]
        lineas.append(_sangrar(f"[{nombre}] {mensaje}"))
        if len(r.fallos) > 1:
            lineas.append(f"      (y {len(r.fallos) - 1} prueba(s) más sin superar)")
        if pista:
            pistas = r.ejercicio.pistas()
            if pistas:
                numero = min(pista, len(pistas))
                lineas.append(f"      Pista {numero} de {len(pistas)}:")
                lineas.append(_sangrar(pistas[numero - 1], "        "))
    if not pista:
        lineas += ["", "¿Atascado? Pide una pista (hay tres, cada una más concreta):",
                   f"  python -m transferencia corregir {pendientes[0].ejercicio.id} --pista 1"]
    return "\n".join(lineas)


def corregir(seleccion: str | None = None, pista: int | None = None,
             carpeta: str | Path | None = None) -> int:
    """Corrige, imprime el informe y devuelve 0 solo si todo está superado."""
    ejercicios = descubrir(seleccion)
    if not ejercicios:
        disponibles = sorted({e.capitulo for e in descubrir()})
        print(f"No hay ningún ejercicio que coincida con {seleccion!r}. Capítulos: "
              f"{', '.join(disponibles)}.", file=sys.stderr)
        return 2
    if pista is not None and pista < 1:
        print("--pista debe ser 1 o mayor.", file=sys.stderr)
        return 2
    resultados = ejecutar(ejercicios, Path(carpeta) if carpeta else None)
    print(informe(resultados, pista))
    return 0 if all(r.superado for r in resultados) else 1
