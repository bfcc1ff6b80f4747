"""Corrector de ejercicios: ``python -m transferencia corregir [CAPITULO|EJERCICIO] [--pista N]``.

Cada ejercicio vive en ``exercises/<capítulo>/<ejercicio>/``:

- ``ejercicio.py``: el archivo que completa el alumno;
- ``test_ejercicio.py``: sus pruebas (un punto por prueba superada);
- ``pistas.md``: pistas progresivas (``## Pista 1``, ``## Pista 2``, ...);
- ``.meta/solucion.py``: la solución de referencia, con el mismo enunciado y las mismas
  firmas que ``ejercicio.py`` (una prueba lo comprueba).

Las carpetas de capítulo se llaman como los capítulos del libro (``book/<capítulo>.md``).
El último resultado de cada ejercicio se guarda en ``exercises/.progreso.json`` (o en
``TRANSFERENCIA_PROGRESO``), que git ignora, para mostrar el progreso por capítulo.

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
        return self.carpeta / ".meta" / "solucion.py"

    @property
    def titulo(self) -> str:
        documentacion = ast.get_docstring(ast.parse((self.carpeta / "ejercicio.py").read_text(encoding="utf-8")))
        return (documentacion or self.nombre).strip().splitlines()[0]

    def pistas(self) -> list[str]:
        texto = (self.carpeta / "pistas.md").read_text(encoding="utf-8")
        return [p.strip() for p in re.split(r"^## Pista \d+\s*$", texto, flags=re.M)[1:]]

    @property
    def hugging_face(self) -> list[str]:
        """Las llamadas de Hugging Face que pide el ejercicio (``.meta/config.json``)."""
        import json

        configuracion = (self.carpeta / ".meta" / "config.json").read_text(encoding="utf-8")
        return json.loads(configuracion)["hugging_face"]


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


def informe(resultados: list[Resultado], pista: int | None = None,
            orden_pista: str | None = None) -> str:
    """Tabla en español con puntos y estado, y detalles de cada ejercicio pendiente.

    ``orden_pista`` es lo que se sugiere para pedir una pista (por defecto, la orden de la
    línea de órdenes; en un cuaderno, la llamada a :func:`corregir_aqui`).
    """
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
                   "  " + (orden_pista or
                           f"python -m transferencia corregir {pendientes[0].ejercicio.id} --pista 1")]
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
    guardar_progreso(resultados)
    print("\n" + informe_progreso(sorted({e.capitulo for e in ejercicios})))
    return 0 if all(r.superado for r in resultados) else 1


# --- Corregir en el cuaderno ------------------------------------------------------------

def _codigo_de(objeto, nombre: str) -> str:
    """El código fuente de una función o clase definida en el cuaderno."""
    import inspect
    import textwrap

    try:
        return textwrap.dedent(inspect.getsource(objeto))
    except (OSError, TypeError):
        raise ValueError(f"No encuentro el código de `{nombre}`: vuelve a ejecutar la celda "
                         "donde la defines y después esta.") from None


def _nombres_usados(codigo) -> set[str]:
    """Nombres globales que usa un objeto de código (y sus funciones anidadas)."""
    import types

    nombres = set(codigo.co_names)
    for constante in codigo.co_consts:
        if isinstance(constante, types.CodeType):
            nombres |= _nombres_usados(constante)
    return nombres


def _dependencias(objeto, ya: set[str], definidos: set[str]) -> tuple[list[str], list[str]]:
    """Importaciones y funciones auxiliares del cuaderno que usa ``objeto``.

    Así una función del alumno que usa ``np`` importado en otra celda, o una función
    auxiliar suya, también funciona en el archivo que se corrige.
    """
    import types

    importaciones, auxiliares = [], []
    codigo = getattr(objeto, "__code__", None)
    globales = getattr(objeto, "__globals__", {})
    if codigo is None:
        return importaciones, auxiliares
    for nombre in sorted(_nombres_usados(codigo)):
        if nombre in ya or nombre in definidos or nombre not in globales:
            continue
        valor = globales[nombre]
        if isinstance(valor, types.ModuleType):
            ya.add(nombre)
            importaciones.append(f"import {valor.__name__} as {nombre}")
        elif callable(valor) and getattr(valor, "__module__", None) not in (None, "__main__") \
                and getattr(valor, "__name__", None) == nombre:
            ya.add(nombre)
            importaciones.append(f"from {valor.__module__} import {nombre}")
        elif isinstance(valor, (types.FunctionType, type)):
            ya.add(nombre)
            mas_importaciones, mas_auxiliares = _dependencias(valor, ya, definidos)
            importaciones += mas_importaciones
            auxiliares += mas_auxiliares + [_codigo_de(valor, nombre)]
        elif isinstance(valor, (int, float, str, bool, tuple, list, dict, set)) and len(repr(valor)) < 10_000:
            ya.add(nombre)
            auxiliares.append(f"{nombre} = {valor!r}")
    return importaciones, auxiliares


def archivo_desde_cuaderno(ejercicio: Ejercicio, objetos: dict) -> str:
    """El ``ejercicio.py`` que resulta de las definiciones del cuaderno.

    Conserva el enunciado, las importaciones y las constantes del esqueleto, y pone en lugar
    de sus funciones (y variables como ``RESPUESTA_1``) las que hay en ``objetos``.
    """
    fuente = (ejercicio.carpeta / "ejercicio.py").read_text(encoding="utf-8")
    arbol = ast.parse(fuente)
    lineas = fuente.splitlines()
    partes, definidos, ya = [], set(), set()
    for nodo in arbol.body:
        if isinstance(nodo, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            definidos.add(nodo.name)
        elif isinstance(nodo, ast.Assign) and all(isinstance(x, ast.Name) for x in nodo.targets):
            definidos |= {x.id for x in nodo.targets if x.id in objetos}
    for nodo in arbol.body:
        nombre = getattr(nodo, "name", None)
        if isinstance(nodo, ast.Assign) and all(isinstance(x, ast.Name) for x in nodo.targets):
            nombre = nodo.targets[0].id
        if nombre in definidos:
            valor = objetos.get(nombre)
            if valor is None and nombre not in objetos:
                partes.append("\n".join(lineas[nodo.lineno - 1 - len(getattr(nodo, "decorator_list", [])):nodo.end_lineno]))
            elif callable(valor):
                partes.append(_codigo_de(valor, nombre))
            else:
                partes.append(f"{nombre} = {valor!r}")
        else:
            partes.append("\n".join(lineas[nodo.lineno - 1:nodo.end_lineno]))
    extra_importaciones, extra_auxiliares = [], []
    for nombre in sorted(definidos):
        importaciones, auxiliares = _dependencias(objetos.get(nombre), ya, definidos)
        extra_importaciones += importaciones
        extra_auxiliares += auxiliares
    cabeza = partes[:1] if arbol.body and isinstance(arbol.body[0], ast.Expr) else []
    cuerpo = partes[len(cabeza):]
    return "\n\n".join(cabeza + extra_importaciones + extra_auxiliares + cuerpo) + "\n"


def corregir_aqui(ejercicio: str, *funciones, pista: int | None = None,
                  espacio: dict | None = None) -> None:
    """Corrige en el cuaderno las funciones que acabas de escribir, sin tocar archivos.

    ``ejercicio`` es el identificador (``"clasificador_binario/e01_mapas_etiquetas"``).
    Las funciones se pueden pasar (``corregir_aqui("...", mapas_etiquetas)``); las que no se
    pasan, y las variables como ``RESPUESTA_1``, se toman del cuaderno. Se ejecutan las mismas
    pruebas que con ``python -m transferencia corregir``, en otro proceso y con el mismo
    límite de tiempo: un error o un bucle infinito se explican, nunca bloquean el cuaderno.
    Imprime la tabla de siempre (``pista=1``, ``2`` o ``3`` añade una pista) y el progreso
    del capítulo. No lanza excepciones: todo problema se explica en español.
    """
    import inspect

    candidatos = [e for e in descubrir() if e.id == ejercicio.strip("/")]
    if not candidatos:
        print(f"No hay ningún ejercicio {ejercicio!r}. Comprueba el nombre, por ejemplo "
              "\"clasificador_binario/e01_mapas_etiquetas\".")
        return None
    elegido = candidatos[0]
    if espacio is None:
        marco = inspect.currentframe()
        espacio = dict(marco.f_back.f_globals) if marco and marco.f_back else {}
    objetos = {}
    arbol = ast.parse((elegido.carpeta / "ejercicio.py").read_text(encoding="utf-8"))
    for nodo in arbol.body:
        nombres = ([nodo.name] if isinstance(nodo, (ast.FunctionDef, ast.ClassDef)) else
                   [x.id for x in nodo.targets if isinstance(x, ast.Name)] if isinstance(nodo, ast.Assign)
                   else [])
        for nombre in nombres:
            if nombre in espacio:
                objetos[nombre] = espacio[nombre]
    for funcion in funciones:
        nombre = getattr(funcion, "__name__", None)
        if nombre is None:
            print("Pasa a corregir_aqui las funciones (sin paréntesis), por ejemplo "
                  "corregir_aqui(\"...\", mapas_etiquetas).")
            return None
        objetos[nombre] = funcion
    try:
        codigo = archivo_desde_cuaderno(elegido, objetos)
    except ValueError as error:
        print(error)
        return None
    with tempfile.TemporaryDirectory() as temporal:
        destino = Path(temporal) / elegido.capitulo / elegido.nombre
        destino.mkdir(parents=True)
        (destino / "ejercicio.py").write_text(codigo, encoding="utf-8")
        try:
            resultados = ejecutar([elegido], Path(temporal))
        except RuntimeError as error:
            print(f"No se pudieron ejecutar las pruebas: {error}")
            return None
    orden = f'corregir_aqui("{elegido.id}", pista=1)'
    print(informe(resultados, pista, orden_pista=orden))
    guardar_progreso(resultados)
    print("\n" + informe_progreso([elegido.capitulo]))
    return None


def enunciado_markdown(ejercicio: Ejercicio, numero: int | None = None) -> str:
    """El enunciado (docstring del esqueleto) en Markdown, para una celda de cuaderno."""
    documentacion = ast.get_docstring(ast.parse((ejercicio.carpeta / "ejercicio.py").read_text(
        encoding="utf-8"))) or ejercicio.nombre
    titulo, _, resto = documentacion.partition("\n")
    resto = resto.replace("``", "`")

    def bloque(m):
        codigo = "\n".join(linea[4:] for linea in m.group(2).splitlines()).strip("\n")
        return f"{m.group(1)}:\n\n```python\n{codigo}\n```\n\n"

    resto = re.sub(r"([^\n]*)::\n\n((?:    [^\n]*\n?|\n)+)", bloque, resto.strip() + "\n")
    titulo = titulo.strip().rstrip(".")
    cabeza = f"### Ejercicio {numero}: {titulo}" if numero else f"### {titulo}"
    return f"{cabeza}\n\n{resto.strip()}\n\n(`{ejercicio.id}`)"


def codigo_sin_enunciado(ruta: Path) -> str:
    """El código de un ``ejercicio.py`` (o de su solución) sin el enunciado del principio."""
    fuente = ruta.read_text(encoding="utf-8")
    arbol = ast.parse(fuente)
    if arbol.body and isinstance(arbol.body[0], ast.Expr):
        fuente = "\n".join(fuente.splitlines()[arbol.body[0].end_lineno:])
    return fuente.strip()


def celdas_cuaderno(ejercicio: Ejercicio, numero: int | None = None) -> list[tuple[str, str]]:
    """Las celdas de un ejercicio en un cuaderno.

    Un ejercicio de código da tres: enunciado (``markdown``), esqueleto y comprobación
    (``code``). Uno de preguntas (``cNN``) da cuatro: una introducción, el cuestionario
    interactivo (``cuestionario``: una celda de código cuya entrada no hace falta ver), las
    variables ``RESPUESTA_N`` por rellenar y la comprobación, que guarda el progreso.
    """
    funciones = [n.name for n in ast.parse((ejercicio.carpeta / "ejercicio.py").read_text(
        encoding="utf-8")).body if isinstance(n, (ast.FunctionDef, ast.ClassDef))]
    llamada = ", ".join([f'"{ejercicio.id}"', *funciones])
    esqueleto = codigo_sin_enunciado(ejercicio.carpeta / "ejercicio.py")
    if ejercicio.nombre.startswith("c"):
        titulo = ejercicio.titulo.rstrip(".")
        texto = (f"### {titulo}\n\nCuando hayas respondido, anota tus letras en la celda "
                 "siguiente (por ejemplo, `RESPUESTA_1 = \"a\"`) y corrígelas: así cuentan en "
                 f"tu progreso.\n\n(`{ejercicio.id}`)")
        return [("markdown", texto),
                ("cuestionario", f'mostrar_preguntas("{ejercicio.id}")'),
                ("code", esqueleto), ("code", f"corregir_aqui({llamada})")]
    return [("markdown", enunciado_markdown(ejercicio, numero)),
            ("code", esqueleto), ("code", f"corregir_aqui({llamada})")]


def celdas_capitulo(capitulo: str) -> list[tuple[str, str]]:
    """Las celdas de todos los ejercicios de ``capitulo``, en orden (:func:`celdas_cuaderno`).

    Los ejercicios de código se numeran 1, 2, 3...; las preguntas no llevan número.
    """
    celdas, numero = [], 0
    for ejercicio in descubrir(capitulo):
        if ejercicio.capitulo != capitulo:
            continue
        numero += not ejercicio.nombre.startswith("c")
        celdas += celdas_cuaderno(ejercicio, numero)
    return celdas


# --- Progreso -----------------------------------------------------------------------------

def ruta_progreso() -> Path:
    """Archivo local (ignorado por git) con el último resultado de cada ejercicio."""
    return Path(os.environ.get("TRANSFERENCIA_PROGRESO", EJERCICIOS / ".progreso.json"))


def leer_progreso() -> dict:
    """``{id: {"puntos", "maximo", "superado", "fecha"}}``; vacío si aún no hay nada."""
    import json

    try:
        datos = json.loads(ruta_progreso().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return datos.get("ejercicios", {}) if isinstance(datos, dict) else {}


def guardar_progreso(resultados: list[Resultado]) -> None:
    """Guarda el último resultado de cada ejercicio corregido (si no se puede, no pasa nada)."""
    import json
    from datetime import datetime

    datos = leer_progreso()
    fecha = datetime.now().isoformat(timespec="seconds")
    for r in resultados:
        datos[r.ejercicio.id] = {"puntos": r.puntos, "maximo": r.maximo,
                                 "superado": r.superado, "fecha": fecha}
    ruta = ruta_progreso()
    try:
        ruta.parent.mkdir(parents=True, exist_ok=True)
        ruta.write_text(json.dumps({"version": 1, "ejercicios": datos}, ensure_ascii=False,
                                   indent=1, sort_keys=True) + "\n", encoding="utf-8")
    except OSError:
        pass


def informe_progreso(capitulos: list[str] | None = None) -> str:
    """Cuántos ejercicios de cada capítulo están superados, con una barra."""
    datos = leer_progreso()
    todos = descubrir()
    capitulos = capitulos or sorted({e.capitulo for e in todos})
    ancho = max(len(c) for c in capitulos)
    lineas = ["Tu progreso por capítulo:"]
    for capitulo in capitulos:
        suyos = [e for e in todos if e.capitulo == capitulo]
        hechos = sum(bool(datos.get(e.id, {}).get("superado")) for e in suyos)
        barra = "█" * round(10 * hechos / len(suyos)) if suyos else ""
        lineas.append(f"  {capitulo:<{ancho}}  {barra:░<10}  {hechos}/{len(suyos)} ejercicios superados")
    return "\n".join(lineas)
