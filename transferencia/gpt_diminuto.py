"""Piezas para preentrenar y ajustar un GPT diminuto en el capítulo de modelos GPT.

- :func:`entrenar_tokenizador_bpe`: un tokenizador BPE pequeño entrenado con nuestro corpus.
- :func:`dividir_bloques`: separa párrafos (o fábulas) en entrenamiento y validación.
- :func:`lote_aleatorio`: trozos de ``contexto`` *tokens* tomados al azar de una secuencia.
- :func:`perdida_media`: pérdida de predicción del siguiente *token* en unos datos.
- :func:`palabras` y :func:`medidas_texto`: cómo es un texto generado (cuántas de sus
  palabras son reales, cuánto se repite), para describirlo con cifras y no a ojo.

El bucle de entrenamiento y la generación de texto están en el propio capítulo,
porque son lo que se quiere enseñar.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Sequence

import numpy as np

#: Caracteres que un texto en español puede tener: letras (con tildes, «ñ» y «ü»), cifras,
#: signos de puntuación y el salto de línea. Se le dan al tokenizador para que ninguno se
#: pierda al codificar un texto que no vio al entrenar.
ALFABETO_ESPANOL = (string.ascii_letters + string.digits + "áéíóúüñÁÉÍÓÚÜÑ"
                    + "\n.,;:¿?¡!«»\"'()-—…")


def entrenar_tokenizador_bpe(textos: Sequence[str], tamano_vocabulario: int = 512,
                             alfabeto: Iterable[str] = ""):
    """Entrena un tokenizador BPE (``tokenizers``) con ``textos``.

    Usa el pre-tokenizador ``Metaspace`` (el de SentencePiece): el espacio se
    convierte en ``▁`` y forma parte de los *tokens*, así que decodificar
    devuelve exactamente el texto original (salvo un espacio al comienzo
    del texto, que se pierde). El vocabulario empieza con los
    caracteres de ``textos`` y crece uniendo los pares más frecuentes hasta
    ``tamano_vocabulario`` piezas.

    No hay *token* desconocido: un carácter que no aparece en ``textos`` ni en
    ``alfabeto`` se pierde al codificar. Los caracteres de ``alfabeto`` (por ejemplo
    :data:`ALFABETO_ESPANOL`) entran en el vocabulario aunque ``textos`` no los tenga:
    así se puede entrenar solo con los textos de entrenamiento y codificar sin pérdidas
    la validación y la prueba (compruébalo decodificando). El vocabulario tiene al menos
    esos caracteres, aunque pasen de ``tamano_vocabulario``.
    """
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers

    tokenizador = Tokenizer(models.BPE())
    tokenizador.pre_tokenizer = pre_tokenizers.Metaspace()
    tokenizador.decoder = decoders.Metaspace()
    entrenador = trainers.BpeTrainer(vocab_size=tamano_vocabulario, show_progress=False,
                                     initial_alphabet=sorted(set(alfabeto)))
    tokenizador.train_from_iterator(list(textos), entrenador)
    return tokenizador


def dividir_bloques(bloques: Sequence[str], validacion: float = 0.1,
                    semilla: int = 0) -> tuple[list[str], list[str]]:
    """Separa ``bloques`` (párrafos, fábulas...) en ``(entrenamiento, validacion)``.

    Se eligen al azar, con ``semilla``, ``round(validacion * len(bloques))``
    bloques (al menos uno) para validación; ambas listas conservan el orden
    original. Así ningún bloque queda partido entre las dos.
    """
    if not 0 < validacion < 1:
        raise ValueError(f"la fracción de validación debe estar entre 0 y 1, no {validacion}.")
    if len(bloques) < 2:
        raise ValueError("hacen falta al menos dos bloques para separar entrenamiento y validación.")
    n_validacion = min(len(bloques) - 1, max(1, round(validacion * len(bloques))))
    elegidos = set(np.random.default_rng(semilla).choice(len(bloques), n_validacion,
                                                         replace=False).tolist())
    entrenamiento = [b for i, b in enumerate(bloques) if i not in elegidos]
    return entrenamiento, [b for i, b in enumerate(bloques) if i in elegidos]


def lote_aleatorio(ids, contexto: int, tamano: int, generador):
    """Lote ``(tamano, contexto)`` de trozos consecutivos de ``ids`` que empiezan al azar.

    ``ids`` es un tensor 1-D de identificadores y ``generador`` un
    ``torch.Generator`` (así el orden de los lotes es reproducible). Para un GPT
    de ``transformers`` basta con pasar el lote como ``input_ids`` y ``labels``:
    el modelo desplaza las etiquetas una posición para predecir el siguiente *token*.
    """
    import torch

    if len(ids) < contexto:
        raise ValueError(f"la secuencia tiene {len(ids)} tokens, menos que el contexto ({contexto}).")
    inicios = torch.randint(0, len(ids) - contexto + 1, (tamano,), generator=generador)
    return torch.stack([ids[i:i + contexto] for i in inicios.tolist()])


def perdida_media(modelo, ids, contexto: int, lote: int = 64) -> float:
    """Pérdida media (entropía cruzada, en *nats*) de predecir cada *token* de ``ids``.

    Recorre ``ids`` en ventanas consecutivas de ``contexto`` *tokens* (la última,
    incompleta, se descarta) sin calcular gradientes, y devuelve la media
    ponderada por el número de predicciones. ``exp`` de este valor es la
    perplejidad. Deja el modelo en el modo (entrenamiento o evaluación) en que estaba.
    """
    import torch

    n_ventanas = len(ids) // contexto
    if n_ventanas == 0:
        raise ValueError(f"la secuencia tiene {len(ids)} tokens, menos que el contexto ({contexto}).")
    ventanas = ids[:n_ventanas * contexto].view(n_ventanas, contexto)
    estaba_entrenando = modelo.training
    modelo.eval()
    total, predicciones = 0.0, 0
    with torch.no_grad():
        for inicio in range(0, n_ventanas, lote):
            x = ventanas[inicio:inicio + lote]
            n = x.shape[0] * (contexto - 1)
            total += float(modelo(input_ids=x, labels=x).loss) * n
            predicciones += n
    modelo.train(estaba_entrenando)
    return total / predicciones


def palabras(texto: str) -> list[str]:
    """Las palabras de ``texto``, en minúsculas y sin signos de puntuación ni cifras.

    >>> palabras("¡Había una vez, en 1990, un río!")
    ['había', 'una', 'vez', 'en', 'un', 'río']
    """
    return re.findall(r"[a-záéíóúüñ]+", texto.lower())


def medidas_texto(texto: str, diccionario: set[str]) -> dict[str, float]:
    """Cómo es un texto generado, en cifras.

    Devuelve un diccionario con:

    - ``"palabras"``: cuántas palabras tiene (:func:`palabras`);
    - ``"reales"``: la fracción de sus palabras que están en ``diccionario`` (por
      ejemplo, las palabras de los textos de entrenamiento); 0 si no tiene palabras;
    - ``"repetidos"``: la fracción de sus trigramas (tres palabras seguidas) que ya
      habían salido antes en el mismo texto: un modelo que se queda en un bucle da
      valores altos; 0 si tiene menos de tres palabras.
    """
    lista = palabras(texto)
    trigramas = list(zip(lista, lista[1:], lista[2:]))
    return {"palabras": len(lista),
            "reales": float(np.mean([p in diccionario for p in lista])) if lista else 0.0,
            "repetidos": 1 - len(set(trigramas)) / len(trigramas) if trigramas else 0.0}
