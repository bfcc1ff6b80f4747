"""Cifras a la española en el libro: la extensión de Sphinx y la función de cifras."""

import pytest
from docutils import nodes

from transferencia.cifras import cifra, porcentaje
from transferencia.libro_es import _convertir, a_la_espanola


@pytest.mark.parametrize("entrada, salida", [
    ("0.912", "0,912"), ("98.0%", "98,0 %"), ("-0.020", "-0,020"), ("12", "12"),
    ("5%", "5 %"), ("v1.2.3", "v1.2.3"), ("1.2.3", "1.2.3"), ("0,912", "0,912"),
    ("entre 0.85 y 0.95", "entre 0,85 y 0,95"), ("2.2e-16", "2,2e-16"), ("0.0e+00", "0,0e+00"),
])
def test_a_la_espanola(entrada, salida):
    assert a_la_espanola(entrada) == salida
    assert a_la_espanola(salida) == salida  # aplicar dos veces no cambia nada


def test_igual_que_cifras():
    assert a_la_espanola(f"{0.91234:.3f}") == cifra(0.91234)
    assert a_la_espanola(f"{0.98:.1%}") == porcentaje(0.98)


def test_solo_toca_las_cifras_pegadas():
    arbol = nodes.paragraph()
    pegada = nodes.inline("0.5", "0.5", classes=["pasted-text"])
    otra = nodes.inline("0.5", "0.5")
    arbol += [pegada, otra]
    _convertir(None, arbol)
    assert pegada.astext() == "0,5" and otra.astext() == "0.5"
