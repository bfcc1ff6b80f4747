"""Texto en español sin conexión: oraciones, palabras y palabras vacías.

Sumy parte los textos en oraciones con el modelo Punkt de NLTK, que hay que
descargar (``nltk.download("punkt_tab")``). Sin conexión esa descarga falla,
así que este módulo ofrece un tokenizador que no necesita ningún dato externo:

- :class:`TokenizadorEspanol`: un ``Tokenizer`` de Sumy que segmenta con un
  ``PunktSentenceTokenizer`` **sin entrenar**, al que se le dan a mano las
  abreviaturas del español («Sr.», «EE. UU.», «p. ej.», «etc.»…), y separa las
  palabras con el ``ToktokTokenizer`` de NLTK (que sabe apartar «¿» y «¡»).
- :func:`segmentador_oraciones_es`: ese segmentador de oraciones, solo.
- :func:`stop_words_es`: las palabras vacías del español de spaCy (más de 500,
  frente a las menos de 200 de Sumy).

Y, para cuando hay modelos del Hub, :func:`resumir_abstractivo`: un resumen
generado por un modelo codificador-decodificador (BART, T5, mT5…).
"""

from __future__ import annotations

from collections.abc import Iterable

from nltk.tokenize import ToktokTokenizer
from nltk.tokenize.punkt import (
    _ORTHO_BEG_UC,
    _ORTHO_MID_LC,
    PunktParameters,
    PunktSentenceTokenizer,
)
from sumy.nlp.tokenizers import Tokenizer

#: Abreviaturas que no cierran oración, en minúsculas y sin el punto final
#: (así las guarda Punkt). Las de varias piezas («EE. UU.», «p. ej.») van
#: pieza a pieza. No incluye símbolos de unidades («kg», «km»), que en
#: español se escriben sin punto: un «kg.» es siempre final de oración.
ABREVIATURAS_ES = frozenset({
    # tratamientos y títulos
    "sr", "sra", "srta", "sres", "sras", "dr", "dra", "dres", "d", "dña",
    "ud", "uds", "vd", "vds", "prof", "profa", "lic", "ing", "arq", "mons", "sto", "sta",
    # países y organizaciones
    "ee", "uu", "ee.uu", "s.a", "s.l", "cía", "admón", "dpto", "depto",
    # en el texto corrido
    "p", "ej", "etc", "aprox", "núm", "nº", "pág", "págs", "pp", "vol", "cap", "art",
    "fig", "tel", "av", "avda", "c", "máx", "mín", "vs", "cf", "a.c", "d.c", "ss",
})


def stop_words_es() -> frozenset[str]:
    """Palabras vacías del español según spaCy (``spacy.lang.es.stop_words``)."""
    from spacy.lang.es.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def segmentador_oraciones_es(
    abreviaturas: Iterable[str] = ABREVIATURAS_ES,
) -> PunktSentenceTokenizer:
    """Un ``PunktSentenceTokenizer`` sin entrenar, preparado para el español.

    Sus parámetros se rellenan a mano en lugar de aprenderlos de un corpus:

    - ``abbrev_types``: las ``abreviaturas`` (sin punto final), que no cierran
      oración aunque las siga una mayúscula («el Sr. García»).
    - ``ortho_context``: las palabras vacías de spaCy se marcan como palabras
      que se escriben en minúscula dentro de la oración y con mayúscula al
      empezarla. Sin esa pista, Punkt toma una letra suelta con punto por la
      inicial de un nombre («J. Bach») y no corta en «rayos X. En el centro…».
    """
    parametros = PunktParameters()
    parametros.abbrev_types = {a.lower().rstrip(".") for a in abreviaturas}
    for palabra in stop_words_es():
        parametros.ortho_context[palabra] = _ORTHO_MID_LC | _ORTHO_BEG_UC
    return PunktSentenceTokenizer(parametros)


class TokenizadorEspanol(Tokenizer):
    """Tokenizador de Sumy para español que no descarga nada.

    El ``Tokenizer`` de Sumy elige sus segmentadores en ``__init__`` con
    ``_get_sentence_tokenizer`` (que carga el Punkt preentrenado de NLTK y
    falla sin sus datos) y ``_get_word_tokenizer`` (que usa
    ``nltk.word_tokenize``, que también los necesita). Esta subclase sustituye
    los dos métodos, así que nunca toca ``nltk_data``::

        from sumy.parsers.plaintext import PlaintextParser
        documento = PlaintextParser.from_string(texto, TokenizadorEspanol()).document
    """

    def __init__(self, abreviaturas: Iterable[str] = ABREVIATURAS_ES):
        self._abreviaturas = frozenset(abreviaturas)
        super().__init__("spanish")

    def _get_sentence_tokenizer(self, language):
        return segmentador_oraciones_es(self._abreviaturas)

    def _get_word_tokenizer(self, language):
        return ToktokTokenizer()


def resumir_abstractivo(texto: str, modelo, tokenizador, *, max_tokens_entrada: int = 1024,
                        max_tokens_resumen: int = 120, num_beams: int = 4) -> str:
    """Resume ``texto`` con un modelo codificador-decodificador (p. ej., BART).

    ``modelo`` es un ``AutoModelForSeq2SeqLM`` y ``tokenizador`` el suyo. El
    texto se trunca a ``max_tokens_entrada`` *tokens* (BART no admite más de
    1024) y el resumen se genera con búsqueda en haz (``num_beams``) sin
    repetir trigramas. Se piden solo ``input_ids`` y ``attention_mask``
    porque ``generate`` rechaza los ``token_type_ids`` que añaden algunos
    tokenizadores (los de la familia BERT).
    """
    import torch

    entradas = tokenizador(texto, truncation=True, max_length=max_tokens_entrada,
                           return_tensors="pt", return_token_type_ids=False)
    with torch.no_grad():
        salida = modelo.generate(**entradas, num_beams=num_beams,
                                 max_new_tokens=max_tokens_resumen, no_repeat_ngram_size=3)
    return tokenizador.decode(salida[0], skip_special_tokens=True).strip()
