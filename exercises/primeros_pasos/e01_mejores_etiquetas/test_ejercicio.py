from functools import lru_cache

import pytest
import torch
from comprobaciones import comprobar, llamar, tokenizador_respaldo
from transformers import DistilBertConfig, DistilBertForSequenceClassification, Pipeline, pipeline


ETIQUETAS = {0: "food", 1: "not_food", 2: "drink", 3: "dessert"}
FRASES = ["I love soup.", "The train to Madrid leaves at nine tomorrow.", "Chocolate cake with cream"]
MODELO = "un DistilBERT diminuto con 4 etiquetas (food, not_food, drink, dessert)"


@lru_cache(maxsize=1)
def modelo():
    """Un clasificador diminuto con pesos al azar (pero siempre los mismos)."""
    torch.manual_seed(0)
    config = DistilBertConfig(dim=32, n_layers=2, n_heads=2, hidden_dim=64, initializer_range=0.2,
                              vocab_size=tokenizador_respaldo().vocab_size, id2label=ETIQUETAS,
                              label2id={e: i for i, e in ETIQUETAS.items()})
    return DistilBertForSequenceClassification(config).eval()


@lru_cache(maxsize=1)
def clasificador_de_prueba():
    return pipeline("text-classification", model=modelo(), tokenizer=tokenizador_respaldo(), device="cpu")


def esperado(frase, k=None):
    """Las k etiquetas más probables, calculadas sin pipeline: softmax de los logits."""
    with torch.no_grad():
        logits = modelo()(**tokenizador_respaldo()(frase, return_tensors="pt")).logits[0]
    probabilidades = torch.softmax(logits, dim=-1).tolist()
    pares = sorted(((ETIQUETAS[i], p) for i, p in enumerate(probabilidades)), key=lambda x: -x[1])
    return pares if k is None else pares[:k]


def comprobar_tipo(obtenido, tipo, entrada):
    """Falla con un mensaje claro si ``obtenido`` no es del tipo pedido."""
    if not isinstance(obtenido, tipo):
        comprobar(obtenido, tipo.__name__, entrada, tipo=tipo)


def test_crear_clasificador(ejercicio):
    entrada = f"modelo={MODELO}, tokenizador"
    clasificador = llamar(ejercicio, "crear_clasificador", modelo(), tokenizador_respaldo())
    comprobar_tipo(clasificador, Pipeline, entrada)
    comprobar(type(clasificador).__name__, "TextClassificationPipeline",
              entrada + " (la clase del pipeline)",
              pista='La tarea es el primer argumento: pipeline("text-classification", ...).')
    comprobar(clasificador.model is modelo(), True, entrada + " (¿usa el modelo recibido?)",
              pista="Pasa el modelo con model=modelo y el tokenizador con tokenizer=tokenizador.")
    frase = FRASES[0]
    try:
        resultado = clasificador(frase)
    except Exception as error:  # noqa: BLE001
        pytest.fail(f"Tu clasificador falló al clasificar {frase!r}: {type(error).__name__}: "
                    f"{error}", pytrace=False)
    comprobar([(r["label"], round(r["score"], 5)) for r in resultado],
              [(e, round(p, 5)) for e, p in esperado(frase, 1)],
              entrada + f"; después, clasificador({frase!r})", tolerancia=1e-5)


def test_las_k_mejores(ejercicio):
    for frase, k in [(FRASES[0], 2), (FRASES[1], 3), (FRASES[2], 1)]:
        obtenido = llamar(ejercicio, "mejores_etiquetas", clasificador_de_prueba(), frase, k)
        comprobar(obtenido, esperado(frase, k), f"clasificador ({MODELO}), {frase!r}, k={k}",
                  tipo=list, tolerancia=1e-5,
                  pista="Llama a clasificador(texto, top_k=k) y convierte cada diccionario "
                        "{'label': ..., 'score': ...} en una tupla (etiqueta, probabilidad).")
        comprobar(all(isinstance(par, tuple) for par in obtenido), True,
                  f"clasificador, {frase!r}, k={k} (¿cada elemento es una tupla?)",
                  pista="Devuelve tuplas (etiqueta, probabilidad), no diccionarios ni listas.")


def test_sin_k_todas_las_etiquetas(ejercicio):
    frase = FRASES[1]
    sin_k = llamar(ejercicio, "mejores_etiquetas", clasificador_de_prueba(), frase)
    comprobar(sin_k, esperado(frase), f"clasificador ({MODELO}), {frase!r} (sin k)", tipo=list,
              tolerancia=1e-5, pista="Con k=None, top_k=None devuelve las cuatro etiquetas, "
                                     "de la más probable a la menos probable.")
    con_none = llamar(ejercicio, "mejores_etiquetas", clasificador_de_prueba(), FRASES[2], None)
    comprobar(con_none, esperado(FRASES[2]), f"clasificador, {FRASES[2]!r}, k=None", tipo=list,
              tolerancia=1e-5)
    comprobar(round(sum(p for _, p in con_none), 5), 1.0,
              f"clasificador, {FRASES[2]!r}, k=None (suma de las probabilidades)", tolerancia=1e-5)
