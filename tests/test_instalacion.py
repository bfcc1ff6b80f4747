"""La instalación de Colab, de verdad: un entorno nuevo, ``pip install`` del curso (no
editable, con sus dependencias de pyproject.toml) y un capítulo ejecutado sin conexión.

Reproduce lo que hace la primera celda de cada capítulo en Colab: clonar el repositorio
en ``/content/curso-transfer-learning`` e instalarlo con
``pip install "curso-transfer-learning[cuadernos]"``. Lo único que se añade es lo que Colab
ya trae (``ipykernel`` y ``nbclient`` para ejecutar el cuaderno) y las versiones de
``requirements.txt`` como restricciones (``-c``), para que pip no descargue otra versión de
torch. Tarda unos minutos: ``make test`` la ejecuta aparte (marca ``instalacion``).
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

RAIZ = Path(__file__).resolve().parent.parent
CAPITULO = "book/clasificador_binario.ipynb"

pytestmark = [pytest.mark.instalacion, pytest.mark.timeout(1800)]


def copiar_repositorio(destino: Path) -> Path:
    """Lo que clonaría Colab: los archivos versionados del repositorio."""
    archivos = subprocess.run(["git", "ls-files", "-z"], cwd=RAIZ, capture_output=True,
                              check=True).stdout.decode().split("\0")
    for relativo in filter(None, archivos):
        origen = RAIZ / relativo
        if origen.is_file():
            (destino / relativo).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(origen, destino / relativo)
    return destino


@pytest.fixture(scope="module")
def colab(tmp_path_factory):
    contenido = tmp_path_factory.mktemp("content")
    clon = copiar_repositorio(contenido / "curso-transfer-learning")
    entorno = contenido / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(entorno)], check=True)
    python = entorno / "bin" / "python"
    instalar = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "-c", str(RAIZ / "requirements.txt"), f"{clon}[cuadernos]", "ipykernel", "nbclient"],
        capture_output=True, text=True)
    assert instalar.returncode == 0, instalar.stdout[-3000:] + instalar.stderr[-3000:]
    return contenido, clon, python


def test_el_paquete_instalado_no_es_el_del_repositorio(colab):
    contenido, clon, python = colab
    donde = subprocess.run([str(python), "-c", "import transferencia; print(transferencia.__file__)"],
                           cwd=contenido, capture_output=True, text=True, check=True).stdout.strip()
    assert "site-packages" in donde and not donde.startswith(str(clon))


def test_un_capitulo_se_ejecuta_como_en_colab(colab):
    """Desde /content (como Colab), sin conexión: los datos salen del clon."""
    contenido, clon, python = colab
    entorno = dict(os.environ, HF_HUB_OFFLINE="1", PYTHONHASHSEED="0",
                   HF_HOME=str(contenido / "hf"))
    entorno.pop("TRANSFERENCIA_RAIZ", None)
    entorno["PATH"] = f"{python.parent}{os.pathsep}{entorno['PATH']}"
    cuaderno = contenido / "capitulo.ipynb"
    shutil.copy(clon / CAPITULO, cuaderno)
    ejecutar = subprocess.run([str(python.parent / "jupyter"), "execute", "--inplace",
                               "--timeout=1200", str(cuaderno)],
                              cwd=contenido, env=entorno, capture_output=True, text=True)
    assert ejecutar.returncode == 0, ejecutar.stderr[-4000:]
    import nbformat

    cuaderno = nbformat.read(cuaderno, as_version=4)
    salidas = "".join(str(o) for c in cuaderno.cells if c.cell_type == "code"
                      for o in c.get("outputs", []))
    assert "sentence-transformers/all-MiniLM-L6-v2" in salidas  # dijo qué modelo se ejecutó
    assert "Traceback" not in salidas
