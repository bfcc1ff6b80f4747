import numpy as np
import pytest
import torch
from comprobaciones import comprobar, llamar
from transformers import (Wav2Vec2Config, Wav2Vec2FeatureExtractor,
                          Wav2Vec2ForSequenceClassification, pipeline)

ETIQUETAS = ["sí", "no", "arriba", "abajo"]
FRECUENCIA = 16000


@pytest.fixture(scope="module")
def ruta(tmp_path_factory):
    """Un clasificador wav2vec2 diminuto sin entrenar, guardado como los del capítulo."""
    torch.manual_seed(0)
    configuracion = Wav2Vec2Config(
        conv_dim=(32, 32, 32), conv_kernel=(10, 3, 3), conv_stride=(5, 2, 2),
        num_conv_pos_embeddings=16, num_conv_pos_embedding_groups=2, classifier_proj_size=16,
        hidden_size=32, num_hidden_layers=2, num_attention_heads=2, intermediate_size=64,
        id2label=dict(enumerate(ETIQUETAS)), label2id={e: i for i, e in enumerate(ETIQUETAS)})
    modelo = Wav2Vec2ForSequenceClassification(configuracion)
    with torch.no_grad():  # pesos grandes en la cabeza: puntuaciones bien distintas
        modelo.classifier.weight.mul_(200)
    carpeta = tmp_path_factory.mktemp("wav2vec2_clasificador")
    modelo.save_pretrained(carpeta)
    Wav2Vec2FeatureExtractor(feature_size=1, sampling_rate=FRECUENCIA, padding_value=0.0,
                             do_normalize=True, return_attention_mask=False).save_pretrained(carpeta)
    return str(carpeta)


def sonidos():
    t = np.arange(FRECUENCIA // 2) / FRECUENCIA  # medio segundo
    ruido = np.random.default_rng(0).normal(0, 0.3, len(t))
    return {"tono de 440 Hz": (0.5 * np.sin(2 * np.pi * 440 * t)).astype(np.float32),
            "ruido": ruido.astype(np.float32),
            "tono de 3000 Hz": (0.2 * np.sin(2 * np.pi * 3000 * t)).astype(np.float32)}


ENTRADA = ("ruta=<carpeta de un Wav2Vec2ForSequenceClassification diminuto con las etiquetas "
           f"{ETIQUETAS}>, sonidos con las claves 'tono de 440 Hz', 'ruido' y 'tono de 3000 Hz' "
           "(0,5 s cada uno, a 16 000 Hz)")


def redondear(resultado):
    """Etiquetas y puntuaciones (con 4 decimales) de la salida de un pipeline."""
    try:
        return [(r["label"], round(float(r["score"]), 4)) for r in resultado]
    except (TypeError, KeyError, ValueError):
        return resultado


def esperado(ruta, k):
    clasificador = pipeline("audio-classification", model=ruta, device="cpu")
    return {nombre: redondear(clasificador({"raw": audio, "sampling_rate": FRECUENCIA}, top_k=k))
            for nombre, audio in sonidos().items()}


def clasificar(ejercicio, ruta, k):
    resultados = llamar(ejercicio, "clasificar_sonidos", ruta, sonidos(), k=k)
    if not isinstance(resultados, dict):
        comprobar(resultados, "un diccionario {nombre: resultado}", ENTRADA + f", k={k}", tipo=dict)
    return {nombre: redondear(r) for nombre, r in resultados.items()}


def test_las_k_etiquetas_mas_probables(ejercicio, ruta):
    comprobar(clasificar(ejercicio, ruta, 2), esperado(ruta, 2), ENTRADA + ", k=2",
              tolerancia=1e-3,
              pista='Pasa cada audio como {"raw": audio, "sampling_rate": 16000} y pide top_k=k; '
                    "devuelve la lista del pipeline tal cual para cada nombre.")


def test_todas_las_etiquetas_suman_uno(ejercicio, ruta):
    obtenido = clasificar(ejercicio, ruta, 10)
    comprobar(obtenido, esperado(ruta, 10), ENTRADA + ", k=10 (el modelo solo tiene 4 etiquetas)",
              tolerancia=1e-3,
              pista="Con top_k mayor que el número de etiquetas, el pipeline devuelve las 4.")
    sumas = {nombre: round(sum(p for _, p in r), 3) for nombre, r in obtenido.items()}
    comprobar(sumas, {nombre: 1.0 for nombre in sonidos()},
              ENTRADA + ", k=10 (suma de las puntuaciones de cada sonido)", tolerancia=2e-3)


def test_crea_el_pipeline_una_sola_vez(ejercicio, ruta, monkeypatch):
    creados = []
    original = getattr(ejercicio, "pipeline", pipeline)

    def contar(*args, **kwargs):
        creados.append(kwargs.get("task", args[0] if args else None))
        return original(*args, **kwargs)

    monkeypatch.setattr(ejercicio, "pipeline", contar, raising=False)
    obtenido = clasificar(ejercicio, ruta, 1)
    comprobar(list(obtenido), list(sonidos()), ENTRADA + ", k=1 (nombres del resultado, en orden)",
              pista="Recorre sonidos.items() y usa cada nombre como clave del resultado.")
    comprobar(len(creados) <= 1, True,
              ENTRADA + f" (¿creas un solo pipeline? creaste {len(creados)} para 3 sonidos)",
              pista="Crea el pipeline una vez, antes del bucle, y úsalo con todos los sonidos: "
                    "cada creación vuelve a leer el modelo del disco.")
    if creados:
        comprobar(creados[0], "audio-classification", ENTRADA + " (tarea del pipeline)",
                  pista='La tarea es "audio-classification".')
