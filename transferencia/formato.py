"""Formato de un clasificador guardado por el curso: ``transferencia.json``.

Una carpeta escrita por ``python -m transferencia entrenar`` contiene el modelo (la carpeta
de ``save_pretrained`` para el método ``ajuste``, o ``regresion_logistica.joblib`` para
``embeddings``) y un archivo ``transferencia.json`` que lo describe. Este módulo es el
único que lo escribe y lo lee: :class:`Descripcion` (con número de versión),
:meth:`Descripcion.escribir`, :func:`leer_descripcion` y :meth:`Descripcion.validar`.

Versiones:

- **1** (sin campo ``version``): ``metodo``, ``etiquetas``, ``umbral_ninguna`` y, a veces,
  ``longitud_maxima``. Se lee y se completa con los valores por defecto.
- **2**: añade ``version``, ``modelo_base`` (qué modelo se ajustó o qué
  codificador se usó) y ``huellas_entrenamiento`` (huellas de los textos de
  entrenamiento, para avisar si se evalúa con frases que el modelo ya vio).
- **3** (actual): añade ``eleccion_metodo`` (con ``--metodo auto``: qué método se eligió
  y las puntuaciones de la validación cruzada). Los archivos de la versión 2 se leen igual
  (sin elección).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from transferencia.errores import ErrorCurso

#: Nombre del archivo que describe un clasificador guardado.
ARCHIVO = "transferencia.json"
#: Versión del formato que escribe este código.
VERSION = 3
#: Métodos de entrenamiento que conoce el curso.
METODOS = ("ajuste", "embeddings")
#: Longitud máxima en piezas por defecto (la del entrenamiento por defecto).
LONGITUD_MAXIMA = 64


class ErrorClasificador(ErrorCurso):
    """La carpeta indicada no contiene un clasificador del curso que se pueda usar."""


@dataclass
class Descripcion:
    """Contenido de ``transferencia.json``.

    - ``metodo``: ``"ajuste"`` o ``"embeddings"``.
    - ``etiquetas``: las etiquetas del modelo en el orden de sus columnas de salida.
    - ``umbral_ninguna``: por debajo de esta probabilidad la respuesta es ``Ninguna``
      (``None``: sin umbral).
    - ``longitud_maxima``: piezas con que se truncó al entrenar (método ``ajuste``).
    - ``modelo_base``: diccionario con ``nombre``, ``origen`` y ``motivo``.
    - ``huellas_entrenamiento``: huellas de los textos de entrenamiento y de validación
      (:func:`transferencia.tablas.huella_texto`).
    - ``eleccion_metodo``: con ``--metodo auto``, diccionario con el método ``elegido``, el
      F1 macro medio de cada método en la validación cruzada y cómo se hizo; ``None`` si
      el método se eligió a mano.
    """

    metodo: str
    etiquetas: list[str]
    umbral_ninguna: float | None = None
    longitud_maxima: int | None = None
    modelo_base: dict = field(default_factory=dict)
    huellas_entrenamiento: list[str] = field(default_factory=list)
    eleccion_metodo: dict | None = None
    version: int = VERSION

    def validar(self, origen: str | Path = ARCHIVO) -> "Descripcion":
        """Comprueba que los campos tengan sentido; lanza :class:`ErrorClasificador` si no."""
        if self.metodo not in METODOS:
            raise ErrorClasificador(f"{origen}: método desconocido {self.metodo!r}; el curso "
                                    f"conoce {', '.join(METODOS)}.")
        if (not isinstance(self.etiquetas, list) or len(self.etiquetas) < 2
                or not all(isinstance(e, str) and e for e in self.etiquetas)
                or len(set(self.etiquetas)) != len(self.etiquetas)):
            raise ErrorClasificador(f"{origen}: la lista de etiquetas no es válida "
                                    f"({self.etiquetas!r}); hacen falta al menos dos distintas.")
        if self.umbral_ninguna is not None and not (
                isinstance(self.umbral_ninguna, (int, float)) and 0 <= self.umbral_ninguna <= 1):
            raise ErrorClasificador(f"{origen}: el umbral de Ninguna debe estar entre 0 y 1, "
                                    f"no {self.umbral_ninguna!r}.")
        if self.longitud_maxima is not None and not (
                isinstance(self.longitud_maxima, int) and self.longitud_maxima > 0):
            raise ErrorClasificador(f"{origen}: longitud_maxima debe ser un entero positivo, "
                                    f"no {self.longitud_maxima!r}.")
        if self.eleccion_metodo is not None and not (
                isinstance(self.eleccion_metodo, dict)
                and self.eleccion_metodo.get("elegido") == self.metodo):
            raise ErrorClasificador(f"{origen}: «eleccion_metodo» no es válida: debe ser un "
                                    f"diccionario cuyo «elegido» sea el método ({self.metodo!r}).")
        return self

    def escribir(self, carpeta: str | Path) -> Path:
        """Valida y escribe ``transferencia.json`` en ``carpeta``; devuelve su ruta."""
        self.validar()
        ruta = Path(carpeta) / ARCHIVO
        ruta.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=2), encoding="utf-8")
        return ruta


def leer_descripcion(carpeta: str | Path) -> Descripcion:
    """Lee, migra (versión 1) y valida el ``transferencia.json`` de ``carpeta``."""
    carpeta = Path(carpeta)
    if not carpeta.is_dir():
        raise ErrorClasificador(f"{carpeta}: la carpeta del modelo no existe.")
    ruta = carpeta / ARCHIVO
    if not ruta.exists():
        raise ErrorClasificador(f"{carpeta}: no es un modelo del curso (falta {ARCHIVO}). "
                                "Indica la carpeta que escribió «entrenar --salida».")
    try:
        datos = json.loads(ruta.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise ErrorClasificador(f"{ruta}: el archivo está dañado (no es JSON válido).") from None
    if not isinstance(datos, dict) or "metodo" not in datos or "etiquetas" not in datos:
        raise ErrorClasificador(f"{ruta}: el archivo está dañado (faltan «metodo» o «etiquetas»).")
    version = datos.get("version", 1)
    if not isinstance(version, int) or version < 1:
        raise ErrorClasificador(f"{ruta}: versión del formato no válida ({version!r}).")
    if version > VERSION:
        raise ErrorClasificador(f"{ruta}: lo escribió una versión más nueva del curso (formato "
                                f"{version}; esta lee hasta el {VERSION}). Actualiza el curso.")
    conocidos = set(Descripcion.__dataclass_fields__)
    desconocidos = sorted(set(datos) - conocidos)
    if desconocidos:
        raise ErrorClasificador(f"{ruta}: campos desconocidos {desconocidos}.")
    datos["version"] = VERSION
    if datos["metodo"] == "ajuste" and datos.get("longitud_maxima") is None:
        datos["longitud_maxima"] = LONGITUD_MAXIMA  # versión 1 antigua: el valor de entonces
    return Descripcion(**datos).validar(ruta)
