"""Clasificar sonidos con el pipeline «audio-classification».

Un clasificador de audio de Hugging Face se usa como cualquier otro ``pipeline``: cambian
la tarea y la entrada, un diccionario con las muestras y su frecuencia. Completa
``clasificar_sonidos(ruta, sonidos, k=3)``:

- ``ruta`` es la carpeta de un clasificador de audio guardado con ``save_pretrained`` (un
  modelo wav2vec2 y su extractor de características), como las del capítulo; cárgala con
  ``pipeline("audio-classification", model=ruta, device="cpu")``. Crear el ``pipeline`` lee
  el modelo del disco: hazlo **una sola vez**, no una vez por sonido;
- ``sonidos`` es un diccionario ``{nombre: audio}``, con cada audio como array de numpy
  de ``float32`` muestreado a 16 000 Hz. Pasa cada audio al ``pipeline`` como
  ``{"raw": audio, "sampling_rate": 16000}`` y pide las ``k`` etiquetas más probables con
  ``top_k=k``;
- devuelve un diccionario ``{nombre: resultado}`` con los mismos nombres, en el mismo
  orden, y como resultado la lista que devuelve el ``pipeline``: ``k`` diccionarios
  ``{"label": ..., "score": ...}``, del más probable al menos probable. Si ``k`` es mayor
  que el número de etiquetas del modelo, el ``pipeline`` las devuelve todas.

Ejemplo (con ``ruta_audio``, el clasificador diminuto sin entrenar, y el ``tono`` de
440 Hz de la sección 4 del capítulo)::

    >>> silencio = np.zeros(8000, dtype=np.float32)                  # 0,5 s
    >>> resultados = clasificar_sonidos(ruta_audio, {"tono": tono, "silencio": silencio}, k=2)
    >>> list(resultados)
    ['tono', 'silencio']
    >>> resultados["tono"]                                  # sin entrenar: todas rondan 0,25
    [{'score': 0.2513834238052368, 'label': 'abajo'}, {'score': 0.25090059638023376, 'label': 'sí'}]

Capítulo: «Hugging Face más allá del texto», sección 4 (Clasificar sonidos).
"""

from transformers import pipeline


def clasificar_sonidos(ruta, sonidos, k=3):
    raise NotImplementedError
