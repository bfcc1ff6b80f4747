"""Piezas de las curvas de aprendizaje del capítulo de transfer learning."""

import time

import numpy as np
import pandas as pd
import pytest
import torch
from sklearn.metrics import f1_score

from transferencia.experimentos import (ajustar_y_predecir, curva_aprendizaje, embeddings_medios,
                                        submuestra_estratificada)


def tabla(recuentos: dict[str, int]) -> pd.DataFrame:
    filas = [(f"{etiqueta} {i}", etiqueta) for etiqueta, n in recuentos.items() for i in range(n)]
    return pd.DataFrame(filas, columns=["text", "label"])


@pytest.fixture(scope="module")
def tokenizador():
    from transformers import AutoTokenizer

    from transferencia.modelos import ruta_respaldo

    return AutoTokenizer.from_pretrained(ruta_respaldo())


def bert_diminuto(num_labels=None):
    from transformers import BertConfig, BertForSequenceClassification, BertModel

    torch.manual_seed(0)
    config = BertConfig(vocab_size=30522, hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                        intermediate_size=32, max_position_embeddings=64)
    if num_labels is None:
        return BertModel(config).eval()
    config.num_labels = num_labels
    return BertForSequenceClassification(config)


# --- submuestra_estratificada -------------------------------------------------------------

@pytest.mark.parametrize("recuentos, n, esperado", [
    ({"a": 100, "b": 100}, 10, {"a": 5, "b": 5}),
    ({c: 20 for c in "abcdefghij"}, 10, {c: 1 for c in "abcdefghij"}),
    ({"a": 30, "b": 10}, 8, {"a": 6, "b": 2}),
    ({"a": 99, "b": 1}, 5, {"a": 4, "b": 1}),       # la clase diminuta conserva su fila
    ({"a": 3, "b": 3, "c": 3}, 9, {"a": 3, "b": 3, "c": 3}),
])
def test_submuestra_reparte_en_proporcion_con_una_por_clase(recuentos, n, esperado):
    muestra = submuestra_estratificada(tabla(recuentos), n, semilla=0)
    assert len(muestra) == n
    assert muestra["label"].value_counts().to_dict() == esperado


def test_submuestra_toma_filas_del_original_sin_repetir():
    df = tabla({"a": 40, "b": 25, "c": 15})
    muestra = submuestra_estratificada(df, 33, semilla=3)
    assert muestra["text"].is_unique
    assert set(map(tuple, muestra.to_numpy())) <= set(map(tuple, df.to_numpy()))
    assert list(muestra.index) == list(range(33))


def test_submuestra_reproducible_con_la_misma_semilla():
    df = tabla({"a": 50, "b": 50})
    assert submuestra_estratificada(df, 20, 7).equals(submuestra_estratificada(df, 20, 7))
    assert not submuestra_estratificada(df, 20, 7).equals(submuestra_estratificada(df, 20, 8))


def test_submuestra_no_agrupa_por_clase():
    muestra = submuestra_estratificada(tabla({"a": 50, "b": 50}), 20, semilla=0)
    assert muestra["label"].tolist() != sorted(muestra["label"])


@pytest.mark.parametrize("n, mensaje", [(2, "al menos 3"), (31, "solo hay 30")])
def test_submuestra_tamanos_imposibles(n, mensaje):
    with pytest.raises(ValueError, match=mensaje):
        submuestra_estratificada(tabla({"a": 10, "b": 10, "c": 10}), n)


# --- embeddings_medios ---------------------------------------------------------------------

def test_embeddings_medios_forma_y_media_de_tokens(tokenizador):
    modelo = bert_diminuto()
    frases = ["I like soup.", "The train to Madrid leaves at nine tomorrow morning."]
    vectores = embeddings_medios(frases, modelo, tokenizador)
    assert vectores.shape == (2, 16)
    entrada = tokenizador(frases[0], return_tensors="pt")
    with torch.no_grad():
        esperado = modelo(**entrada).last_hidden_state[0].mean(0).numpy()
    np.testing.assert_allclose(vectores[0], esperado, atol=1e-5)


def test_embeddings_medios_ignora_el_relleno(tokenizador):
    modelo = bert_diminuto()
    corta = "Soup."
    sola = embeddings_medios([corta], modelo, tokenizador)
    con_larga = embeddings_medios([corta, "a much longer sentence " * 5], modelo, tokenizador)
    np.testing.assert_allclose(sola[0], con_larga[0], atol=1e-5)
    # y no depende de cómo se parte en lotes
    np.testing.assert_allclose(embeddings_medios([corta, "b c d"], modelo, tokenizador, lote=1),
                               embeddings_medios([corta, "b c d"], modelo, tokenizador, lote=2),
                               atol=1e-5)


def test_embeddings_medios_sin_textos(tokenizador):
    assert embeddings_medios([], bert_diminuto(), tokenizador).shape == (0, 16)


# --- ajustar_y_predecir --------------------------------------------------------------------

def test_ajustar_y_predecir_aprende_una_tarea_facil(tokenizador):
    textos = ["sunny happy day", "happy sunny smile", "great happy sunny",
              "rain sad night", "sad rainy cold", "cold sad rain"] * 2
    etiquetas = [1, 1, 1, 0, 0, 0] * 2
    prueba = ["happy sunny", "sad rain"]
    predichas = ajustar_y_predecir(bert_diminuto(2), tokenizador, textos, etiquetas, prueba,
                                   epocas=30, tasa=3e-3, lote=4, semilla=0)
    assert predichas.tolist() == [1, 0]


def test_ajustar_y_predecir_reproducible(tokenizador):
    textos, etiquetas = ["a b", "c d", "e f", "g h"], [0, 1, 0, 1]
    prueba = ["a d", "c f", "h b"]
    una = ajustar_y_predecir(bert_diminuto(2), tokenizador, textos, etiquetas, prueba,
                             epocas=2, semilla=1)
    otra = ajustar_y_predecir(bert_diminuto(2), tokenizador, textos, etiquetas, prueba,
                              epocas=2, semilla=1)
    assert una.shape == (3,) and una.tolist() == otra.tolist()


# --- curva_aprendizaje ---------------------------------------------------------------------

def test_curva_aprendizaje_misma_muestra_para_todos_los_metodos():
    entrenamiento = tabla({"a": 30, "b": 20})
    prueba = pd.DataFrame({"text": ["x", "y", "z", "w"], "label": ["a", "a", "b", "b"]})
    vistas = {"mayoritaria": [], "siempre_b": []}

    def mayoritaria(muestra, prueba, semilla):
        vistas["mayoritaria"].append(muestra["text"].tolist())
        return [muestra["label"].mode()[0]] * len(prueba)

    def siempre_b(muestra, prueba, semilla):
        vistas["siempre_b"].append(muestra["text"].tolist())
        time.sleep(0.02)  # tarda al menos 20 ms: la columna «segundos» debe notarlo
        return ["b"] * len(prueba)

    curva = curva_aprendizaje({"mayoritaria": mayoritaria, "siempre_b": siempre_b},
                              entrenamiento, prueba, tamanos=[4, 10], semillas=[0, 1, 2])
    assert list(curva.columns) == ["metodo", "n", "semilla", "f1_macro", "segundos", "predichas"]
    assert curva["predichas"].iloc[1] == ["b"] * 4
    assert len(curva) == 2 * 2 * 3
    assert vistas["mayoritaria"] == vistas["siempre_b"]
    assert [len(m) for m in vistas["siempre_b"]] == [4, 4, 4, 10, 10, 10]
    esperado = f1_score(prueba["label"], ["b"] * 4, average="macro")
    assert curva.loc[curva["metodo"] == "siempre_b", "f1_macro"].tolist() == pytest.approx([esperado] * 6)
    # Los segundos son los de cada método: el que duerme 20 ms tarda al menos eso.
    assert (curva.loc[curva["metodo"] == "siempre_b", "segundos"] >= 0.02).all()
    assert (curva.loc[curva["metodo"] == "mayoritaria", "segundos"] < 0.02).all()


def test_curva_aprendizaje_detecta_predicciones_de_menos():
    entrenamiento = tabla({"a": 5, "b": 5})
    prueba = pd.DataFrame({"text": ["x", "y"], "label": ["a", "b"]})
    with pytest.raises(ValueError, match="1 predicciones para 2"):
        curva_aprendizaje({"roto": lambda m, p, s: ["a"]}, entrenamiento, prueba, [4])


def test_curva_aprendizaje_pasa_la_semilla_de_cada_repeticion():
    entrenamiento = tabla({"a": 10, "b": 10})
    prueba = pd.DataFrame({"text": ["x", "y"], "label": ["a", "b"]})
    recibidas = []

    def metodo(muestra, prueba, semilla):
        recibidas.append(semilla)
        return ["a", "b"] if semilla == 2 else ["a", "a"]

    curva = curva_aprendizaje({"m": metodo}, entrenamiento, prueba, [4, 6], semillas=[1, 2])
    assert recibidas == [1, 2, 1, 2]
    assert curva["f1_macro"].tolist() == pytest.approx([1 / 3, 1.0, 1 / 3, 1.0])


def test_embeddings_medios_con_un_codificador_de_frases(tokenizador):
    """Un modelo que devuelve un vector por frase (longitud 1) no se promedia con la máscara."""
    from types import SimpleNamespace

    class CodificadorDeFrases(torch.nn.Module):
        config = SimpleNamespace(hidden_size=3)

        def forward(self, input_ids, attention_mask, **_):
            vector = attention_mask.sum(1, keepdim=True).float() * torch.tensor([1.0, 2.0, 3.0])
            return SimpleNamespace(last_hidden_state=vector[:, None, :])

    vectores = embeddings_medios(["una", "dos tres cuatro"], CodificadorDeFrases(), tokenizador)
    piezas = [len(tokenizador(t)["input_ids"]) for t in ["una", "dos tres cuatro"]]
    np.testing.assert_allclose(vectores, [[n, 2 * n, 3 * n] for n in piezas])
