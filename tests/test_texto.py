"""Tokenizador español sin conexión para Sumy, palabras vacías y resumen abstractivo."""

import csv

import nltk
import pytest

from transferencia import rutas
from transferencia.texto import (
    TokenizadorEspanol,
    resumir_abstractivo,
    segmentador_oraciones_es,
    stop_words_es,
)

TEXTO = (
    "El Sr. García vive en EE. UU. desde hace años, p. ej. en Texas. "
    "¿Vendrá a Madrid este verano? ¡Claro que sí! "
    "Trae fruta, verdura, queso, etc. y también pan. "
    "La Dra. López midió aprox. 3,5 kg en la báscula núm. 2."
)
ORACIONES = (
    "El Sr. García vive en EE. UU. desde hace años, p. ej. en Texas.",
    "¿Vendrá a Madrid este verano?",
    "¡Claro que sí!",
    "Trae fruta, verdura, queso, etc. y también pan.",
    "La Dra. López midió aprox. 3,5 kg en la báscula núm. 2.",
)


@pytest.fixture
def sin_datos_nltk(monkeypatch):
    """Cualquier intento de leer ``nltk_data`` hace fallar la prueba."""

    def prohibido(*args, **kwargs):
        pytest.fail(f"se intentó leer datos de NLTK: {args}")

    monkeypatch.setattr(nltk.data, "find", prohibido)
    monkeypatch.setattr(nltk.data, "load", prohibido)


def test_oraciones_con_abreviaturas_y_signos_de_apertura(sin_datos_nltk):
    assert TokenizadorEspanol().to_sentences(TEXTO) == ORACIONES


@pytest.mark.parametrize("texto, esperado", [
    # una abreviatura al final de la oración, seguida de una palabra vacía en mayúscula
    ("Vive en EE. UU. La casa es grande.", ("Vive en EE. UU.", "La casa es grande.")),
    ("Compró pan, leche, etc. Luego volvió.", ("Compró pan, leche, etc.", "Luego volvió.")),
    # una letra suelta con punto: inicial de un nombre o final de oración
    ("Brilla en rayos X. En el centro hay un agujero negro.",
     ("Brilla en rayos X.", "En el centro hay un agujero negro.")),
    ("Lo escribió J. R. R. Tolkien en Oxford.", ("Lo escribió J. R. R. Tolkien en Oxford.",)),
    # un número con punto cierra la oración
    ("Ocurrió en 1896. Los atletas eran pocos.", ("Ocurrió en 1896.", "Los atletas eran pocos.")),
    # preguntas y exclamaciones seguidas
    ("¿Qué hora es? ¡Las tres! ¿Ya?", ("¿Qué hora es?", "¡Las tres!", "¿Ya?")),
])
def test_casos_dudosos(texto, esperado):
    assert TokenizadorEspanol().to_sentences(texto) == esperado


def test_el_corpus_del_curso_tiene_10_u_11_oraciones_por_documento():
    """La ficha de ``data/corpus_es`` dice de 10 a 11 oraciones por artículo."""
    with open(rutas.DATOS / "corpus_es" / "documentos.csv", encoding="utf-8", newline="") as f:
        documentos = list(csv.DictReader(f))
    segmentador = segmentador_oraciones_es()
    recuentos = {d["id"]: len(segmentador.tokenize(d["texto"])) for d in documentos}
    fuera = {i: n for i, n in recuentos.items() if not 10 <= n <= 11}
    assert not fuera, f"documentos mal segmentados (id: oraciones): {fuera}"


def test_palabras(sin_datos_nltk):
    tokenizador = TokenizadorEspanol()
    assert tokenizador.to_words("¿Vendrá el Sr. García mañana, p. ej.?") == \
        ("Vendrá", "el", "García", "mañana")
    assert tokenizador.to_words("¡Qué bien sabe el pan de centeno!") == \
        ("Qué", "bien", "sabe", "el", "pan", "de", "centeno")


def test_abreviaturas_propias():
    tokenizador = TokenizadorEspanol(abreviaturas={"sr", "Cía."})
    assert tokenizador.to_sentences("Fue a la Cía. Naviera con el Sr. Pérez. Volvió tarde.") == (
        "Fue a la Cía. Naviera con el Sr. Pérez.", "Volvió tarde.")
    # sin «dra» en la lista, «Dra.» cierra la oración
    assert len(tokenizador.to_sentences("Llamó a la Dra. López.")) == 2


def test_resumen_de_sumy_de_principio_a_fin(sin_datos_nltk):
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer

    with open(rutas.DATOS / "corpus_es" / "documentos.csv", encoding="utf-8", newline="") as f:
        texto = next(d["texto"] for d in csv.DictReader(f) if d["id"] == "d01")
    tokenizador = TokenizadorEspanol()
    documento = PlaintextParser.from_string(texto, tokenizador).document
    oraciones = [str(o) for o in documento.sentences]
    assert len(oraciones) == 10
    assert "¿Por qué no hay un eclipse cada mes?" in oraciones
    assert oraciones[-1] == "¡Unas simples gafas de sol no bastan!"

    resumidor = LexRankSummarizer(Stemmer("spanish"))
    resumidor.stop_words = stop_words_es()
    resumen = [str(o) for o in resumidor(documento, 3)]
    assert len(resumen) == 3
    assert all(o in oraciones for o in resumen)
    assert resumen == sorted(resumen, key=oraciones.index), "el resumen conserva el orden"


def test_stop_words_de_spacy():
    from spacy.lang.es.stop_words import STOP_WORDS
    from sumy.utils import get_stop_words

    palabras = stop_words_es()
    assert palabras == STOP_WORDS
    assert {"de", "la", "que", "el", "en", "y", "los", "además"} <= palabras
    assert len(palabras) > len(get_stop_words("spanish"))


def test_resumir_abstractivo_con_un_bart_diminuto():
    """El camino de generación del capítulo, con un BART aleatorio y el tokenizador
    (tipo BERT, con ``token_type_ids``) del modelo de respaldo: sin conexión."""
    import torch
    from transformers import AutoTokenizer, BartConfig, BartForConditionalGeneration

    from transferencia.modelos import ruta_respaldo

    tokenizador = AutoTokenizer.from_pretrained(ruta_respaldo())
    configuracion = BartConfig(
        vocab_size=tokenizador.vocab_size, d_model=16, encoder_layers=1, decoder_layers=1,
        encoder_attention_heads=2, decoder_attention_heads=2, encoder_ffn_dim=32,
        decoder_ffn_dim=32, max_position_embeddings=64,
        pad_token_id=tokenizador.pad_token_id, bos_token_id=tokenizador.cls_token_id,
        eos_token_id=tokenizador.sep_token_id, decoder_start_token_id=tokenizador.sep_token_id,
    )
    torch.manual_seed(0)
    modelo = BartForConditionalGeneration(configuracion).eval()
    texto = "The Moon passes in front of the Sun and casts its shadow on the Earth. " * 10
    resumen = resumir_abstractivo(texto, modelo, tokenizador, max_tokens_entrada=64,
                                  max_tokens_resumen=6, num_beams=2)
    assert isinstance(resumen, str)
    assert len(resumen.split()) <= 6
