from functools import lru_cache

import pytest
import torch
from comprobaciones import comprobar, config_bert_diminuta, llamar, tokenizador_respaldo
from transformers import BertForSequenceClassification, Pipeline, pipeline


COMIDA = {0: "food", 1: "not_food"}
BEBIDAS = {0: "sopa", 1: "agua", 2: "café"}  # a propósito, no en orden alfabético
FRASES = ["I love soup.", "The train to Madrid leaves at nine tomorrow.", "Chocolate cake",
          "We shared a huge bowl of spicy noodles after the concert."]


class Ruta(str):
    """Una ruta normal que en los mensajes se muestra corta: '…/comida' en vez de /tmp/…/comida."""

    def __repr__(self):
        return repr("…/" + self.rstrip("/").rsplit("/", 1)[-1])


def guardar_clasificador(carpeta, id2label, semilla):
    """Guarda en ``carpeta`` un BERT diminuto con pesos al azar (siempre los mismos) y su tokenizador."""
    torch.manual_seed(semilla)
    config = config_bert_diminuta(vocab_size=tokenizador_respaldo().vocab_size,
                                  initializer_range=0.2, id2label=id2label)
    BertForSequenceClassification(config).save_pretrained(carpeta)
    tokenizador_respaldo().save_pretrained(carpeta)
    return Ruta(carpeta)


@pytest.fixture(scope="module")
def ruta_comida(tmp_path_factory):
    return guardar_clasificador(tmp_path_factory.mktemp("comida", numbered=False), COMIDA, 0)


@pytest.fixture(scope="module")
def ruta_bebidas(tmp_path_factory):
    return guardar_clasificador(tmp_path_factory.mktemp("bebidas", numbered=False), BEBIDAS, 1)


@lru_cache(maxsize=4)
def esperado(ruta, frases):
    """Lo que da el pipeline de verdad, frase a frase, como diccionarios {etiqueta: probabilidad}."""
    clasificador = pipeline("text-classification", model=str(ruta), device="cpu")
    return [{r["label"]: r["score"] for r in clasificador(frase, top_k=None)} for frase in frases]


def sin_pipeline(ejercicio, ruta, frases, monkeypatch):
    """Llama a ``probabilidades`` con los pipelines desactivados: hay que hacerlo a mano."""
    def prohibido(*args, **kwargs):
        raise RuntimeError("en este ejercicio no se usa pipeline: haz tú sus tres pasos "
                           "(tokenizador, modelo y softmax)")

    with monkeypatch.context() as parche:
        parche.setattr(Pipeline, "__call__", prohibido)
        return llamar(ejercicio, "probabilidades", ruta, list(frases))


def comprobar_probabilidades(obtenido, frases, ruta, descripcion, pista=""):
    entrada = f"ruta (un clasificador diminuto {descripcion}), frases={list(frases)!r}"
    comprobar(obtenido, esperado(ruta, tuple(frases)), entrada, tipo=list, tolerancia=1e-5,
              pista=pista)


def test_una_frase(ejercicio, ruta_comida, monkeypatch):
    frases = FRASES[:1]
    obtenido = sin_pipeline(ejercicio, ruta_comida, frases, monkeypatch)
    comprobar_probabilidades(obtenido, frases, ruta_comida, "con las etiquetas food y not_food",
                             pista="Devuelve una lista con un diccionario por frase: "
                                   "{modelo.config.id2label[i]: probabilidad}, con las "
                                   "probabilidades de torch.softmax(logits, dim=-1).")


def test_varias_frases_con_relleno(ejercicio, ruta_comida, monkeypatch):
    frases = FRASES
    obtenido = sin_pipeline(ejercicio, ruta_comida, frases, monkeypatch)
    comprobar_probabilidades(obtenido, frases, ruta_comida, "con las etiquetas food y not_food",
                             pista="Tokeniza las frases juntas con padding=True y pasa al modelo "
                                   "todo lo que devuelve el tokenizador (modelo(**entradas)): "
                                   "sin la máscara de atención, el relleno cambia el resultado "
                                   "de las frases cortas.")


def test_nombres_de_id2label(ejercicio, ruta_bebidas, monkeypatch):
    frases = FRASES[1:3]
    obtenido = sin_pipeline(ejercicio, ruta_bebidas, frases, monkeypatch)
    comprobar_probabilidades(obtenido, frases, ruta_bebidas,
                             "con tres etiquetas: 0 → sopa, 1 → agua, 2 → café",
                             pista="La probabilidad de la columna i de los logits es la de la "
                                   "etiqueta modelo.config.id2label[i]: no ordenes los nombres.")
    comprobar(all(isinstance(p, float) for fila in obtenido for p in fila.values()), True,
              "ruta, frases (¿son float de Python todas las probabilidades?)",
              pista="Convierte cada probabilidad con float(...) o usa .tolist() del tensor.")
