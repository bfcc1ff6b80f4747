"""Escribe los ejercicios de un capítulo al final de su cuaderno, como celdas.

Uso: ``python scripts/ejercicios_en_cuaderno.py [CAPÍTULO ...]`` (sin argumentos, todos los
capítulos que tienen carpeta en ``exercises/``).

Sustituye todo lo que hay desde el título ``## Ejercicios`` hasta el final de
``book/<capítulo>.md`` por una introducción y, para cada ejercicio del capítulo, sus celdas
(:func:`transferencia.corrector.celdas_capitulo`): las preguntas como cuestionario
interactivo, y cada ejercicio de código con su enunciado, su esqueleto y la celda que lo
corrige. Después sincroniza el ``.ipynb`` con jupytext. Las celdas salen de ``exercises/``,
la única fuente: ``tests/test_ejercicios_cuaderno.py`` comprueba que el cuaderno no se ha
desviado.
"""

import subprocess
import sys

from transferencia import corrector, rutas

INTRO = """## Ejercicios

Haz los ejercicios aquí mismo, sin salir del cuaderno (en Colab, Binder o tu Jupyter).
{preguntas}En los de código, completa la función de la celda, ejecútala y ejecuta la celda
siguiente, que la corrige con las mismas pruebas que `python -m transferencia corregir`.
Verás una tabla con tus puntos y, si algo falla, la entrada, lo esperado y lo obtenido; con
`pista=1`, `pista=2` o `pista=3` obtienes una pista cada vez más concreta. Un error o un bucle
infinito en tu código no bloquean el cuaderno: se explican en la tabla. En el libro, las
celdas de corrección muestran lo que da cada esqueleto sin completar: cero puntos.

Son los mismos ejercicios que hay en `exercises/{capitulo}/`; si prefieres trabajar con
archivos, véase {{doc}}`ejercicios`.
"""

PREGUNTAS = ("Primero, unas preguntas: haz clic en una opción y verás si es correcta y por "
             "qué.\n")


def seccion(capitulo: str) -> str:
    celdas = corrector.celdas_capitulo(capitulo)
    hay_preguntas = any(tipo == "cuestionario" for tipo, _ in celdas)
    importaciones = "from transferencia.corrector import corregir_aqui"
    if hay_preguntas:
        importaciones += "\nfrom transferencia.cuestionario import mostrar_preguntas"
    partes = [INTRO.format(capitulo=capitulo, preguntas=PREGUNTAS if hay_preguntas else ""),
              f"```{{code-cell}} ipython3\n{importaciones}\n```"]
    for tipo, fuente in celdas:
        if tipo == "markdown":
            partes.append(fuente)
        elif tipo == "cuestionario":
            partes.append(f"```{{code-cell}} ipython3\n:tags: [remove-input]\n\n{fuente}\n```")
        else:
            partes.append(f"```{{code-cell}} ipython3\n{fuente}\n```")
    return "\n\n".join(partes) + "\n"


def capitulos() -> list[str]:
    return sorted({e.capitulo for e in corrector.descubrir()})


def main(*elegidos: str) -> None:
    for capitulo in elegidos or capitulos():
        md = rutas.RAIZ / "book" / f"{capitulo}.md"
        texto = md.read_text(encoding="utf-8")
        inicio = texto.index("\n## Ejercicios\n")
        md.write_text(texto[:inicio + 1] + seccion(capitulo), encoding="utf-8")
        subprocess.run([sys.executable, "-m", "jupytext", "--sync", str(md)], check=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
