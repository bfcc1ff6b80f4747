from collections.abc import Mapping

import numpy as np
from comprobaciones import comprobar, llamar
from scipy.signal import resample_poly
from transformers import Wav2Vec2FeatureExtractor


def tono(hercios, segundos, frecuencia, desplazamiento=0.0):
    """Un tono puro (más un desplazamiento constante) muestreado a ``frecuencia`` Hz."""
    t = np.arange(int(segundos * frecuencia)) / frecuencia
    return (0.4 * np.sin(2 * np.pi * hercios * t) + desplazamiento).astype(np.float32)


def referencia(audios, frecuencias):
    extractor = Wav2Vec2FeatureExtractor(feature_size=1, sampling_rate=16000, padding_value=0.0,
                                         do_normalize=True, return_attention_mask=True)
    a_16k = [resample_poly(a, 16000, f).astype(np.float32) for a, f in zip(audios, frecuencias)]
    return extractor(a_16k, sampling_rate=16000, padding=True, return_tensors="np")


AUDIOS = [tono(300, 0.25, 8000, 0.2), tono(440, 0.5, 44100), tono(200, 0.1, 16000, -0.1)]
FRECUENCIAS = [8000, 44100, 16000]
ENTRADA = ("3 tonos: 0,25 s a 8000 Hz (con desplazamiento +0,2), 0,5 s a 44 100 Hz y 0,1 s a "
           "16 000 Hz (con desplazamiento −0,1); frecuencias=[8000, 44100, 16000]")


def preparar(ejercicio):
    lote = llamar(ejercicio, "preparar_voz", [a.copy() for a in AUDIOS], list(FRECUENCIAS))
    if not isinstance(lote, Mapping):
        comprobar(lote, "un diccionario con input_values y attention_mask", ENTRADA, tipo=Mapping,
                  pista="Devuelve lo que devuelve el extractor (un BatchFeature, que se usa como "
                        "un diccionario).")
    comprobar(sorted(lote.keys()), ["attention_mask", "input_values"],
              ENTRADA + " (claves del resultado)",
              pista="Crea el extractor con return_attention_mask=True para que devuelva también "
                    "attention_mask.")
    valores, mascara = (np.asarray(lote[k]) for k in ("input_values", "attention_mask"))
    comprobar(list(valores.shape), [3, 8000], ENTRADA + " (forma de input_values)",
              pista="Remuestrea cada audio a 16 000 Hz (4000, 8000 y 1600 muestras) y pide "
                    "padding=True para rellenar hasta el más largo.")
    return valores, mascara


def test_remuestrear(ejercicio):
    for hercios, segundos, original in [(440, 0.5, 44100), (300, 0.25, 8000), (1000, 0.2, 48000)]:
        audio = tono(hercios, segundos, original)
        duracion = str(segundos).replace(".", ",")  # coma decimal en los mensajes
        entrada = (f"un tono de {hercios} Hz de {duracion} s muestreado a {original} Hz "
                   f"({len(audio)} muestras), frecuencia_original={original}")
        obtenido = llamar(ejercicio, "remuestrear", audio.copy(), original)
        if not isinstance(obtenido, np.ndarray):
            comprobar(obtenido, "un array de numpy", entrada, tipo=np.ndarray)
        esperado = resample_poly(audio, 16000, original).astype(np.float32)
        comprobar(len(obtenido), len(esperado), entrada + " (número de muestras a 16 000 Hz)",
                  pista=f"{duracion} s a 16 000 Hz son {len(esperado)} muestras. El orden de "
                        "resample_poly es (audio, frecuencia_nueva, frecuencia_original).")
        comprobar(str(obtenido.dtype), "float32", entrada + " (tipo de las muestras)",
                  pista="Convierte el resultado con .astype(np.float32).")
        diferencia = float(np.abs(obtenido - esperado).max())
        comprobar(diferencia < 1e-4, True,
                  entrada + f" (¿diferencia máxima con resample_poly {diferencia:.2g} < 0,0001?)",
                  pista="Usa scipy.signal.resample_poly(audio, frecuencia_nueva, frecuencia_original).")


def test_rellena_hasta_el_mas_largo_con_mascara(ejercicio):
    valores, mascara = preparar(ejercicio)
    comprobar(mascara.sum(axis=1).tolist(), [4000, 8000, 1600],
              ENTRADA + " (muestras reales de cada audio: suma de cada fila de attention_mask)",
              pista="La máscara tiene un 1 por cada muestra real a 16 000 Hz y un 0 por cada "
                    "muestra de relleno.")
    comprobar(float(np.abs(valores[mascara == 0]).max()), 0.0,
              ENTRADA + " (mayor valor absoluto en las posiciones de relleno)",
              pista="El relleno debe quedar a 0: padding_value=0.0 y return_attention_mask=True.")


def test_normaliza_solo_las_muestras_reales(ejercicio):
    valores, mascara = preparar(ejercicio)
    medias = [round(float(v[m == 1].mean()), 3) for v, m in zip(valores, mascara)]
    desviaciones = [round(float(v[m == 1].std()), 3) for v, m in zip(valores, mascara)]
    comprobar({"medias": medias, "desviaciones": desviaciones},
              {"medias": [0.0, 0.0, 0.0], "desviaciones": [1.0, 1.0, 1.0]},
              ENTRADA + " (media y desviación típica de las muestras reales de cada audio)",
              tolerancia=2e-3,
              pista="Crea el extractor con do_normalize=True y return_attention_mask=True: con la "
                    "máscara, cada audio se normaliza solo con sus muestras reales, sin contar "
                    "los ceros del relleno.")
    esperado = referencia(AUDIOS, FRECUENCIAS)["input_values"]
    diferencia = float(np.abs(valores - esperado).max())
    comprobar(diferencia < 1e-3, True,
              ENTRADA + f" (¿diferencia máxima con Wav2Vec2FeatureExtractor {diferencia:.2g} < 0,001?)",
              pista="Remuestrea con resample_poly y deja la normalización al extractor.")
