"""Números a la española: coma decimal y un espacio antes de «%».

Una sola función para el libro, la línea de órdenes y el corrector:

>>> cifra(0.91234)
'0,912'
>>> cifra(12.5, 1)
'12,5'
>>> porcentaje(0.98)
'98,0 %'
"""

from __future__ import annotations


def cifra(valor: float, decimales: int = 3) -> str:
    """``valor`` con ``decimales`` cifras decimales y coma decimal."""
    return f"{float(valor):.{decimales}f}".replace(".", ",")


def porcentaje(fraccion: float, decimales: int = 1) -> str:
    """Una fracción (0,98) escrita como porcentaje («98,0 %»)."""
    return f"{cifra(100 * float(fraccion), decimales)} %"
