"""Las preguntas de opción múltiple (``exercises/<capítulo>/cNN_*``) como cuestionario interactivo.

Cada pregunta sale de tres sitios del mismo ejercicio, sin copiarse en ninguno más:

- el enunciado de ``ejercicio.py`` (``**Pregunta N** (``RESPUESTA_N``). ...`` y sus opciones
  ``a)``, ``b)``...);
- la respuesta correcta, de ``.meta/solucion.py`` (``RESPUESTA_N = "c"``);
- por qué cada opción es correcta o no, de ``.meta/explicaciones.json``.

:func:`mostrar_preguntas` las dibuja con `jupyterquiz <https://github.com/jmshea/jupyterquiz>`_:
al hacer clic en una opción se ve si es correcta y por qué. Todo va dentro de la salida de la
celda (HTML y JavaScript del paquete, sin pedir nada a internet), así que funciona en el libro
HTML, en Jupyter, en Binder y en Colab.
"""

from __future__ import annotations

import ast
import html
import json
import re

from transferencia import corrector

_PREGUNTA = re.compile(r"\*\*Pregunta (\d+)\*\* \(``(RESPUESTA_\d+)``\)\.\s*(.*)", re.S)
_OPCION = re.compile(r"^([a-z])\) (.*)$")


def _html(texto: str) -> str:
    """El marcado del enunciado (``código``, **negrita**, *cursiva*) en HTML."""
    texto = html.escape(" ".join(texto.split()), quote=False)
    texto = re.sub(r"``(.+?)``|`(.+?)`", lambda m: f"<code>{m.group(1) or m.group(2)}</code>", texto)
    texto = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", texto)
    return re.sub(r"\*(.+?)\*", r"<i>\1</i>", texto)


def _bloques(documentacion: str) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """``[(variable, pregunta, [(letra, opción), ...]), ...]`` del enunciado de un ejercicio."""
    preguntas = []
    for parrafo in re.split(r"\n\s*\n", documentacion):
        m = _PREGUNTA.match(parrafo.strip())
        if m:
            preguntas.append((m.group(2), m.group(3), []))
            continue
        if preguntas and _OPCION.match(parrafo.strip().splitlines()[0]):
            for linea in parrafo.strip().splitlines():
                opcion = _OPCION.match(linea.strip())
                if opcion:
                    preguntas[-1][2].append([opcion.group(1), opcion.group(2)])
                elif preguntas[-1][2]:
                    preguntas[-1][2][-1][1] += " " + linea.strip()
    return [(v, p, [tuple(o) for o in opciones]) for v, p, opciones in preguntas]


def _respuestas(ejercicio: corrector.Ejercicio) -> dict[str, str]:
    """Las respuestas de la solución de referencia: ``{"RESPUESTA_1": "c", ...}``."""
    arbol = ast.parse(ejercicio.solucion.read_text(encoding="utf-8"))
    return {n.targets[0].id: n.value.value for n in arbol.body
            if isinstance(n, ast.Assign) and isinstance(n.targets[0], ast.Name)
            and isinstance(n.value, ast.Constant) and isinstance(n.value.value, str)}


def preguntas(ejercicio_id: str) -> list[dict]:
    """Las preguntas de un ejercicio ``cNN`` en el formato de jupyterquiz.

    Cada opción lleva su explicación, que empieza por «¡Correcto!» o «Incorrecto.», así que
    jupyterquiz nunca enseña sus mensajes en inglés.
    """
    ejercicio = next((e for e in corrector.descubrir() if e.id == ejercicio_id), None)
    if ejercicio is None or not ejercicio.nombre.startswith("c"):
        raise ValueError(f"{ejercicio_id!r} no es un ejercicio de preguntas (cNN_...).")
    documentacion = ast.get_docstring(ast.parse((ejercicio.carpeta / "ejercicio.py").read_text(
        encoding="utf-8")))
    correctas = _respuestas(ejercicio)
    explicaciones = json.loads((ejercicio.carpeta / ".meta" / "explicaciones.json").read_text(
        encoding="utf-8"))
    resultado = []
    for variable, pregunta, opciones in _bloques(documentacion):
        numero = variable.split("_")[1]
        respuestas = []
        for letra, opcion in opciones:
            acierto = letra == correctas[variable]
            inicio = "¡Correcto! " if acierto else "Incorrecto. "
            respuestas.append({"answer": _html(f"{letra}) {opcion}"), "correct": acierto,
                               "feedback": inicio + _html(explicaciones[variable][letra])})
        resultado.append({"question": f"Pregunta {numero}. {_html(pregunta)}",
                          "type": "multiple_choice", "answers": respuestas})
    return resultado


#: Los colores del cuestionario: los del tema del libro, con buen contraste.
COLORES = {"--jq-multiple-choice-bg": "#1f4e79", "--jq-correct-color": "#2e7d32",
           "--jq-incorrect-color": "#c62828"}


def mostrar_preguntas(ejercicio_id: str) -> None:
    """Dibuja en la celda las preguntas del ejercicio ``ejercicio_id``, listas para hacer clic."""
    import random

    from jupyterquiz import display_quiz

    estado = random.getstate()
    random.seed(ejercicio_id)  # el mismo identificador HTML en cada construcción del libro
    try:
        display_quiz(preguntas(ejercicio_id), shuffle_answers=False, colors=COLORES)
    finally:
        random.setstate(estado)
