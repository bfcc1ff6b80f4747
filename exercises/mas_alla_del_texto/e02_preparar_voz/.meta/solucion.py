"""Preparar voz para wav2vec2: 16 000 Hz, relleno y normalización.

Los modelos de voz como wav2vec2 o Whisper aprendieron con audio muestreado a 16 000 Hz
(16 000 muestras por segundo). Una grabación telefónica viene a 8000 Hz y la de un CD, a
44 100 Hz: antes de nada hay que **remuestrearlas**. Después, el **extractor de
características** de wav2vec2 rellena con ceros los audios cortos hasta el más largo del
lote y normaliza cada audio a media 0 y varianza 1. Completa dos funciones:

- ``remuestrear(audio, frecuencia_original, frecuencia_nueva=16000)``: devuelve el audio
  (un array de numpy) remuestreado con ``scipy.signal.resample_poly(audio,
  frecuencia_nueva, frecuencia_original)``, como array de ``float32``. Un segundo de audio
  sigue durando un segundo: tiene ``frecuencia_nueva`` muestras.
- ``preparar_voz(audios, frecuencias)``: recibe una lista de audios y la frecuencia de
  cada uno; los remuestrea todos a 16 000 Hz con ``remuestrear`` y los pasa juntos por un
  ``Wav2Vec2FeatureExtractor`` creado con ``feature_size=1``, ``sampling_rate=16000``,
  ``padding_value=0.0``, ``do_normalize=True`` y ``return_attention_mask=True``. Llámalo
  con ``sampling_rate=16000``, ``padding=True`` y ``return_tensors="np"``, y devuelve lo
  que devuelve: un diccionario con ``input_values`` (audios × muestras del más largo) y
  ``attention_mask`` (1 en las muestras reales, 0 en el relleno).

¿Por qué ``return_attention_mask=True``? Con la máscara, el extractor calcula la media y la
varianza de cada audio **solo con sus muestras reales** y deja el relleno a 0. Sin ella,
los ceros del relleno entrarían en la cuenta y un audio corto no quedaría con media 0.

Ejemplo::

    >>> tono = np.sin(2 * np.pi * 440 * np.arange(44100) / 44100)   # 1 s a 44 100 Hz
    >>> remuestrear(tono, 44100).shape
    (16000,)
    >>> lote = preparar_voz([tono, tono[:22050]], [44100, 44100])   # 1 s y 0,5 s
    >>> lote["input_values"].shape, lote["attention_mask"].sum(axis=1).tolist()
    ((2, 16000), [16000, 8000])

Capítulo: «Hugging Face más allá del texto», sección 3 (De voz a texto).
"""

import numpy as np
from scipy.signal import resample_poly
from transformers import Wav2Vec2FeatureExtractor


def remuestrear(audio, frecuencia_original, frecuencia_nueva=16000):
    audio = np.asarray(audio, dtype=np.float32)
    return resample_poly(audio, frecuencia_nueva, frecuencia_original).astype(np.float32)


def preparar_voz(audios, frecuencias):
    a_16k = [remuestrear(audio, frecuencia) for audio, frecuencia in zip(audios, frecuencias)]
    extractor = Wav2Vec2FeatureExtractor(feature_size=1, sampling_rate=16000, padding_value=0.0,
                                         do_normalize=True, return_attention_mask=True)
    return extractor(a_16k, sampling_rate=16000, padding=True, return_tensors="np")
