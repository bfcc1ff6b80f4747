"""Informes en archivos: evaluación por clases, predicciones de un archivo entero y lotes.

- :func:`escribir_informe` deja en una carpeta lo que un docente necesita para revisar una
  evaluación: métricas por clase (``por_clase.csv``), la matriz de confusión
  (``matriz_confusion.png``), las frases mal clasificadas (``errores.csv``) y las
  predicciones menos seguras (``menos_seguras.csv``).
- :func:`escribir_predicciones` guarda las etiquetas predichas en el mismo formato que los
  datos de entrada (``.csv``, ``.tsv``, ``.xlsx``, ``.json`` o ``.jsonl``).
- :func:`en_lotes` aplica una función a una lista larga de textos por lotes, con una barra
  de progreso.

Los CSV se escriben en UTF-8 con BOM (como el «CSV UTF-8» de Excel, para que las tildes se
vean bien al abrirlos) y con el punto como separador decimal, que es lo que esperan los
programas; quien use Excel en español puede pedir ``.xlsx``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from transferencia.errores import ErrorEntrada
from transferencia.metricas import calcular_metricas

#: Cuántas predicciones menos seguras se guardan en ``menos_seguras.csv``.
MENOS_SEGURAS = 20
#: Decimales con que se guardan las probabilidades y las métricas.
DECIMALES = 4
#: Columnas de ``por_clase.csv``.
COLUMNAS_POR_CLASE = ("etiqueta", "precisión", "exhaustividad", "F1", "soporte")
#: Nombre de la fila con la media macro en ``por_clase.csv``.
FILA_MEDIA = "media macro"


def escribir_informe(carpeta: str | Path, textos: Sequence[str], reales: Sequence[str],
                     predichas: Sequence[str], probabilidades, etiquetas: Sequence[str], *,
                     menos_seguras: int = MENOS_SEGURAS) -> list[Path]:
    """Escribe el informe de una evaluación en ``carpeta`` (la crea si no existe).

    - ``textos``, ``reales`` y ``predichas``: una entrada por frase evaluada.
    - ``probabilidades``: la probabilidad de la etiqueta predicha de cada frase, o una
      matriz (frases × ``etiquetas``) con la probabilidad de cada clase.
    - ``etiquetas``: todas las clases, en el orden en que se muestran.

    Archivos:

    - ``por_clase.csv``: precisión, exhaustividad, F1 y soporte de cada etiqueta
      (scikit-learn, con ``labels=etiquetas``) y una última fila ``media macro`` (la F1 macro
      sobre todas las ``etiquetas``; una clase sin frases ni predicciones cuenta como 0).
    - ``matriz_confusion.png``: filas = etiqueta real, columnas = etiqueta predicha.
    - ``errores.csv``: las frases mal clasificadas (``texto``, ``real``, ``predicha``,
      ``probabilidad``), de la más segura a la menos: un error muy seguro suele ser una
      etiqueta mal puesta en los datos.
    - ``menos_seguras.csv``: las ``menos_seguras`` predicciones de menor probabilidad.

    Devuelve las rutas escritas, en ese orden.
    """
    textos, reales, predichas = list(textos), list(reales), list(predichas)
    etiquetas = list(etiquetas)
    confianza = _confianza(probabilidades, predichas, etiquetas)
    _comprobar(textos, reales, predichas, confianza, etiquetas)
    carpeta = Path(carpeta)
    carpeta.mkdir(parents=True, exist_ok=True)
    tabla = pd.DataFrame({"texto": textos, "real": reales, "predicha": predichas,
                          "probabilidad": confianza.round(DECIMALES)})
    errores = tabla[tabla["real"] != tabla["predicha"]]
    metricas = calcular_metricas(reales, predichas, etiquetas)
    return [
        _escribir_csv(_por_clase(metricas), carpeta / "por_clase.csv"),
        _dibujar_matriz(metricas, carpeta / "matriz_confusion.png"),
        _escribir_csv(errores.sort_values("probabilidad", ascending=False, kind="stable"),
                      carpeta / "errores.csv"),
        _escribir_csv(tabla.sort_values("probabilidad", kind="stable").head(menos_seguras),
                      carpeta / "menos_seguras.csv"),
    ]


def escribir_predicciones(ruta_salida: str | Path, textos: Sequence[str],
                          etiquetas_predichas: Sequence[str], puntuaciones: Sequence[float],
                          filas_originales=None) -> Path:
    """Guarda las predicciones en ``ruta_salida``; el formato sale de la extensión.

    Columnas: ``texto``, ``etiqueta`` (la predicha) y ``probabilidad`` y, si se da
    ``filas_originales`` (un ``DataFrame`` o una lista de diccionarios, una fila por texto,
    como ``Lectura.originales`` de :func:`transferencia.tablas.leer_textos`), detrás las
    columnas originales; una que se llame como las nuevas se guarda como
    «``nombre`` (original)». Formatos: ``.csv``, ``.tsv``, ``.xlsx``, ``.json`` (una lista
    de objetos) y ``.jsonl``. Devuelve la ruta escrita.
    """
    ruta = Path(ruta_salida)
    escritor = _ESCRITORES.get(ruta.suffix.lower())
    if escritor is None:
        extension = ruta.suffix or "sin extensión"
        raise ErrorEntrada(f"{ruta}: no se pueden guardar predicciones en «{extension}»; usa "
                           f"{', '.join(list(_ESCRITORES)[:-1])} o {list(_ESCRITORES)[-1]}.")
    textos, etiquetas_predichas = list(textos), list(etiquetas_predichas)
    puntuaciones = np.asarray(puntuaciones, dtype=float)
    if not len(textos) == len(etiquetas_predichas) == len(puntuaciones) or puntuaciones.ndim != 1:
        raise ValueError(f"hay {len(textos)} textos, {len(etiquetas_predichas)} etiquetas y "
                         f"{len(puntuaciones)} probabilidades: debe haber una de cada por texto.")
    tabla = pd.DataFrame({"texto": textos, "etiqueta": etiquetas_predichas,
                          "probabilidad": puntuaciones.round(DECIMALES)})
    if filas_originales is not None:
        tabla = pd.concat([tabla, _originales(filas_originales, len(tabla), tabla.columns)], axis=1)
    ruta.parent.mkdir(parents=True, exist_ok=True)
    escritor(tabla, ruta)
    return ruta


def en_lotes(textos: Iterable[str], tamano: int, funcion: Callable[[list[str]], Iterable],
             progreso: bool = True, *, descripcion: str = "Etiquetando") -> list:
    """Aplica ``funcion`` a ``textos`` en lotes de ``tamano`` y junta los resultados.

    ``funcion`` recibe una lista de textos y devuelve un resultado por texto (por ejemplo,
    ``clasificador.predecir``). Con ``progreso`` se muestra una barra de ``tqdm`` en la
    salida de errores.

    >>> en_lotes(["a", "b", "c"], 2, lambda lote: [t.upper() for t in lote], progreso=False)
    ['A', 'B', 'C']
    """
    from tqdm import tqdm

    textos = list(textos)
    if tamano < 1:
        raise ValueError(f"el tamaño del lote debe ser 1 o más, no {tamano}.")
    resultados: list = []
    formato = ("{desc}: {percentage:3.0f} % |{bar}| {n_fmt}/{total_fmt} frases "
               "[{elapsed}<{remaining}]")
    with tqdm(total=len(textos), desc=descripcion, bar_format=formato,
              disable=not progreso) as barra:
        for inicio in range(0, len(textos), tamano):
            lote = textos[inicio:inicio + tamano]
            salida = list(funcion(lote))
            if len(salida) != len(lote):
                raise ValueError(f"la función devolvió {len(salida)} resultados para un lote de "
                                 f"{len(lote)} textos: debe devolver uno por texto.")
            resultados.extend(salida)
            barra.update(len(lote))
    return resultados


# ---------------------------------------------------------------------------
# Piezas del informe
# ---------------------------------------------------------------------------

def _confianza(probabilidades, predichas: list[str], etiquetas: list[str]) -> np.ndarray:
    """Probabilidad de la etiqueta predicha de cada frase (de un vector o de una matriz)."""
    valores = np.asarray(probabilidades, dtype=float)
    if valores.ndim == 1:
        return valores
    if valores.ndim == 2 and valores.shape[1] == len(etiquetas):
        columna = {etiqueta: i for i, etiqueta in enumerate(etiquetas)}
        if valores.shape[0] == len(predichas) and all(p in columna for p in predichas):
            return valores[np.arange(len(predichas)), [columna[p] for p in predichas]]
    raise ValueError(f"las probabilidades deben ser una por frase o una matriz de frases × "
                     f"{len(etiquetas)} etiquetas, no de forma {valores.shape}.")


def _comprobar(textos, reales, predichas, confianza, etiquetas) -> None:
    """Mismo número de entradas en todo y ninguna etiqueta fuera de ``etiquetas``."""
    largos = {len(textos), len(reales), len(predichas), len(confianza)}
    if len(largos) != 1:
        raise ValueError(f"hay {len(textos)} textos, {len(reales)} etiquetas reales, "
                         f"{len(predichas)} predichas y {len(confianza)} probabilidades: debe "
                         "haber tantas de cada cosa.")
    if not textos:
        raise ValueError("no hay ninguna frase evaluada.")
    desconocidas = sorted((set(reales) | set(predichas)) - set(etiquetas))
    if desconocidas:
        raise ValueError(f"hay etiquetas que no están en la lista de etiquetas: "
                         f"{', '.join(desconocidas)}.")


def _por_clase(metricas: dict) -> pd.DataFrame:
    """Precisión, exhaustividad, F1 y soporte por etiqueta, y la media macro (la media sin
    ponderar de cada columna: la de scikit-learn con ``average="macro"``), a partir de
    :func:`transferencia.metricas.calcular_metricas`."""
    filas = [(etiqueta, v["precision"], v["exhaustividad"], v["f1"], v["soporte"])
             for etiqueta, v in metricas["por_clase"].items()]
    medias = [float(np.mean([fila[i] for fila in filas])) for i in (1, 2)]
    filas.append((FILA_MEDIA, *medias, metricas["f1_macro"], metricas["n"]))
    tabla = pd.DataFrame(filas, columns=list(COLUMNAS_POR_CLASE))
    return tabla.round({"precisión": DECIMALES, "exhaustividad": DECIMALES, "F1": DECIMALES})


def _dibujar_matriz(metricas: dict, ruta: Path) -> Path:
    """Dibuja la matriz de confusión (filas: real; columnas: predicha) y la guarda en PNG.

    Cada casilla lleva el número de frases (no hay barra de colores).

    La figura se crea con ``matplotlib.figure.Figure`` sobre un lienzo Agg, sin pasar por
    ``pyplot``: no cambia el *backend* de quien llama (un cuaderno, por ejemplo) ni queda
    abierta después de guardarla.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    etiquetas = metricas["matriz_confusion"]["etiquetas"]
    matriz = np.array(metricas["matriz_confusion"]["valores"])
    lado = max(4.0, 0.6 * len(etiquetas) + 2.5)
    figura = Figure(figsize=(lado + 0.5, lado), layout="constrained")
    FigureCanvasAgg(figura)
    ejes = figura.subplots()
    ejes.imshow(matriz, cmap="Blues")
    posiciones = range(len(etiquetas))
    ejes.set_xticks(posiciones, etiquetas, rotation=45, ha="right")
    ejes.set_yticks(posiciones, etiquetas)
    ejes.set_xlabel("Etiqueta predicha")
    ejes.set_ylabel("Etiqueta real")
    ejes.set_title("Matriz de confusión")
    for (fila, columna), valor in np.ndenumerate(matriz):
        color = "white" if valor > matriz.max() / 2 else "black"
        ejes.text(columna, fila, str(valor), ha="center", va="center", color=color)
    figura.savefig(ruta, dpi=120)
    return ruta


# ---------------------------------------------------------------------------
# Escritura por formato
# ---------------------------------------------------------------------------

def _originales(filas, cuantas: int, nuevas) -> pd.DataFrame:
    """Las columnas originales, con el índice reiniciado y sin chocar con las nuevas."""
    originales = pd.DataFrame(filas).reset_index(drop=True)
    if len(originales) != cuantas:
        raise ValueError(f"hay {cuantas} predicciones y {len(originales)} filas originales: "
                         "debe haber una fila original por predicción.")
    return originales.rename(columns={c: f"{c} (original)" for c in originales.columns
                                      if c in set(nuevas)})


def _escribir_csv(tabla: pd.DataFrame, ruta: Path, separador: str = ",") -> Path:
    tabla.to_csv(ruta, index=False, sep=separador, encoding="utf-8-sig")
    return ruta


def _escribir_tsv(tabla: pd.DataFrame, ruta: Path) -> Path:
    return _escribir_csv(tabla, ruta, "\t")


def _escribir_xlsx(tabla: pd.DataFrame, ruta: Path) -> Path:
    tabla.to_excel(ruta, index=False, sheet_name="Predicciones", engine="openpyxl")
    return ruta


def _escribir_json(tabla: pd.DataFrame, ruta: Path) -> Path:
    registros = tabla.to_dict(orient="records")
    ruta.write_text(json.dumps(registros, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return ruta


def _escribir_jsonl(tabla: pd.DataFrame, ruta: Path) -> Path:
    registros = tabla.to_dict(orient="records")
    texto = "".join(json.dumps(registro, ensure_ascii=False) + "\n" for registro in registros)
    ruta.write_text(texto, encoding="utf-8")
    return ruta


_ESCRITORES = {".csv": _escribir_csv, ".tsv": _escribir_tsv, ".xlsx": _escribir_xlsx,
               ".json": _escribir_json, ".jsonl": _escribir_jsonl}
