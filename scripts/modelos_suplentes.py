"""Escribe en una caché de Hugging Face modelos *suplentes* de los que piden los capítulos.

Uso::

    .venv/bin/python scripts/modelos_suplentes.py [--cache CARPETA]
        [--tamano diminuto|completo] [--modelos ID [ID ...]] [--borrar]

    HF_HOME=CARPETA HF_HUB_OFFLINE=1 .venv/bin/python scripts/ejecutar.py book/NOMBRE.md

Sin conexión, :func:`transferencia.modelos.resolver_modelo_base` cae en el respaldo
all-MiniLM-L6-v2, así que la otra rama de los capítulos (la del Hub: DistilBERT, un
tokenizador sin ``token_type_ids``, un vocabulario con mayúsculas...) nunca se ejecuta.
Este script la hace ejecutable sin internet: guarda, **con los identificadores exactos
del Hub**, modelos de las mismas clases de arquitectura con **pesos aleatorios** (semilla
fija) y tokenizadores del mismo tipo, en la estructura real de la caché de
``huggingface_hub`` (``hub/models--org--nombre/{blobs,snapshots/<revisión>,refs/main}``).
Con ``HF_HOME=CARPETA`` y ``HF_HUB_OFFLINE=1``, ``resolver_modelo_base`` los encuentra
(origen ``"cache"``) y ``from_pretrained(id)`` los carga.

``CARPETA`` hace de ``HF_HOME`` (por defecto, la variable ``HF_HOME`` o
``_build/hf_suplentes``). Cada ``config.json`` lleva el campo ``suplente_del_curso``; el
script se niega a tocar un modelo de la caché que no lo lleve (uno descargado de verdad).
**Cuidado** con escribirlos en el ``HF_HOME`` de siempre: mientras estén ahí, sin conexión
los capítulos los cargarán como si fueran los del Hub. ``--borrar`` los quita.

Los modelos (los cuatro por defecto, o los de ``--modelos``):

- ``distilbert/distilbert-base-uncased``: ``DistilBertForMaskedLM`` (lo que tiene el
  repositorio del Hub) con el vocabulario WordPiece sin mayúsculas de 30 522 piezas que
  all-MiniLM-L6-v2 comparte con DistilBERT, guardado como ``DistilBertTokenizer`` (que en
  transformers 5 es también ``DistilBertTokenizerFast``): no devuelve ``token_type_ids``.
- ``distilbert/distilbert-base-multilingual-cased``: ``DistilBertForMaskedLM`` con un
  tokenizador WordPiece **con mayúsculas y tildes** aprendido aquí mismo con los textos
  de ``data/`` (:data:`PIEZAS_MULTILINGUE` piezas). El de verdad tiene 119 547 piezas; con
  los textos del curso no se pueden aprender más de unas 14 000, así que en tamaño
  ``completo`` el vocabulario se rellena con piezas ``[unusedN]`` (que nunca aparecen al
  tokenizar) hasta 119 547: la matriz de *embeddings* tiene el tamaño real.
- ``sentence-transformers/all-MiniLM-L6-v2``: ``BertModel`` con el tokenizador del
  respaldo (el mismo del Hub) y los archivos de sentence-transformers.
- ``facebook/bart-large-cnn``: ``BartForConditionalGeneration`` con un tokenizador BPE de
  bytes aprendido con los textos de ``data/`` (:data:`PIEZAS_BART` piezas; en tamaño
  ``completo``, rellenado con piezas ``<relleno_N>`` hasta las 50 264 filas reales) y la
  configuración de generación del Hub (4 haces, entre 56 y 142 *tokens*, sin repetir
  trigramas).

Tamaños: ``diminuto`` (2 capas, dimensión 64: 0,5-2 M de parámetros, un capítulo entrena
en segundos) y ``completo`` (las configuraciones reales de cada modelo del Hub: 67 M,
135 M, 22,7 M y 406 M de parámetros; con pesos aleatorios, un paso de entrenamiento cuesta
lo mismo que con los de verdad; ocupan unos 2,5 GB, 1,6 de ellos BART). **Sus predicciones
no significan nada**: sirven para probar el código, no las cifras.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import os
import shutil
import string
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RAIZ))

import torch  # noqa: E402

from transferencia import rutas  # noqa: E402
from transferencia.modelos import (MODELO_INGLES, MODELO_MULTILINGUE, NOMBRE_RESPALDO,  # noqa: E402
                                   ruta_respaldo)
from transferencia.semillas import SEMILLA, fijar_semilla  # noqa: E402

#: Modelo del capítulo de herramientas preentrenadas (resumen abstractivo).
MODELO_BART = "facebook/bart-large-cnn"
#: Los identificadores del Hub que este script sabe suplir, en el orden en que los escribe.
MODELOS = (MODELO_INGLES, MODELO_MULTILINGUE, NOMBRE_RESPALDO, MODELO_BART)
TAMANOS = ("diminuto", "completo")
#: Campo que marca cada ``config.json`` como suplente, y su valor.
MARCA = "suplente_del_curso"
TEXTO_MARCA = "pesos aleatorios: solo para probar la ruta del Hub sin conexión"
#: Carpeta por defecto (hace de ``HF_HOME``) si no se da ``--cache`` ni ``HF_HOME``.
CACHE_POR_DEFECTO = RAIZ / "_build" / "hf_suplentes"

#: Piezas del tokenizador WordPiece con mayúsculas que se aprende con ``data/``.
PIEZAS_MULTILINGUE = 6000
#: Vocabulario real de distilbert-base-multilingual-cased.
VOCABULARIO_MULTILINGUE_REAL = 119_547
#: Piezas del tokenizador BPE de bytes (BART) que se aprende con ``data/``.
PIEZAS_BART = 4000
#: Vocabulario real de facebook/bart-large-cnn (``vocab_size`` de su ``config.json``).
VOCABULARIO_BART_REAL = 50_264
#: Especiales de WordPiece en las posiciones del vocabulario de BERT: [PAD]=0, [UNK]=100,
#: [CLS]=101, [SEP]=102, [MASK]=103.
ESPECIALES_WORDPIECE = (["[PAD]"] + [f"[unused{i}]" for i in range(1, 100)]
                        + ["[UNK]", "[CLS]", "[SEP]", "[MASK]"])
#: Marca de inicio de palabra con la que se aprende el vocabulario WordPiece.
MARCA_PALABRA = "\u2581"
#: Caracteres que el vocabulario WordPiece con mayúsculas tiene siempre, aparezcan o no en
#: ``data/`` (sin ellos, una palabra como «Ñandú» sería entera ``[UNK]``).
ALFABETO_BASICO = (string.ascii_letters + string.digits + string.punctuation
                   + "ÁÉÍÓÚÜÑáéíóúüñ¿¡«»ÀÈÌÒÙàèìòùÇçÂÊÎÔÛâêîôûÄËÏÖäëïö€ºª")

#: Arquitectura de distilbert-base-uncased y distilbert-base-multilingual-cased (Hub).
DISTILBERT_REAL = dict(dim=768, n_layers=6, n_heads=12, hidden_dim=3072)
DISTILBERT_DIMINUTO = dict(dim=64, n_layers=2, n_heads=4, hidden_dim=128)
#: Arquitectura de all-MiniLM-L6-v2 (la del respaldo).
MINILM_REAL = dict(hidden_size=384, num_hidden_layers=6, num_attention_heads=12,
                   intermediate_size=1536)
MINILM_DIMINUTO = dict(hidden_size=64, num_hidden_layers=2, num_attention_heads=4,
                       intermediate_size=128)
#: Arquitectura de facebook/bart-large-cnn.
BART_REAL = dict(d_model=1024, encoder_layers=12, decoder_layers=12, encoder_attention_heads=16,
                 decoder_attention_heads=16, encoder_ffn_dim=4096, decoder_ffn_dim=4096)
BART_DIMINUTO = dict(d_model=64, encoder_layers=2, decoder_layers=2, encoder_attention_heads=4,
                     decoder_attention_heads=4, encoder_ffn_dim=128, decoder_ffn_dim=128)


class ErrorSuplentes(Exception):
    """No se pueden escribir los suplentes (p. ej., la caché ya tiene el modelo de verdad)."""


def miles(numero: int) -> str:
    """Un entero con espacio como separador de miles: ``30 522``."""
    return f"{numero:,}".replace(",", " ")


# --------------------------------------------------------------------------- textos
def textos_del_curso(carpeta: Path | None = None) -> list[str]:
    """Los textos de ``data/`` (todas las celdas de los CSV y las líneas de .txt y .md).

    Es el corpus con el que se aprenden, sin conexión, los tokenizadores de los suplentes
    multilingüe y BART. El orden es fijo (archivos ordenados por ruta).
    """
    carpeta = carpeta or rutas.DATOS
    textos: list[str] = []
    for ruta in sorted(carpeta.rglob("*")):
        if ruta.suffix == ".csv":
            filas = list(csv.reader(io.StringIO(ruta.read_text(encoding="utf-8-sig"), newline="")))
            textos += [celda for fila in filas[1:] for celda in fila if celda.strip()]
        elif ruta.suffix in {".txt", ".md"}:
            textos += [linea for linea in ruta.read_text(encoding="utf-8").splitlines()
                       if linea.strip()]
    if not textos:
        raise ErrorSuplentes(f"No hay textos en {carpeta} para aprender los tokenizadores.")
    return textos


# --------------------------------------------------------------------------- tokenizadores
def tokenizador_ingles():
    """``DistilBertTokenizer`` sin mayúsculas con el vocabulario de all-MiniLM-L6-v2.

    Es el vocabulario ``bert-base-uncased`` de 30 522 piezas que usa también
    distilbert-base-uncased; ``DistilBertTokenizer`` no devuelve ``token_type_ids``.
    """
    from transformers import DistilBertTokenizer
    from transformers.models.bert.tokenization_bert import load_vocab

    vocabulario = dict(load_vocab(str(Path(ruta_respaldo()) / "vocab.txt")))
    return DistilBertTokenizer(vocab=vocabulario, do_lower_case=True, model_max_length=512)


def vocabulario_wordpiece(textos: Iterable[str], piezas: int) -> dict[str, int]:
    """Aprende un vocabulario WordPiece **con mayúsculas y tildes** de ``piezas`` piezas.

    Hace lo mismo que ``tokenizers.trainers.WordPieceTrainer`` (fusiones BPE de los pares
    más frecuentes y conversión a WordPiece), pero siempre con el mismo resultado: el
    entrenador de WordPiece numera las piezas de continuación (``##a``) en el orden de una
    tabla hash de Rust, distinto en cada proceso, y con ello cambia qué fusión gana en los
    empates. Aquí cada palabra lleva delante la marca ``▁`` y se entrena un BPE cuyo
    alfabeto inicial (ordenado) contiene ya todos los símbolos; después ``▁pieza`` pasa a
    ser ``pieza`` (inicio de palabra) y ``pieza`` a ser ``##pieza`` (continuación).
    Los especiales van en las posiciones de BERT ([PAD]=0, [UNK]=100...).
    """
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, trainers

    normalizador = normalizers.BertNormalizer(clean_text=True, handle_chinese_chars=True,
                                              strip_accents=False, lowercase=False)
    separador = pre_tokenizers.BertPreTokenizer()
    lineas = [" ".join(MARCA_PALABRA + palabra for palabra, _ in
                       separador.pre_tokenize_str(normalizador.normalize_str(texto)))
              for texto in textos]
    alfabeto = sorted(({c for linea in lineas for c in linea} | set(ALFABETO_BASICO))
                      - {MARCA_PALABRA} - set(string.whitespace))
    bpe = Tokenizer(models.BPE())
    bpe.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    entrenador = trainers.BpeTrainer(vocab_size=piezas + len(alfabeto) + 200,
                                     initial_alphabet=[MARCA_PALABRA, *alfabeto],
                                     limit_alphabet=len(alfabeto) + 1, show_progress=False)
    bpe.train_from_iterator(lineas, entrenador)
    vocabulario: dict[str, int] = {}
    candidatas = [*ESPECIALES_WORDPIECE, *alfabeto, *(f"##{c}" for c in alfabeto)]
    for pieza in sorted(bpe.get_vocab().items(), key=lambda par: par[1]):
        texto = pieza[0]
        if texto.startswith(MARCA_PALABRA):
            texto = texto[len(MARCA_PALABRA):]
            if texto:
                candidatas.append(texto)
        elif texto:
            candidatas.append(f"##{texto}")
    for pieza in candidatas:
        if len(vocabulario) == piezas:
            break
        vocabulario.setdefault(pieza, len(vocabulario))
    return vocabulario


def tokenizador_multilingue(textos: Iterable[str], tamano_vocabulario: int | None = None):
    """``DistilBertTokenizer`` WordPiece **con mayúsculas y tildes** aprendido con ``textos``.

    Aprende :data:`PIEZAS_MULTILINGUE` piezas con :func:`vocabulario_wordpiece`. Si
    ``tamano_vocabulario`` es mayor, rellena el vocabulario con piezas ``[unusedN]`` hasta
    ese tamaño: nunca salen al tokenizar, solo dan a la matriz de *embeddings* el tamaño
    del modelo real.
    """
    from transformers import DistilBertTokenizer

    vocabulario = vocabulario_wordpiece(textos, PIEZAS_MULTILINGUE)
    siguiente = 100
    while tamano_vocabulario and len(vocabulario) < tamano_vocabulario:
        pieza = f"[unused{siguiente}]"
        siguiente += 1
        if pieza not in vocabulario:
            vocabulario[pieza] = len(vocabulario)
    # Como en el Hub: do_lower_case=False y strip_accents sin fijar (sigue a do_lower_case).
    return DistilBertTokenizer(vocab=vocabulario, do_lower_case=False, model_max_length=512)


def tokenizador_bart(textos: Iterable[str], tamano_vocabulario: int | None = None):
    """Tokenizador BPE de bytes de BART aprendido con ``textos``.

    Los especiales están donde los tiene BART (``<s>``=0, ``<pad>``=1, ``</s>``=2,
    ``<unk>``=3) y ``<mask>`` es la última pieza. Si ``tamano_vocabulario`` es mayor que
    lo aprendido, se rellena con piezas ``<relleno_N>`` antes de ``<mask>``.
    """
    from tokenizers import Tokenizer, models, pre_tokenizers, trainers
    from transformers import BartTokenizer

    tokenizador = Tokenizer(models.BPE())
    tokenizador.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    entrenador = trainers.BpeTrainer(vocab_size=PIEZAS_BART,
                                     special_tokens=["<s>", "<pad>", "</s>", "<unk>"],
                                     initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
                                     show_progress=False)
    tokenizador.train_from_iterator(list(textos), entrenador)
    modelo = json.loads(tokenizador.to_str())["model"]
    vocabulario = dict(modelo["vocab"])
    fusiones = [tuple(f.split(" ")) if isinstance(f, str) else tuple(f) for f in modelo["merges"]]
    siguiente = 0
    while tamano_vocabulario and len(vocabulario) < tamano_vocabulario - 1:
        vocabulario[f"<relleno_{siguiente}>"] = len(vocabulario)
        siguiente += 1
    vocabulario["<mask>"] = len(vocabulario)
    return BartTokenizer(vocab=vocabulario, merges=fusiones, add_prefix_space=False,
                         model_max_length=1024)


# --------------------------------------------------------------------------- modelos
def _marcar(config) -> None:
    setattr(config, MARCA, TEXTO_MARCA)


def suplente_ingles(tamano: str):
    """(modelo, tokenizador, archivos extra) del suplente de distilbert-base-uncased."""
    from transformers import DistilBertConfig, DistilBertForMaskedLM

    tokenizador = tokenizador_ingles()
    dimensiones = DISTILBERT_REAL if tamano == "completo" else DISTILBERT_DIMINUTO
    config = DistilBertConfig(vocab_size=30_522, max_position_embeddings=512, pad_token_id=0,
                              **dimensiones)
    _marcar(config)
    fijar_semilla(SEMILLA)
    return DistilBertForMaskedLM(config), tokenizador, {}


def suplente_multilingue(tamano: str, textos: list[str]):
    """(modelo, tokenizador, archivos extra) del suplente de distilbert-base-multilingual-cased."""
    from transformers import DistilBertConfig, DistilBertForMaskedLM

    real = tamano == "completo"
    tokenizador = tokenizador_multilingue(textos, VOCABULARIO_MULTILINGUE_REAL if real else None)
    dimensiones = DISTILBERT_REAL if real else DISTILBERT_DIMINUTO
    config = DistilBertConfig(vocab_size=len(tokenizador), max_position_embeddings=512,
                              pad_token_id=0, **dimensiones)
    _marcar(config)
    fijar_semilla(SEMILLA)
    return DistilBertForMaskedLM(config), tokenizador, {}


def suplente_minilm(tamano: str):
    """(modelo, tokenizador, archivos extra) del suplente de all-MiniLM-L6-v2.

    El tokenizador es el del respaldo, tal cual. Los archivos extra son los de
    sentence-transformers (con la dimensión del agrupamiento ajustada al tamaño).
    """
    from transformers import AutoTokenizer, BertConfig, BertModel

    respaldo = Path(ruta_respaldo())
    tokenizador = AutoTokenizer.from_pretrained(str(respaldo))
    dimensiones = MINILM_REAL if tamano == "completo" else MINILM_DIMINUTO
    config = BertConfig(vocab_size=30_522, max_position_embeddings=512, type_vocab_size=2,
                        pad_token_id=0, **dimensiones)
    _marcar(config)
    fijar_semilla(SEMILLA)
    modelo = BertModel(config)
    extra = {}
    for nombre in ("modules.json", "sentence_bert_config.json", "config_sentence_transformers.json"):
        if (respaldo / nombre).exists():
            extra[nombre] = (respaldo / nombre).read_bytes()
    agrupamiento = respaldo / "1_Pooling" / "config.json"
    if agrupamiento.exists():
        datos = json.loads(agrupamiento.read_text(encoding="utf-8"))
        datos["word_embedding_dimension"] = config.hidden_size
        extra["1_Pooling/config.json"] = json.dumps(datos, indent=2).encode("utf-8")
    return modelo, tokenizador, extra


def suplente_bart(tamano: str, textos: list[str]):
    """(modelo, tokenizador, archivos extra) del suplente de facebook/bart-large-cnn."""
    from transformers import BartConfig, BartForConditionalGeneration, GenerationConfig

    real = tamano == "completo"
    tokenizador = tokenizador_bart(textos, VOCABULARIO_BART_REAL if real else None)
    dimensiones = BART_REAL if real else BART_DIMINUTO
    config = BartConfig(vocab_size=len(tokenizador), max_position_embeddings=1024,
                        pad_token_id=1, bos_token_id=0, eos_token_id=2, decoder_start_token_id=2,
                        forced_bos_token_id=0, forced_eos_token_id=2, scale_embedding=False,
                        **dimensiones)
    _marcar(config)
    fijar_semilla(SEMILLA)
    modelo = BartForConditionalGeneration(config)
    # La configuración de generación del Hub (resumen de noticias CNN/DailyMail).
    modelo.generation_config = GenerationConfig(
        bos_token_id=0, decoder_start_token_id=2, eos_token_id=2, forced_bos_token_id=0,
        forced_eos_token_id=2, pad_token_id=1, num_beams=4, max_length=142, min_length=56,
        length_penalty=2.0, no_repeat_ngram_size=3, early_stopping=True)
    return modelo, tokenizador, {}


# --------------------------------------------------------------------------- caché
def carpeta_repo(cache: Path, modelo_id: str) -> Path:
    """``CACHE/hub/models--org--nombre``: donde ``huggingface_hub`` guarda ``modelo_id``."""
    return Path(cache) / "hub" / ("models--" + modelo_id.replace("/", "--"))


def revision_ficticia(modelo_id: str, tamano: str) -> str:
    """Una revisión de 40 cifras hexadecimales, siempre la misma para (modelo, tamaño)."""
    return hashlib.sha1(f"{MARCA}:{modelo_id}:{tamano}".encode("utf-8")).hexdigest()


def es_suplente(carpeta_snapshot: Path) -> bool:
    """``True`` si el ``config.json`` de esa instantánea lleva la marca de suplente."""
    config = carpeta_snapshot / "config.json"
    try:
        return MARCA in json.loads(config.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False


def _comprobar_que_se_puede_sobrescribir(repo: Path, modelo_id: str) -> None:
    if not repo.exists():
        return
    instantaneas = sorted((repo / "snapshots").glob("*")) if (repo / "snapshots").exists() else []
    reales = [s.name for s in instantaneas if not es_suplente(s)]
    if reales or not instantaneas:
        raise ErrorSuplentes(
            f"{repo} ya tiene {modelo_id} y no es un suplente de este script (quizá el modelo "
            "de verdad, descargado del Hub). No se toca: elige otra carpeta con --cache.")


def _huella(ruta: Path) -> str:
    """Nombre del *blob*: SHA-256 para los pesos (como Git LFS) y SHA-1 de Git para el resto."""
    contenido = ruta.read_bytes()
    if ruta.suffix in {".safetensors", ".bin"}:
        return hashlib.sha256(contenido).hexdigest()
    return hashlib.sha1(b"blob %d\0" % len(contenido) + contenido).hexdigest()


def guardar_en_cache(cache: Path, modelo_id: str, tamano: str, modelo, tokenizador,
                     extra: dict[str, bytes]) -> Path:
    """Guarda ``modelo`` y ``tokenizador`` como lo haría ``huggingface_hub`` al descargarlos.

    Escribe ``blobs/<huella>``, ``snapshots/<revisión>/<archivo>`` (enlaces simbólicos
    relativos a los *blobs*, o copias si el sistema no los admite) y ``refs/main``.
    Devuelve la carpeta de la instantánea.
    """
    repo = carpeta_repo(cache, modelo_id)
    _comprobar_que_se_puede_sobrescribir(repo, modelo_id)
    repo.parent.mkdir(parents=True, exist_ok=True)
    revision = revision_ficticia(modelo_id, tamano)
    with tempfile.TemporaryDirectory(dir=repo.parent, prefix=".suplente-") as temporal:
        guardado = Path(temporal) / "guardado"
        modelo.save_pretrained(guardado)
        tokenizador.save_pretrained(guardado)
        for nombre, contenido in extra.items():
            (guardado / nombre).parent.mkdir(parents=True, exist_ok=True)
            (guardado / nombre).write_bytes(contenido)
        (guardado / "README.md").write_text(
            f"# {modelo_id} (suplente del curso)\n\n"
            f"Modelo **con pesos aleatorios** (semilla {SEMILLA}, tamaño «{tamano}») escrito por "
            "`scripts/modelos_suplentes.py` del *Curso de Transfer Learning*. Tiene la misma "
            "arquitectura y el mismo tipo de tokenizador que el modelo del Hub, pero no sabe "
            "nada: solo sirve para probar sin conexión el código que usa este identificador.\n",
            encoding="utf-8")

        nuevo = Path(temporal) / "repo"
        instantanea = nuevo / "snapshots" / revision
        (nuevo / "blobs").mkdir(parents=True)
        (nuevo / "refs").mkdir()
        (nuevo / "refs" / "main").write_text(revision, encoding="utf-8")
        for archivo in sorted(p for p in guardado.rglob("*") if p.is_file()):
            relativa = archivo.relative_to(guardado)
            blob = nuevo / "blobs" / _huella(archivo)
            if not blob.exists():
                shutil.move(str(archivo), blob)
            enlace = instantanea / relativa
            enlace.parent.mkdir(parents=True, exist_ok=True)
            try:
                enlace.symlink_to(os.path.relpath(repo / "blobs" / blob.name,
                                                  (repo / "snapshots" / revision / relativa).parent))
            except OSError:  # sistemas sin enlaces simbólicos: copia, como huggingface_hub
                shutil.copy2(blob, enlace)
        if repo.exists():
            shutil.rmtree(repo)
        nuevo.rename(repo)
    return repo / "snapshots" / revision


def escribir_suplentes(cache: Path, tamano: str = "diminuto",
                       modelos: Iterable[str] | None = None) -> list[dict]:
    """Escribe los suplentes pedidos en ``cache`` (que hace de ``HF_HOME``).

    Devuelve, para cada modelo, un diccionario con ``id``, ``clase``, ``parametros``,
    ``vocabulario`` (piezas del tokenizador), ``tamano_vocabulario`` (filas de la matriz de
    *embeddings*) e ``instantanea`` (carpeta escrita).
    """
    if tamano not in TAMANOS:
        raise ErrorSuplentes(f"Tamaño «{tamano}» desconocido: usa «diminuto» o «completo».")
    pedidos = list(modelos or MODELOS)
    desconocidos = [m for m in pedidos if m not in MODELOS]
    if desconocidos:
        raise ErrorSuplentes(f"No sé suplir {desconocidos}: elige entre {list(MODELOS)}.")
    # Se comprueba todo antes de escribir nada.
    for modelo_id in pedidos:
        _comprobar_que_se_puede_sobrescribir(carpeta_repo(cache, modelo_id), modelo_id)
    textos = textos_del_curso() if {MODELO_MULTILINGUE, MODELO_BART} & set(pedidos) else []
    fabricas = {
        MODELO_INGLES: lambda: suplente_ingles(tamano),
        MODELO_MULTILINGUE: lambda: suplente_multilingue(tamano, textos),
        NOMBRE_RESPALDO: lambda: suplente_minilm(tamano),
        MODELO_BART: lambda: suplente_bart(tamano, textos),
    }
    escritos = []
    for modelo_id in MODELOS:
        if modelo_id not in pedidos:
            continue
        modelo, tokenizador, extra = fabricas[modelo_id]()
        instantanea = guardar_en_cache(cache, modelo_id, tamano, modelo, tokenizador, extra)
        escritos.append({
            "id": modelo_id,
            "clase": type(modelo).__name__,
            "clase_tokenizador": type(tokenizador).__name__,
            "parametros": sum(p.numel() for p in modelo.parameters()),
            "vocabulario": len(tokenizador),
            "tamano_vocabulario": modelo.config.vocab_size,
            "instantanea": str(instantanea),
        })
        del modelo
    return escritos


def borrar_suplentes(cache: Path, modelos: Iterable[str] | None = None) -> list[str]:
    """Borra de ``cache`` los suplentes de ``modelos`` (todos por defecto); nunca un modelo
    de verdad. Devuelve los identificadores borrados."""
    borrados = []
    for modelo_id in list(modelos or MODELOS):
        repo = carpeta_repo(cache, modelo_id)
        if repo.exists():
            _comprobar_que_se_puede_sobrescribir(repo, modelo_id)
            shutil.rmtree(repo)
            borrados.append(modelo_id)
    return borrados


def main(argv: list[str] | None = None) -> int:
    torch.set_num_threads(1)
    analizador = argparse.ArgumentParser(
        description="Escribe en una caché de Hugging Face modelos suplentes (pesos aleatorios) "
                    "con los identificadores del Hub que usan los capítulos.")
    analizador.add_argument("--cache", type=Path,
                            default=Path(os.environ.get("HF_HOME") or CACHE_POR_DEFECTO),
                            help="carpeta que hará de HF_HOME (por defecto $HF_HOME o "
                                 "_build/hf_suplentes)")
    analizador.add_argument("--tamano", choices=TAMANOS, default="diminuto",
                            help="diminuto (2 capas, dimensión 64) o completo (las "
                                 "configuraciones reales del Hub)")
    analizador.add_argument("--modelos", nargs="+", choices=MODELOS, metavar="ID",
                            help=f"solo estos modelos (por defecto, todos: {', '.join(MODELOS)})")
    analizador.add_argument("--borrar", action="store_true",
                            help="borra los suplentes de la caché (nunca un modelo de verdad)")
    opciones = analizador.parse_args(argv)
    cache = opciones.cache.resolve()
    if opciones.borrar:
        try:
            borrados = borrar_suplentes(cache, opciones.modelos)
        except ErrorSuplentes as error:
            print(f"Error: {error}", file=sys.stderr)
            return 1
        print(f"Suplentes borrados de {cache / 'hub'}: {', '.join(borrados) or 'ninguno'}.")
        return 0

    import transformers
    from huggingface_hub.utils import disable_progress_bars

    transformers.logging.set_verbosity_error()
    transformers.logging.disable_progress_bar()
    disable_progress_bars()
    try:
        escritos = escribir_suplentes(cache, opciones.tamano, opciones.modelos)
    except ErrorSuplentes as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    print(f"Modelos suplentes (pesos aleatorios, semilla {SEMILLA}, tamaño «{opciones.tamano}») "
          f"escritos en {cache / 'hub'}:")
    for e in escritos:
        vocabulario = (f"{miles(e['vocabulario'])} piezas" if e["vocabulario"] == e["tamano_vocabulario"]
                       else f"{miles(e['vocabulario'])} piezas, {miles(e['tamano_vocabulario'])} filas "
                            "de embeddings")
        print(f"  {e['id']}: {e['clase']}, {miles(e['parametros'])} parámetros, "
              f"{e['clase_tokenizador']} ({vocabulario})")
        print(f"      {e['instantanea']}")
    print("Para usarlos sin conexión:")
    print(f"  HF_HOME={cache} HF_HUB_OFFLINE=1 .venv/bin/python scripts/ejecutar.py book/NOMBRE.md")
    print("Sus predicciones no significan nada: prueban el código, no las cifras. Mientras estén "
          "en esa caché, sin conexión los capítulos que la usen los cargarán como si fueran los "
          "del Hub (resolver_modelo_base dirá «cache»). Para quitarlos:")
    print(f"  .venv/bin/python scripts/modelos_suplentes.py --cache {cache} --borrar")
    return 0


if __name__ == "__main__":
    sys.exit(main())
