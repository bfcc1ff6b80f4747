"""Configuración de pytest para los ejercicios: carga el archivo del alumno.

La carpeta con los archivos del alumno se puede cambiar con la variable de entorno
``TRANSFERENCIA_EJERCICIOS`` (el corrector la usa para comprobar las soluciones).
Las utilidades de comprobación están en :mod:`comprobaciones`.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

AQUI = Path(__file__).resolve().parent
sys.dont_write_bytecode = True  # el corrector no deja archivos en la carpeta del alumno
# Al final de sys.path: ninguna carpeta de ejercicios tapa una biblioteca instalada.
sys.path.append(str(AQUI))  # para «from comprobaciones import ...»


def _carpeta_alumno() -> Path:
    return Path(os.environ.get("TRANSFERENCIA_EJERCICIOS", AQUI)).resolve()


@pytest.fixture
def ejercicio(request):
    """Importa el ``ejercicio.py`` del alumno que corresponde a esta prueba."""
    relativa = Path(request.path).resolve().parent.relative_to(AQUI)
    ruta = _carpeta_alumno() / relativa / "ejercicio.py"
    if not ruta.exists():
        pytest.fail(f"No encuentro tu archivo {ruta}. ¿Lo has movido o renombrado?", pytrace=False)
    nombre = "alumno_" + "_".join(relativa.parts)
    especificacion = importlib.util.spec_from_file_location(nombre, ruta)
    modulo = importlib.util.module_from_spec(especificacion)
    try:
        especificacion.loader.exec_module(modulo)
    except SyntaxError as error:
        pytest.fail(f"Tu archivo tiene un error de sintaxis en la línea {error.lineno}: "
                    f"{error.msg}.", pytrace=False)
    except BaseException as error:  # noqa: BLE001 - cualquier fallo del alumno
        pytest.fail(f"Al importar tu archivo se produjo {type(error).__name__}: {error}",
                    pytrace=False)
    return modulo
