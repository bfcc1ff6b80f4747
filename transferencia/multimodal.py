"""Modelos diminutos **sin entrenar** para probar sin conexión los ``pipeline`` de imagen,
audio y vídeo de Hugging Face.

Los modelos de verdad (``google/vit-base-patch16-224``, ``openai/whisper-tiny``…) se
descargan del Hub. Sin conexión, el capítulo «Hugging Face más allá del texto» y las
pruebas usan estos: las **mismas clases** de transformers, con una configuración mínima
(dos capas, dimensión 32) y pesos aleatorios con semilla fija, guardados con su
procesador (de imagen, de audio o tokenizador) en una carpeta que ``pipeline(model=...)``
carga igual que un identificador del Hub. Entradas y salidas tienen su forma real; **las
predicciones no significan nada**.

Cada constructor devuelve la ruta de la carpeta (como ``str``, lo que espera
``pipeline``). Las etiquetas son inventadas y en español.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from transferencia.semillas import SEMILLA, fijar_semilla

#: Etiquetas del clasificador de imágenes diminuto.
ETIQUETAS_IMAGEN = ("círculo", "cuadrado", "triángulo")
#: Etiquetas del clasificador de audio diminuto (órdenes habladas, como superb/…-ks).
ETIQUETAS_AUDIO = ("sí", "no", "arriba", "abajo")
#: Etiquetas del clasificador de vídeo diminuto.
ETIQUETAS_VIDEO = ("correr", "saltar", "nadar")
#: Letras del reconocedor de voz diminuto (CTC por caracteres, como wav2vec2).
LETRAS = tuple("abcdefghijklmnopqrstuvwxyz'")
#: Frecuencia de muestreo (Hz) que esperan los modelos de audio.
FRECUENCIA = 16_000
#: Lado (píxeles) de las imágenes y fotogramas de los modelos diminutos.
LADO = 32
#: Fotogramas por vídeo del clasificador de vídeo diminuto.
FOTOGRAMAS = 4
#: Tamaño común de los transformers diminutos.
DIMINUTO = dict(hidden_size=32, num_hidden_layers=2, num_attention_heads=2, intermediate_size=64)


def _mapas(etiquetas) -> dict:
    return {"id2label": dict(enumerate(etiquetas)),
            "label2id": {e: i for i, e in enumerate(etiquetas)}}


def _guardar(modelo, procesadores, nombre: str, carpeta: str | Path | None) -> str:
    destino = Path(carpeta or tempfile.mkdtemp(prefix="diminuto_")) / nombre
    modelo.save_pretrained(destino)
    for procesador in procesadores:
        procesador.save_pretrained(destino)
    return str(destino)


def clasificador_imagenes_diminuto(carpeta: str | Path | None = None,
                                   semilla: int = SEMILLA) -> str:
    """Un ``ViTForImageClassification`` sin entrenar (imágenes de :data:`LADO` píxeles,
    parches de 8) con su ``ViTImageProcessor``: lo mismo que ``google/vit-base-patch16-224``
    en pequeño. Tarea de ``pipeline``: ``"image-classification"``."""
    from transformers import ViTConfig, ViTForImageClassification, ViTImageProcessorPil

    fijar_semilla(semilla)
    configuracion = ViTConfig(image_size=LADO, patch_size=8, **DIMINUTO,
                              **_mapas(ETIQUETAS_IMAGEN))
    procesador = ViTImageProcessorPil(size={"height": LADO, "width": LADO})
    return _guardar(ViTForImageClassification(configuracion), [procesador],
                    "vit_diminuto", carpeta)


def _configuracion_wav2vec2(**extra):
    from transformers import Wav2Vec2Config

    # Tres capas convolucionales (ventanas 10, 3, 3; saltos 5, 2, 2): un vector cada
    # 20 muestras. Las de verdad tienen siete, un vector cada 320 muestras (20 ms).
    return Wav2Vec2Config(conv_dim=(32, 32, 32), conv_kernel=(10, 3, 3), conv_stride=(5, 2, 2),
                          num_conv_pos_embeddings=16, num_conv_pos_embedding_groups=2,
                          classifier_proj_size=16, **DIMINUTO, **extra)


def _extractor_audio():
    from transformers import Wav2Vec2FeatureExtractor

    return Wav2Vec2FeatureExtractor(feature_size=1, sampling_rate=FRECUENCIA, padding_value=0.0,
                                    do_normalize=True, return_attention_mask=False)


def reconocedor_voz_diminuto(carpeta: str | Path | None = None, semilla: int = SEMILLA) -> str:
    """Un ``Wav2Vec2ForCTC`` sin entrenar que «escribe» letras (:data:`LETRAS`), con su
    extractor de características y su tokenizador CTC: la misma API que
    ``facebook/wav2vec2-base-960h``. Tarea: ``"automatic-speech-recognition"``."""
    from transformers import Wav2Vec2CTCTokenizer, Wav2Vec2ForCTC

    fijar_semilla(semilla)
    vocabulario = {"<pad>": 0, "<unk>": 1, "|": 2, **{l: i + 3 for i, l in enumerate(LETRAS)}}
    with tempfile.TemporaryDirectory() as temporal:
        ruta_vocabulario = Path(temporal) / "vocab.json"
        ruta_vocabulario.write_text(json.dumps(vocabulario), encoding="utf-8")
        tokenizador = Wav2Vec2CTCTokenizer(str(ruta_vocabulario), pad_token="<pad>",
                                           unk_token="<unk>", word_delimiter_token="|")
    configuracion = _configuracion_wav2vec2(vocab_size=len(vocabulario), pad_token_id=0)
    return _guardar(Wav2Vec2ForCTC(configuracion), [_extractor_audio(), tokenizador],
                    "wav2vec2_ctc_diminuto", carpeta)


def clasificador_audio_diminuto(carpeta: str | Path | None = None, semilla: int = SEMILLA) -> str:
    """Un ``Wav2Vec2ForSequenceClassification`` sin entrenar con las órdenes de
    :data:`ETIQUETAS_AUDIO`: la misma API que ``superb/wav2vec2-base-superb-ks``.
    Tarea: ``"audio-classification"``."""
    from transformers import Wav2Vec2ForSequenceClassification

    fijar_semilla(semilla)
    configuracion = _configuracion_wav2vec2(**_mapas(ETIQUETAS_AUDIO))
    return _guardar(Wav2Vec2ForSequenceClassification(configuracion), [_extractor_audio()],
                    "wav2vec2_clasificador_diminuto", carpeta)


def clasificador_video_diminuto(carpeta: str | Path | None = None, semilla: int = SEMILLA) -> str:
    """Un ``VideoMAEForVideoClassification`` sin entrenar (:data:`FOTOGRAMAS` fotogramas de
    :data:`LADO` píxeles, cubos de 2 fotogramas × 8 × 8 píxeles) con su
    ``VideoMAEImageProcessor``: la misma API que ``MCG-NJU/videomae-base-finetuned-kinetics``.
    Tarea: ``"video-classification"`` (necesita el paquete ``av`` para leer el vídeo)."""
    from transformers import VideoMAEConfig, VideoMAEForVideoClassification, VideoMAEImageProcessorPil

    fijar_semilla(semilla)
    configuracion = VideoMAEConfig(image_size=LADO, patch_size=8, num_frames=FOTOGRAMAS,
                                   tubelet_size=2, **DIMINUTO, **_mapas(ETIQUETAS_VIDEO))
    procesador = VideoMAEImageProcessorPil(size={"shortest_edge": LADO},
                                        crop_size={"height": LADO, "width": LADO})
    return _guardar(VideoMAEForVideoClassification(configuracion), [procesador],
                    "videomae_diminuto", carpeta)


def contar_parametros(modelo) -> int:
    """Número de parámetros de un modelo de PyTorch (también en el dispositivo ``meta``)."""
    return sum(p.numel() for p in modelo.parameters())
