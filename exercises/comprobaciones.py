"""Comprobaciones con mensajes en español para las pruebas de los ejercicios.

Cada prueba usa el módulo del alumno a través de :func:`llamar`,
:func:`comprobar` y :func:`comprobar_respuesta`, que convierten cualquier
problema en un mensaje con la entrada, el valor esperado y el obtenido, al estilo
de exercism. Las pruebas que necesitan un modelo lo construyen diminuto y al azar con
:func:`config_bert_diminuta` y el tokenizador de :func:`tokenizador_respaldo`, sin conexión.
"""

from __future__ import annotations

import functools
import hashlib
import math

import pytest


def funcion(modulo, nombre: str):
    """Devuelve la función ``nombre`` del alumno o explica que no existe."""
    valor = getattr(modulo, nombre, None)
    if not callable(valor):
        pytest.fail(f"La función `{nombre}` no existe: ¿la has renombrado o borrado?", pytrace=False)
    return valor


def como_lista(valor):
    """Convierte un array (o lista de números) en listas de float redondeadas a 6 decimales.

    Si no se puede convertir, devuelve el valor tal cual para que :func:`comprobar`
    explique la diferencia de tipo.
    """
    if valor is None:
        return None
    import numpy as np

    try:
        return np.round(np.asarray(valor, dtype=float), 6).tolist()
    except (TypeError, ValueError):
        return valor


def _breve(valor, limite: int = 300) -> str:
    texto = repr(valor)
    return texto if len(texto) <= limite else texto[:limite] + "…"


def llamar(modulo, nombre: str, *args, **kwargs):
    """Llama a la función del alumno; cualquier excepción se explica en español."""
    f = funcion(modulo, nombre)
    entrada = ", ".join([_breve(a, 120) for a in args] +
                        [f"{k}={_breve(v, 120)}" for k, v in kwargs.items()])
    try:
        return f(*args, **kwargs)
    except NotImplementedError:
        pytest.fail(f"Todavía no has completado `{nombre}`: borra el `raise NotImplementedError` "
                    "y escribe tu solución.", pytrace=False)
    except (KeyboardInterrupt, pytest.fail.Exception):
        raise
    except BaseException as error:  # noqa: BLE001
        pytest.fail(f"`{nombre}({entrada})` lanzó {type(error).__name__}: {error}", pytrace=False)


def _iguales(obtenido, esperado, tolerancia: float) -> bool:
    obtenido, esperado = (x.tolist() if hasattr(x, "tolist") and not isinstance(x, (int, float, str))
                          else x for x in (obtenido, esperado))
    if isinstance(esperado, float) or isinstance(obtenido, float):
        try:
            return math.isclose(float(obtenido), float(esperado), rel_tol=tolerancia, abs_tol=tolerancia)
        except (TypeError, ValueError):
            return False
    if isinstance(esperado, (list, tuple)) and isinstance(obtenido, (list, tuple)):
        return len(obtenido) == len(esperado) and all(
            _iguales(o, e, tolerancia) for o, e in zip(obtenido, esperado))
    if isinstance(esperado, dict) and isinstance(obtenido, dict):
        return obtenido.keys() == esperado.keys() and all(
            _iguales(obtenido[k], esperado[k], tolerancia) for k in esperado)
    return obtenido == esperado


def comprobar(obtenido, esperado, entrada: str, tipo: type | tuple | None = None,
              tolerancia: float = 1e-6, pista: str = "") -> None:
    """Compara el resultado del alumno con el esperado y explica la diferencia."""
    if obtenido is None and esperado is not None:
        pytest.fail(f"Con la entrada {entrada}, tu función devolvió None. ¿Has usado `print` en "
                    "lugar de `return`, o se te olvidó el `return`?", pytrace=False)
    if tipo is not None and not isinstance(obtenido, tipo):
        nombres = " o ".join(t.__name__ for t in (tipo if isinstance(tipo, tuple) else (tipo,)))
        pytest.fail(f"Con la entrada {entrada}, se esperaba un valor de tipo {nombres} y tu función "
                    f"devolvió {type(obtenido).__name__}: {_breve(obtenido)}", pytrace=False)
    if not _iguales(obtenido, esperado, tolerancia):
        pytest.fail(f"Entrada: {entrada}\nEsperado: {_breve(esperado)}\nObtenido: {_breve(obtenido)}"
                    + (f"\n{pista}" if pista else ""), pytrace=False)


def huella(respuesta: str) -> str:
    """Huella SHA-256 de una respuesta de opción múltiple (así no se guarda en claro)."""
    return hashlib.sha256(f"curso-tl:{respuesta.strip().lower()}".encode()).hexdigest()


def comprobar_respuesta(modulo, nombre: str, huella_correcta: str, opciones: str = "abcd") -> None:
    """Comprueba una pregunta de opción múltiple guardada en la variable ``nombre``."""
    respuesta = getattr(modulo, nombre, None)
    if respuesta is None:
        pytest.fail(f"Todavía no has respondido: asigna a `{nombre}` una letra "
                    f"({', '.join(opciones)}).", pytrace=False)
    if not isinstance(respuesta, str) or respuesta.strip().lower() not in opciones:
        pytest.fail(f"`{nombre}` debe ser una sola letra entre {', '.join(opciones)}; "
                    f"tiene {respuesta!r}.", pytrace=False)
    if huella(respuesta) != huella_correcta:
        pytest.fail(f"La respuesta {respuesta.strip().lower()!r} a `{nombre}` no es correcta. "
                    "Vuelve a leer la sección del capítulo o pide una pista.", pytrace=False)


# --- Modelos diminutos para las pruebas (sin conexión) -------------------------------------

@functools.lru_cache(maxsize=1)
def tokenizador_respaldo():
    """El tokenizador WordPiece del modelo de respaldo del curso (sin conexión): sin mayúsculas,
    el mismo vocabulario que distilbert-base-uncased. Se carga una vez por proceso."""
    from transformers import AutoTokenizer

    from transferencia.modelos import ruta_respaldo

    return AutoTokenizer.from_pretrained(ruta_respaldo())


def config_bert_diminuta(**cambios):
    """Un ``BertConfig`` diminuto (2 capas de 32 con 2 cabezas) para crear modelos al azar en las
    pruebas; ``cambios`` sustituye o añade campos (``vocab_size``, ``id2label``...). Con
    ``id2label`` y sin ``label2id``, el segundo mapa se deduce del primero."""
    from transformers import BertConfig

    campos = dict(hidden_size=32, num_hidden_layers=2, num_attention_heads=2, intermediate_size=64)
    campos.update(cambios)
    if "id2label" in campos and "label2id" not in campos:
        campos["label2id"] = {etiqueta: i for i, etiqueta in campos["id2label"].items()}
    return BertConfig(**campos)
