"""Lo que miden los bancos de pruebas (``make bench``), listo para citarlo en el libro.

Los capítulos no escriben tiempos a mano: los leen de los JSON que deja ``make bench`` en
``bench/``. :func:`tiempo_en_linea` da la frase sobre cuánto tarda el ajuste fino de un
capítulo con el modelo del Hub en una CPU de dos núcleos (medido con un modelo del mismo
tamaño y arquitectura: véase ``bench/suplentes_completos.py``).
"""

from __future__ import annotations

import json

from transferencia import rutas
from transferencia.cifras import cifra

#: Resultados de ``bench/suplentes_completos.py``.
SUPLENTES = rutas.RAIZ / "bench" / "resultados_suplentes.json"


def medida_en_linea(capitulo: str) -> dict | None:
    """La fila de ``capitulo`` (``"binario"`` o ``"multiclase"``) del banco, o ``None``."""
    if not SUPLENTES.exists():
        return None
    datos = json.loads(SUPLENTES.read_text(encoding="utf-8"))
    for fila in datos.get("capitulos", []):
        if fila.get("capitulo") == capitulo:
            return {**fila, "nucleos": datos.get("maquina", {}).get("nucleos")}
    return None


def tiempo_en_linea(capitulo: str) -> str:
    """Frase en español: cuánto tarda el ajuste con el modelo del Hub en una CPU medida."""
    fila = medida_en_linea(capitulo)
    if fila is None:
        return ("El tiempo del ajuste con el modelo del Hub en una CPU lo mide `make bench` "
                "(todavía no hay medida).")
    minutos = fila["segundos"] / 60
    duracion = (f"unos {cifra(fila['segundos'], 0)} s" if minutos < 2
                else f"unos {cifra(minutos, 0)} minutos")
    memoria = fila.get("pico_rss_entrenamiento_mb")
    extra = f" y unos {cifra(memoria / 1024, 1)} GB de memoria" if memoria else ""
    return (f"con el modelo del Hub (`{fila['modelo']}`, {cifra(fila['parametros'] / 1e6, 0)} "
            f"millones de parámetros), el ajuste de este capítulo tarda {duracion}{extra} en "
            f"una CPU de {fila['nucleos']} núcleos (medido con `make bench`). Más abajo verás "
            "cuánto tardó al construir este libro.")
