"""Escribe los ejercicios de un capítulo al final de su cuaderno, como celdas.

Uso: ``python scripts/ejercicios_en_cuaderno.py clasificador_binario e01 e06 e09``.

Sustituye todo lo que hay desde el título ``## Ejercicios`` hasta el final de
``book/<capítulo>.md`` por una introducción y, para cada ejercicio, su enunciado
(Markdown), su esqueleto (celda de código) y la celda que lo corrige. Después sincroniza
el ``.ipynb`` con jupytext. Las celdas salen de ``exercises/``, la única fuente:
``tests/test_ejercicios.py`` comprueba que el cuaderno no se ha desviado.
"""

import subprocess
import sys

from transferencia import corrector, rutas

INTRO = """## Ejercicios

Haz los ejercicios aquí mismo, sin salir del cuaderno (en Colab, Binder o tu Jupyter):
completa la función de cada celda, ejecútala y ejecuta la celda siguiente, que la corrige
con las mismas pruebas que `python -m transferencia corregir`. Verás una tabla con tus
puntos y, si algo falla, la entrada, lo esperado y lo obtenido; con `pista=1`, `pista=2` o
`pista=3` obtienes una pista cada vez más concreta. Un error o un bucle infinito en tu
código no bloquean el cuaderno: se explican en la tabla.

Hay más ejercicios de este capítulo en `exercises/{capitulo}/` (véase {{doc}}`ejercicios`).
"""


def seccion(capitulo: str, prefijos: list[str]) -> str:
    elegidos = [e for e in corrector.descubrir(capitulo)
                if e.capitulo == capitulo and any(e.nombre.startswith(p) for p in prefijos)]
    partes = [INTRO.format(capitulo=capitulo),
              "```{code-cell} ipython3\nfrom transferencia.corrector import corregir_aqui\n```"]
    for numero, e in enumerate(elegidos, 1):
        for tipo, fuente in corrector.celdas_cuaderno(e, numero):
            partes.append(fuente if tipo == "markdown" else f"```{{code-cell}} ipython3\n{fuente}\n```")
    return "\n\n".join(partes) + "\n"


def main(capitulo: str, *prefijos: str) -> None:
    md = rutas.RAIZ / "book" / f"{capitulo}.md"
    texto = md.read_text(encoding="utf-8")
    inicio = texto.index("\n## Ejercicios\n")
    md.write_text(texto[:inicio + 1] + seccion(capitulo, list(prefijos)), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "jupytext", "--sync", str(md)], check=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
