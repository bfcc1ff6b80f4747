"""Reproducibilidad: una sola función para fijar todas las semillas."""

from __future__ import annotations

import os
import random

import numpy as np

#: Semilla de todo el curso: capítulos, línea de órdenes, bancos de pruebas y ejercicios.
SEMILLA = 42


def fijar_semilla(semilla: int = SEMILLA) -> int:
    """Fija la semilla de Python, NumPy y PyTorch (si está instalado).

    También pide a PyTorch algoritmos deterministas cuando es posible, para que
    dos ejecuciones den las mismas cifras. Devuelve la semilla usada.

    ``hash()`` de Python (que usa Doc2Vec de gensim) no se puede fijar desde dentro del
    proceso: depende de ``PYTHONHASHSEED`` al arrancar Python. ``make`` la exporta; aquí
    solo se fija para los procesos hijos que se lancen después.
    """
    random.seed(semilla)
    os.environ["PYTHONHASHSEED"] = str(semilla)  # solo afecta a procesos hijos
    np.random.seed(semilla)
    try:
        import torch
    except ImportError:  # pragma: no cover - el curso siempre instala torch
        return semilla
    torch.manual_seed(semilla)
    torch.use_deterministic_algorithms(True, warn_only=True)
    return semilla
