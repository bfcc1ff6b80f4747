"""Ejecuta un capítulo (MyST .md o .ipynb) sin construir el libro y guarda el resultado.

Uso: ``.venv/bin/python scripts/ejecutar.py book/NOMBRE.md [salida.ipynb]``.
Útil para probar un capítulo mientras se escribe; muestra el tiempo y el primer error.
"""

import sys
import time
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


def main() -> int:
    fuente = Path(sys.argv[1]).resolve()
    destino = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("/tmp") / f"{fuente.stem}_ejecutado.ipynb"
    cuaderno = jupytext.read(fuente)
    inicio = time.perf_counter()
    cliente = NotebookClient(cuaderno, timeout=1200, kernel_name="python3",
                             resources={"metadata": {"path": str(fuente.parent)}})
    try:
        cliente.execute()
        codigo = 0
    except CellExecutionError as error:
        print(error, file=sys.stderr)
        codigo = 1
    nbformat.write(cuaderno, destino)
    print(f"{fuente.name}: {time.perf_counter() - inicio:.1f} s; resultado en {destino}")
    return codigo


if __name__ == "__main__":
    sys.exit(main())
