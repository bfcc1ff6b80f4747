"""Lectura y validación de conjuntos de datos ``text,label``.

Todos los CSV del curso (y los que traiga un docente) tienen al menos dos
columnas: ``text`` (una frase) y ``label`` (su etiqueta). Antes de entrenar
nada, :func:`leer_csv` comprueba el archivo y, si algo falla, lanza
:class:`ErrorDatos` con un mensaje en español que nombra el archivo, la fila y
el problema. La validación no escribe nada en disco.

Las filas se numeran como las ve un editor de texto: la cabecera es la fila 1 y
la primera frase, la fila 2.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from transferencia.errores import ErrorCurso
from transferencia.semillas import SEMILLA

COLUMNAS = ("text", "label")


class ErrorDatos(ErrorCurso):
    """Un CSV del curso no es válido.

    Atributos: ``archivo`` (ruta), ``fila`` (número de fila o ``None`` si el
    problema es del archivo entero) y ``problema`` (explicación en español).
    """

    def __init__(self, archivo: str | Path, problema: str, fila: int | None = None):
        self.archivo = str(archivo)
        self.fila = fila
        self.problema = problema
        donde = f"{self.archivo}, fila {fila}" if fila is not None else self.archivo
        super().__init__(f"{donde}: {problema}")


def _decodificar(ruta: Path) -> str:
    try:
        crudo = ruta.read_bytes()
    except FileNotFoundError:
        raise ErrorDatos(ruta, "el archivo no existe. Revisa la ruta.") from None
    except IsADirectoryError:
        raise ErrorDatos(ruta, "es una carpeta, no un archivo CSV.") from None
    try:
        return crudo.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        fila = crudo[: error.start].count(b"\n") + 1
        raise ErrorDatos(
            ruta,
            "el archivo no está en UTF-8 (byte no válido en la posición "
            f"{error.start}). Guárdalo de nuevo como «CSV UTF-8».",
            fila,
        ) from None


def leer_csv(ruta: str | Path, etiquetas: Iterable[str] | None = None) -> pd.DataFrame:
    """Lee y valida un CSV ``text,label``; devuelve un ``DataFrame``.

    Comprueba que el archivo exista y esté en UTF-8, que tenga las columnas
    ``text`` y ``label``, que ningún texto ni etiqueta esté vacío, que no haya
    filas repetidas (ni un mismo texto con dos etiquetas), que haya al menos dos
    clases y, si se pasa ``etiquetas``, que todas pertenezcan a ese conjunto.

    >>> df = leer_csv(rutas.DATOS / "comida.csv", etiquetas={"food", "not_food"})  # doctest: +SKIP

    Lanza :class:`ErrorDatos` en cuanto encuentra un problema.
    """
    ruta = Path(ruta)
    texto = _decodificar(ruta)
    lector = csv.DictReader(io.StringIO(texto, newline=""))
    cabecera = [c.strip() for c in (lector.fieldnames or [])]
    if not cabecera:
        raise ErrorDatos(ruta, "el archivo está vacío: falta la cabecera «text,label».", 1)
    faltan = [c for c in COLUMNAS if c not in cabecera]
    if faltan:
        raise ErrorDatos(
            ruta,
            f"falta la columna {', '.join(repr(c) for c in faltan)}. "
            f"La cabecera es {cabecera!r} y debe incluir 'text' y 'label'.",
            1,
        )
    lector.fieldnames = cabecera
    permitidas = None if etiquetas is None else set(etiquetas)

    filas: list[tuple[str, str]] = []
    vistas: dict[str, tuple[int, str]] = {}
    for numero, registro in enumerate(lector, start=2):
        frase = (registro.get("text") or "").strip()
        etiqueta = (registro.get("label") or "").strip()
        if not frase:
            raise ErrorDatos(ruta, "el texto está vacío.", numero)
        if not etiqueta:
            raise ErrorDatos(ruta, f"la etiqueta está vacía (texto: {frase!r}).", numero)
        if permitidas is not None and etiqueta not in permitidas:
            raise ErrorDatos(
                ruta,
                f"la etiqueta {etiqueta!r} no está entre las esperadas "
                f"({', '.join(sorted(permitidas))}).",
                numero,
            )
        if frase in vistas:
            fila_previa, etiqueta_previa = vistas[frase]
            if etiqueta_previa == etiqueta:
                problema = f"fila duplicada: repite la fila {fila_previa} ({frase!r})."
            else:
                problema = (
                    f"el texto {frase!r} ya aparece en la fila {fila_previa} con la "
                    f"etiqueta {etiqueta_previa!r}, y aquí con {etiqueta!r}."
                )
            raise ErrorDatos(ruta, problema, numero)
        vistas[frase] = (numero, etiqueta)
        filas.append((frase, etiqueta))

    if not filas:
        raise ErrorDatos(ruta, "no hay ninguna fila de datos después de la cabecera.")
    clases = {etiqueta for _, etiqueta in filas}
    if len(clases) < 2:
        raise ErrorDatos(
            ruta,
            f"solo hay una clase ({next(iter(clases))!r}); un clasificador necesita "
            "al menos dos.",
        )
    return pd.DataFrame(filas, columns=list(COLUMNAS))


def cargar_dataset(ruta: str | Path, etiquetas: Iterable[str] | None = None):
    """Como :func:`leer_csv`, pero devuelve un ``datasets.Dataset``."""
    from datasets import Dataset

    return Dataset.from_pandas(leer_csv(ruta, etiquetas), preserve_index=False)


def mapas_etiquetas(etiquetas: Iterable[str]) -> tuple[dict[int, str], dict[str, int]]:
    """Construye ``id2label`` y ``label2id`` a partir de la lista **ordenada** de etiquetas.

    Ordenar garantiza que el mismo conjunto de etiquetas dé siempre los mismos
    números, aunque cambie el orden de las filas del CSV.

    >>> mapas_etiquetas(["not_food", "food", "food"])
    ({0: 'food', 1: 'not_food'}, {'food': 0, 'not_food': 1})
    """
    ordenadas = sorted(set(etiquetas))
    id2label = dict(enumerate(ordenadas))
    return id2label, {etiqueta: i for i, etiqueta in id2label.items()}


def dividir_estratificado(
    df: pd.DataFrame, prueba: float = 0.2, semilla: int = SEMILLA
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Divide en entrenamiento y prueba manteniendo la proporción de cada clase.

    Es **la misma partición** que hacen los capítulos con ``datasets``
    (``cast_column("label", ClassLabel(names=sorted(...)))`` y
    ``train_test_split(test_size=prueba, stratify_by_column="label", seed=semilla)``), así
    que la línea de órdenes, los bancos de pruebas y el libro miden con las mismas frases.
    Devuelve ``(entrenamiento, prueba)`` con el índice reiniciado.
    """
    from datasets import ClassLabel, Dataset
    from datasets.utils.logging import disable_progress_bar

    if not 0 < prueba < 1:
        raise ValueError(f"la fracción de prueba debe estar entre 0 y 1, no {prueba}.")
    disable_progress_bar()
    nombres = sorted(set(df["label"]))
    conjunto = Dataset.from_pandas(df.reset_index(drop=True), preserve_index=False)
    conjunto = conjunto.cast_column("label", ClassLabel(names=nombres))
    partes = conjunto.train_test_split(test_size=prueba, stratify_by_column="label", seed=semilla)

    def tabla(parte) -> pd.DataFrame:
        resultado = parte.to_pandas()
        resultado["label"] = resultado["label"].map(dict(enumerate(nombres)))
        return resultado.reset_index(drop=True)

    return tabla(partes["train"]), tabla(partes["test"])
