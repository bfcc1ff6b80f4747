"""Extensión de Sphinx del libro: las cifras pegadas con ``{glue:text}`` a la española.

``{glue:text}`clave:.3f``` formatea con las reglas de Python (punto decimal, «98.0%»). Esta
extensión recorre, al terminar de leer cada página, los nodos que crea myst-nb para esas
cifras (``<span class="pasted-text">``) y les pone coma decimal y un espacio antes de «%»
(«0,912», «98,0 %»), con la misma regla que :mod:`transferencia.cifras`. Así el texto no
necesita otro formato que el de Python, y todas las cifras del libro se escriben igual.

Se activa en ``_config.yml`` (``sphinx: extra_extensions``).
"""

from __future__ import annotations

import re

from docutils import nodes

#: Un número con parte decimal (con signo opcional), o un número seguido de «%».
_DECIMAL = re.compile(r"(?<![\w.])(-?\d+)\.(\d+)((?:e[+-]?\d+)?)(?![\w.])")
_PORCENTAJE = re.compile(r"(\d)%")


def a_la_espanola(texto: str) -> str:
    """«0.912» → «0,912»; «98.0%» → «98,0 %». Deja igual lo que no es una cifra.

    >>> a_la_espanola("98.0%")
    '98,0 %'
    >>> a_la_espanola("v1.2.3 y 0.5")
    'v1.2.3 y 0,5'
    >>> a_la_espanola("2.2e-16")
    '2,2e-16'
    """
    return _PORCENTAJE.sub(r"\1 %", _DECIMAL.sub(r"\1,\2\3", texto))


def _convertir(app, doctree) -> None:
    for nodo in doctree.findall(nodes.inline):
        if "pasted-text" in nodo.get("classes", ()):
            texto = nodo.astext()
            nuevo = a_la_espanola(texto)
            if nuevo != texto:
                nodo.children = [nodes.Text(nuevo)]


def setup(app):
    # Después de que myst-nb resuelva las referencias pendientes a otras páginas.
    app.connect("doctree-resolved", lambda app, doctree, docname: _convertir(app, doctree))
    app.connect("doctree-read", _convertir)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
