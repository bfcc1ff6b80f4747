"""Un término por concepto en el texto del libro (véase el glosario).

El curso dice «pieza» (no *token*), «vector» (no «incrustación» ni *embedding*),
«exhaustividad» (no *recall*): el término inglés solo aparece una vez entre paréntesis, al
presentarlo, para que se reconozca en la documentación de Hugging Face.
"""

import re
from pathlib import Path

import pytest

RAIZ = Path(__file__).resolve().parent.parent
#: Término inglés en cursiva usado como palabra española (no entre paréntesis ni en un título).
PROHIBIDOS = {
    r"(?<!\()\*tokens?\*": "pieza / piezas",
    r"(?<!\()\*embeddings?\*": "vector / vectores",
    r"incrustaci[oó]n": "vector",
    r"(?<!\()\*recall\*": "exhaustividad",
}


def prosa(md: Path) -> str:
    """El texto de un capítulo sin las celdas de código, los bloques de código ni los roles."""
    texto = md.read_text(encoding="utf-8")
    texto = re.sub(r"```.*?```", "", texto, flags=re.S)
    return re.sub(r"`[^`]*`", "", texto)


@pytest.mark.parametrize("md", [p for p in sorted((RAIZ / "book").glob("*.md"))
                                if p.name != "glosario.md"], ids=lambda p: p.stem)
def test_un_termino_por_concepto(md):
    texto = prosa(md)
    encontrados = {patron: sustituto for patron, sustituto in PROHIBIDOS.items()
                   if re.search(patron, texto)}
    assert not encontrados, (f"{md.name}: usa el término del curso en lugar de "
                             + "; ".join(f"{re.search(p, texto).group(0)} → {s}"
                                         for p, s in encontrados.items()))


def test_el_glosario_define_los_terminos():
    glosario = (RAIZ / "book" / "glosario.md").read_text(encoding="utf-8")
    for fila in ("| pieza | *token* |", "| vector | *embedding* |", "| exhaustividad | *recall* |"):
        assert fila in glosario, fila
