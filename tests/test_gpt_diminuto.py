"""Piezas del GPT diminuto del capítulo de modelos GPT."""

import math

import pytest
import torch

from transferencia.gpt_diminuto import (ALFABETO_ESPANOL, dividir_bloques, entrenar_tokenizador_bpe,
                                        lote_aleatorio, medidas_texto, palabras, perdida_media)

TEXTO = ("Había una vez un pueblo pequeño junto al río. El pueblo tenía una plaza.\n\n"
         "¿Quién vivía en el pueblo? ¡Muchos vecinos! Éramos pocos, pero felices.") * 3


def test_tokenizador_decodifica_el_texto_exacto():
    tokenizador = entrenar_tokenizador_bpe([TEXTO], tamano_vocabulario=120)
    for texto in [TEXTO, "Muchos   espacios \nun salto\n\n Él, ¿aquí?", "pueblo"]:
        assert tokenizador.decode(tokenizador.encode(texto).ids) == texto


def test_tokenizador_pierde_los_caracteres_que_no_vio():
    tokenizador = entrenar_tokenizador_bpe([TEXTO], tamano_vocabulario=120)
    assert "d" not in TEXTO
    assert tokenizador.decode(tokenizador.encode("dado").ids) == "ao"


def test_tokenizador_une_las_palabras_frecuentes():
    pequeno = entrenar_tokenizador_bpe([TEXTO], tamano_vocabulario=len(set(TEXTO)) + 1)
    grande = entrenar_tokenizador_bpe([TEXTO], tamano_vocabulario=200)
    assert grande.get_vocab_size() <= 200
    assert "▁pueblo" in grande.get_vocab()
    assert len(grande.encode(TEXTO).ids) < len(pequeno.encode(TEXTO).ids)


def test_dividir_bloques_particion_reproducible():
    bloques = [f"párrafo {i}" for i in range(20)]
    entrenamiento, validacion = dividir_bloques(bloques, validacion=0.15, semilla=3)
    assert len(validacion) == 3 and len(entrenamiento) == 17
    assert sorted(entrenamiento + validacion) == sorted(bloques)
    assert entrenamiento == [b for b in bloques if b in entrenamiento]   # orden original
    assert validacion == [b for b in bloques if b in validacion]
    assert dividir_bloques(bloques, 0.15, 3) == (entrenamiento, validacion)
    assert dividir_bloques(bloques, 0.15, 4) != (entrenamiento, validacion)


def test_dividir_bloques_siempre_deja_uno_en_cada_lado():
    assert [len(x) for x in dividir_bloques(["a", "b"], 0.01)] == [1, 1]
    assert [len(x) for x in dividir_bloques(["a", "b"], 0.99)] == [1, 1]


@pytest.mark.parametrize("bloques, fraccion, mensaje", [
    (["a", "b"], 0, "entre 0 y 1"), (["a", "b"], 1.5, "entre 0 y 1"), (["a"], 0.5, "dos bloques")])
def test_dividir_bloques_errores(bloques, fraccion, mensaje):
    with pytest.raises(ValueError, match=mensaje):
        dividir_bloques(bloques, fraccion)


def test_lote_aleatorio_trozos_consecutivos_y_reproducibles():
    ids = torch.arange(100)
    lote = lote_aleatorio(ids, contexto=8, tamano=5, generador=torch.Generator().manual_seed(0))
    assert lote.shape == (5, 8)
    assert (lote[:, 1:] - lote[:, :-1] == 1).all()
    assert (lote[:, -1] <= 99).all()
    otra = lote_aleatorio(ids, 8, 5, torch.Generator().manual_seed(0))
    assert torch.equal(lote, otra)


def test_lote_aleatorio_llega_hasta_el_final():
    ids = torch.arange(10)
    lote = lote_aleatorio(ids, contexto=10, tamano=3, generador=torch.Generator().manual_seed(1))
    assert all(torch.equal(fila, ids) for fila in lote)
    with pytest.raises(ValueError, match="menos que el contexto"):
        lote_aleatorio(ids, 11, 1, torch.Generator())


@pytest.fixture(scope="module")
def gpt():
    from transformers import GPT2Config, GPT2LMHeadModel

    torch.manual_seed(0)
    return GPT2LMHeadModel(GPT2Config(vocab_size=30, n_positions=16, n_embd=16, n_layer=1, n_head=2))


def test_perdida_media_es_la_media_por_prediccion(gpt):
    ids = torch.randint(0, 30, (53,), generator=torch.Generator().manual_seed(0))
    gpt.eval()
    with torch.no_grad():  # tres ventanas completas de 16; los 5 últimos tokens se descartan
        esperado = sum(float(gpt(input_ids=v[None], labels=v[None]).loss)
                       for v in ids[:48].view(3, 16)) / 3
    assert perdida_media(gpt, ids, contexto=16, lote=2) == pytest.approx(esperado, rel=1e-5)


def test_perdida_media_modelo_al_azar_cerca_de_ln_vocabulario(gpt):
    ids = torch.randint(0, 30, (400,), generator=torch.Generator().manual_seed(1))
    assert abs(perdida_media(gpt, ids, 16) - math.log(30)) < 0.5


def test_perdida_media_respeta_el_modo_del_modelo(gpt):
    ids = torch.arange(32) % 30
    gpt.train()
    perdida_media(gpt, ids, 16)
    assert gpt.training
    gpt.eval()
    perdida_media(gpt, ids, 16)
    assert not gpt.training
    with pytest.raises(ValueError, match="menos que el contexto"):
        perdida_media(gpt, ids[:10], 16)


def test_tokenizador_solo_pierde_un_espacio_inicial():
    tokenizador = entrenar_tokenizador_bpe([TEXTO], tamano_vocabulario=120)
    assert tokenizador.decode(tokenizador.encode("  pueblo").ids) == " pueblo"


def test_tokenizador_con_alfabeto_no_pierde_caracteres_nuevos():
    tokenizador = entrenar_tokenizador_bpe([TEXTO], tamano_vocabulario=120, alfabeto=ALFABETO_ESPANOL)
    nuevo = "¿Dónde está Fuensanta? «Ñandú», dijo: 1, 2…\nFin."
    assert set(nuevo) - set(TEXTO) >= {"d", "F", "Ñ", "«", "1", "…"}
    assert tokenizador.decode(tokenizador.encode(nuevo).ids) == nuevo
    assert tokenizador.decode(tokenizador.encode(TEXTO).ids) == TEXTO


def test_alfabeto_espanol_cubre_los_textos_del_curso():
    from transferencia import rutas

    corpus = rutas.DATOS / "corpus_es"
    texto = "".join((corpus / nombre).read_text(encoding="utf-8")
                    for nombre in ("preentrenamiento.txt", "ajuste_fabulas.txt"))
    assert set(texto) - set(ALFABETO_ESPANOL) <= {" "}


def test_palabras_minusculas_sin_signos_ni_cifras():
    assert palabras("¡Había una vez, en 1990, un RÍO!\nMoraleja: ñu") == [
        "había", "una", "vez", "en", "un", "río", "moraleja", "ñu"]
    assert palabras("¿?, 42") == []


def test_medidas_texto_palabras_reales_y_trigramas_repetidos():
    diccionario = {"el", "gato", "come"}
    medidas = medidas_texto("El gato come. El gato come. Xyz", diccionario)
    assert medidas["palabras"] == 7
    assert medidas["reales"] == pytest.approx(6 / 7)
    # trigramas: (el gato come) (gato come el) (come el gato) (el gato come)* (gato come xyz)
    assert medidas["repetidos"] == pytest.approx(1 / 5)
    assert medidas_texto("", diccionario) == {"palabras": 0, "reales": 0.0, "repetidos": 0.0}
    assert medidas_texto("gato gato", diccionario)["repetidos"] == 0.0
