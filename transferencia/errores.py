"""Errores del curso: una sola clase base con el mensaje en español.

Todo lo que el paquete rechaza (un archivo de datos mal formado, un modelo que no se
puede obtener, una carpeta que no es un clasificador del curso, una opción incoherente
de la línea de órdenes) lanza una subclase de :class:`ErrorCurso`. La línea de órdenes
la atrapa una sola vez (en :func:`transferencia.cli.main`), imprime el mensaje y sale con
el código 2 sin haber escrito nada.
"""

from __future__ import annotations


class ErrorCurso(ValueError):
    """Entrada que el curso no puede usar. ``str(error)`` es el mensaje en español."""


class ErrorEntrada(ErrorCurso):
    """Opciones de la línea de órdenes que no encajan entre sí o con los datos."""
