"""Cuánto nos podemos fiar de una diferencia: intervalos *bootstrap* sobre la prueba.

Con 50 frases de prueba, dos puntos de F1 macro pueden ser suerte. Las funciones de este
módulo remuestrean las frases de prueba con reemplazo (*bootstrap*) y dan un intervalo para
el F1 macro de un método, o para la **diferencia** entre dos métodos evaluados con las
mismas frases (remuestreo emparejado: en cada repetición, las mismas frases para los dos).
Si el intervalo de la diferencia contiene el 0, la prueba no permite distinguirlos.

:func:`frase_comparacion` escribe la conclusión en español a partir del resultado, para que
el texto del libro diga lo que de verdad salió.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from transferencia.cifras import cifra
from transferencia.metricas import f1_macro
from transferencia.semillas import SEMILLA

#: Repeticiones del remuestreo.
REPETICIONES = 1000
#: Nivel de confianza de los intervalos.
NIVEL = 0.95


@dataclass(frozen=True)
class Intervalo:
    """Un valor medido y su intervalo de confianza ``[bajo, alto]``."""

    valor: float
    bajo: float
    alto: float

    @property
    def contiene_cero(self) -> bool:
        return self.bajo <= 0 <= self.alto

    def texto(self, decimales: int = 3) -> str:
        """«0,912 (IC 95 %: 0,850 a 0,960)»."""
        return (f"{cifra(self.valor, decimales)} (IC {round(NIVEL * 100)} %: "
                f"{cifra(self.bajo, decimales)} a {cifra(self.alto, decimales)})")


def _f1_remuestreos(reales: Sequence, predichas: Sequence, etiquetas: Sequence,
                    muestras: np.ndarray) -> np.ndarray:
    """F1 macro de cada fila de índices de ``muestras`` (el mismo valor que :func:`f1_macro`,
    vectorizado: contamos aciertos, falsos positivos y falsos negativos por clase)."""
    codigo = {e: i for i, e in enumerate(etiquetas)}
    k = len(etiquetas)
    r = np.array([codigo.get(e, k) for e in reales])[muestras]
    p = np.array([codigo.get(e, k) for e in predichas])[muestras]
    f1 = np.zeros((len(muestras), k))
    for clase in range(k):
        vp = ((r == clase) & (p == clase)).sum(axis=1)
        fp = ((r != clase) & (p == clase)).sum(axis=1)
        fn = ((r == clase) & (p != clase)).sum(axis=1)
        denominador = 2 * vp + fp + fn
        f1[:, clase] = np.divide(2 * vp, denominador, out=np.zeros(len(muestras)),
                                 where=denominador > 0)
    return f1.mean(axis=1)


def _muestras(n: int, repeticiones: int, semilla: int) -> np.ndarray:
    return np.random.default_rng(semilla).integers(0, n, size=(repeticiones, n))


def _limites(valores: np.ndarray) -> tuple[float, float]:
    cola = (1 - NIVEL) / 2 * 100
    return float(np.percentile(valores, cola)), float(np.percentile(valores, 100 - cola))


def intervalo_f1(reales: Sequence, predichas: Sequence, etiquetas: Sequence,
                 repeticiones: int = REPETICIONES, semilla: int = SEMILLA) -> Intervalo:
    """F1 macro de ``predichas`` con su intervalo *bootstrap*."""
    valores = _f1_remuestreos(reales, predichas, etiquetas,
                              _muestras(len(reales), repeticiones, semilla))
    return Intervalo(f1_macro(reales, predichas, etiquetas), *_limites(valores))


def intervalo_diferencia(reales: Sequence, predichas_a: Sequence, predichas_b: Sequence,
                         etiquetas: Sequence, repeticiones: int = REPETICIONES,
                         semilla: int = SEMILLA) -> Intervalo:
    """Diferencia de F1 macro ``a − b`` sobre las mismas frases, con su intervalo emparejado."""
    reales, a, b = list(reales), list(predichas_a), list(predichas_b)
    if not len(reales) == len(a) == len(b):
        raise ValueError("los dos métodos deben predecir las mismas frases de prueba.")
    muestras = _muestras(len(reales), repeticiones, semilla)
    valores = (_f1_remuestreos(reales, a, etiquetas, muestras)
               - _f1_remuestreos(reales, b, etiquetas, muestras))
    diferencia = f1_macro(reales, a, etiquetas) - f1_macro(reales, b, etiquetas)
    return Intervalo(diferencia, *_limites(valores))


def frase_comparacion(nombre_a: str, nombre_b: str, diferencia: Intervalo) -> str:
    """La conclusión de comparar ``a`` con ``b``, elegida a partir del intervalo."""
    if diferencia.contiene_cero:
        return (f"En esta prueba, {nombre_a} y {nombre_b} **no se pueden distinguir**: la "
                f"diferencia de F1 macro es {diferencia.texto()}, y el intervalo incluye el 0.")
    mejor, peor = (nombre_a, nombre_b) if diferencia.valor > 0 else (nombre_b, nombre_a)
    magnitud = Intervalo(abs(diferencia.valor), *sorted((abs(diferencia.bajo), abs(diferencia.alto))))
    supera = f"{mejor[0].upper() + mejor[1:]} supera a {peor}".replace(" a el ", " al ")
    return (f"**{supera}**: su F1 macro es "
            f"{cifra(magnitud.valor)} mayor (IC {round(NIVEL * 100)} %: {cifra(magnitud.bajo)} a "
            f"{cifra(magnitud.alto)}); el intervalo no incluye el 0.")
