"""Clasificadores guardados por el curso: cargarlos, predecir y decidir ``Ninguna``.

Un tipo por método de ``entrenar`` (la carpeta la describe ``transferencia.json``, véase
:mod:`transferencia.formato`):

- :class:`ClasificadorAjuste` (método ``ajuste``): una carpeta de ``save_pretrained``
  (``config.json``, pesos *safetensors*, tokenizador).
- :class:`ClasificadorEmbeddings` (método ``embeddings``): ``regresion_logistica.joblib``
  sobre vectores del Universal Sentence Encoder multilingüe.

Los dos comparten :meth:`Clasificador.decidir`: la etiqueta de mayor probabilidad o
``Ninguna`` si no llega al umbral (:func:`aplicar_umbral`, la misma función que usan los
capítulos).

Para predecir deprisa en CPU, :meth:`ClasificadorAjuste.probabilidades` agrupa las frases
por longitud (menos relleno en cada lote) y trunca con la misma longitud máxima del
entrenamiento; ``cargar_clasificador(..., int8=True)`` además cuantiza las capas lineales a
enteros de 8 bits (cuantización dinámica de PyTorch): el modelo ocupa menos y predice más
rápido, con probabilidades algo distintas (mídelo con ``evaluar --int8`` antes de usarlo;
``make bench`` compara las dos versiones).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from transferencia.formato import Descripcion, ErrorClasificador, leer_descripcion
from transferencia.metricas import f1_macro

NINGUNA = "Ninguna"
#: Archivo de la regresión logística del método ``embeddings``.
ARCHIVO_REGRESION = "regresion_logistica.joblib"

__all__ = ["NINGUNA", "Clasificador", "ClasificadorAjuste", "ClasificadorEmbeddings",
           "ErrorClasificador", "aplicar_umbral", "cargar_clasificador", "cuantizar_int8",
           "elegir_umbral"]


def aplicar_umbral(probabilidades: np.ndarray, etiquetas: list[str], umbral: float | None
                   ) -> list[str]:
    """Etiqueta de mayor probabilidad de cada fila, o ``Ninguna`` si no llega a ``umbral``.

    Con ``umbral=None`` no se aplica ningún umbral.
    """
    probabilidades = np.asarray(probabilidades)
    indices = probabilidades.argmax(axis=1)
    return [NINGUNA if umbral is not None and fila[i] < umbral else etiquetas[i]
            for fila, i in zip(probabilidades, indices)]


def elegir_umbral(probabilidades: np.ndarray, reales: list[str], etiquetas: list[str],
                  candidatos=None) -> float:
    """Umbral de ``Ninguna`` que maximiza el F1 macro en unos datos de validación.

    Se prueban los ``candidatos`` (por defecto 0, 0.05, ..., 0.95); en caso de empate gana
    el umbral más bajo, el que menos respuestas cambia. El F1 macro se calcula sobre las
    etiquetas del modelo más ``Ninguna``.
    """
    if candidatos is None:
        candidatos = np.round(np.arange(0, 1, 0.05), 2)
    clases = list(etiquetas) + ([NINGUNA] if NINGUNA not in etiquetas else [])
    mejor, mejor_f1 = None, -1.0
    for umbral in sorted(float(u) for u in candidatos):
        f1 = f1_macro(reales, aplicar_umbral(probabilidades, etiquetas, umbral), clases)
        if f1 > mejor_f1 + 1e-12:
            mejor, mejor_f1 = umbral, f1
    if mejor is None:
        raise ValueError("no hay ningún umbral candidato.")
    return mejor


class Clasificador:
    """Lo común a los clasificadores guardados. Créalos con :func:`cargar_clasificador`."""

    #: Método de ``entrenar`` que guarda este tipo de clasificador.
    metodo = ""

    def __init__(self, carpeta: Path, descripcion: Descripcion):
        self.carpeta = Path(carpeta)
        self.descripcion = descripcion
        self.etiquetas: list[str] = list(descripcion.etiquetas)
        self.umbral_ninguna: float | None = descripcion.umbral_ninguna

    def probabilidades(self, textos: list[str], lote: int = 32) -> np.ndarray:
        """Matriz ``(n_textos, n_etiquetas)`` de probabilidades, columnas en :attr:`etiquetas`."""
        raise NotImplementedError

    def decidir(self, probabilidades: np.ndarray) -> list[tuple[str, float]]:
        """Etiqueta y probabilidad máxima de cada fila, con el umbral de ``Ninguna`` si lo hay."""
        probabilidades = np.asarray(probabilidades)
        etiquetas = aplicar_umbral(probabilidades, self.etiquetas, self.umbral_ninguna)
        return [(e, float(fila.max())) for e, fila in zip(etiquetas, probabilidades)]

    def predecir(self, textos: list[str]) -> list[tuple[str, float]]:
        """Etiqueta y probabilidad de cada texto (una sola pasada del modelo)."""
        return self.decidir(self.probabilidades(list(textos)))

    def etiquetas_posibles(self) -> list[str]:
        """Las etiquetas que puede responder: las del modelo y ``Ninguna`` si hay umbral."""
        extra = [NINGUNA] if self.umbral_ninguna is not None and NINGUNA not in self.etiquetas else []
        return self.etiquetas + extra


class ClasificadorAjuste(Clasificador):
    """Modelo de Hugging Face ajustado (``AutoModelForSequenceClassification``)."""

    metodo = "ajuste"

    def __init__(self, carpeta: Path, descripcion: Descripcion, int8: bool = False):
        super().__init__(carpeta, descripcion)
        from transformers import AutoModelForSequenceClassification, AutoTokenizer

        from transferencia.modelos import registrar_modelos_del_curso

        registrar_modelos_del_curso()  # por si el modelo guardado es USE-m3
        self._tokenizador = AutoTokenizer.from_pretrained(carpeta)
        self._modelo = AutoModelForSequenceClassification.from_pretrained(carpeta).eval()
        id2label = self._modelo.config.id2label
        orden = [id2label.get(i) for i in range(len(id2label))]
        if orden != self.etiquetas:
            raise ErrorClasificador(
                f"{carpeta}: las etiquetas de config.json ({orden}) no coinciden con las de "
                f"transferencia.json ({self.etiquetas}).")
        self.longitud_maxima = descripcion.longitud_maxima
        if int8:
            self._modelo = cuantizar_int8(self._modelo)

    def probabilidades(self, textos: list[str], lote: int = 32) -> np.ndarray:
        import torch

        textos = list(textos)
        resultado = np.empty((len(textos), len(self.etiquetas)), dtype=np.float32)
        # Lotes de frases de longitud parecida: casi sin relleno, bastante más rápido.
        orden = np.argsort([len(t) for t in textos], kind="stable")
        with torch.inference_mode():
            for inicio in range(0, len(textos), lote):
                indices = orden[inicio:inicio + lote]
                entrada = self._tokenizador([textos[i] for i in indices], padding=True,
                                            truncation=True, max_length=self.longitud_maxima,
                                            return_tensors="pt")
                resultado[indices] = torch.softmax(self._modelo(**entrada).logits, dim=-1).numpy()
        return resultado


class ClasificadorEmbeddings(Clasificador):
    """Codificador de frases congelado + regresión logística de scikit-learn."""

    metodo = "embeddings"

    def __init__(self, carpeta: Path, descripcion: Descripcion, int8: bool = False,
                 regresion=None):
        super().__init__(carpeta, descripcion)
        if int8:
            raise ErrorClasificador(f"{carpeta}: int8 solo sirve para el método «ajuste»; "
                                    "este clasificador usa «embeddings».")
        if regresion is None:
            import joblib

            regresion = joblib.load(Path(carpeta) / ARCHIVO_REGRESION)
        if [str(c) for c in regresion.classes_] != self.etiquetas:
            raise ErrorClasificador(
                f"{carpeta}: las clases de {ARCHIVO_REGRESION} ({list(regresion.classes_)}) no "
                f"coinciden con las etiquetas de transferencia.json ({self.etiquetas}).")
        self._regresion = regresion

    def probabilidades(self, textos: list[str], lote: int = 32) -> np.ndarray:
        from transferencia.modelos import codificador_frases

        if not textos:
            return np.zeros((0, len(self.etiquetas)))
        return self._regresion.predict_proba(codificador_frases().encode(list(textos)))


#: El tipo de clasificador de cada método.
TIPOS = {tipo.metodo: tipo for tipo in (ClasificadorAjuste, ClasificadorEmbeddings)}


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
    Lanza :class:`ErrorClasificador` si la carpeta no es un clasificador que se pueda usar.
    """
    carpeta = Path(carpeta)
    descripcion = leer_descripcion(carpeta)
    try:
        return TIPOS[descripcion.metodo](carpeta, descripcion, int8=int8)
    except ErrorClasificador:
        raise
    except Exception as error:  # archivos dañados: pickle, safetensors y JSON fallan de mil formas
        raise ErrorClasificador(f"{carpeta}: no se pudo cargar el modelo ({error}).") from None
