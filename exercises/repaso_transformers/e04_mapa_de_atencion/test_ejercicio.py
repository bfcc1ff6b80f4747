from functools import lru_cache

import numpy as np
import pytest
import torch
from comprobaciones import como_lista, comprobar, config_bert_diminuta, llamar, tokenizador_respaldo
from transformers import BertModel


FRASE = "The chef tasted the soup and added more salt."
PIEZAS = ['[CLS]', 'the', 'chef', 'tasted', 'the', 'soup', 'and', 'added', 'more', 'salt', '.',
          '[SEP]']
MODELO = "un BERT diminuto de 3 capas y 4 cabezas"
PISTA_ATENCION = ("salida.attentions es una tupla con un tensor por capa (aquí, 3). Si llega vacía, "
               "carga el modelo con attn_implementation=\"eager\" y pide output_attentions=True "
               "(con la atención por defecto, sdpa, no se calculan los pesos); si no, comprueba "
               "que tomas salida.attentions[capa][0, cabeza].")


class Ruta(str):
    """Una ruta normal que en los mensajes se muestra corta: '…/bert_diminuto'."""

    def __repr__(self):
        return repr("…/" + self.rstrip("/").rsplit("/", 1)[-1])


def modelo_diminuto():
    torch.manual_seed(0)
    return BertModel(config_bert_diminuta(num_hidden_layers=3, num_attention_heads=4,
                                          vocab_size=tokenizador_respaldo().vocab_size,
                                          initializer_range=0.2), add_pooling_layer=False)


@pytest.fixture(scope="module")
def ruta(tmp_path_factory):
    carpeta = tmp_path_factory.mktemp("bert_diminuto", numbered=False)
    modelo_diminuto().save_pretrained(carpeta)
    tokenizador_respaldo().save_pretrained(carpeta)
    return Ruta(carpeta)


@lru_cache(maxsize=2)
def atenciones(ruta, frase):
    """Los pesos de atención de referencia, de todas las capas y cabezas."""
    modelo = BertModel.from_pretrained(str(ruta), attn_implementation="eager").eval()
    with torch.no_grad():
        salida = modelo(**tokenizador_respaldo()(frase, return_tensors="pt"), output_attentions=True)
    return [capa[0].numpy() for capa in salida.attentions]


def como_array(pesos, entrada):
    """Los pesos como array de NumPy, o un fallo claro si no son números."""
    try:
        return np.asarray(pesos.detach() if hasattr(pesos, "detach") else pesos, dtype=float)
    except (TypeError, ValueError, RuntimeError):
        pytest.fail(f"Con la entrada {entrada}, los pesos que devolviste ({type(pesos).__name__}) "
                    "no se pueden convertir en una matriz de números.", pytrace=False)


def llamar_con_pista(ejercicio, *args):
    """Como ``llamar``, pero si la función lanza un error añade una pista sobre la atención."""
    try:
        return llamar(ejercicio, "mapa_de_atencion", *args)
    except pytest.fail.Exception as fallo:
        if " lanzó " not in str(fallo):
            raise
        pytest.fail(f"{fallo}\n{PISTA_ATENCION}", pytrace=False)


def separar(resultado, entrada):
    """Comprueba que la función devolvió la tupla (piezas, pesos) y la separa."""
    if not (isinstance(resultado, (tuple, list)) and len(resultado) == 2):
        comprobar(resultado if resultado is None else type(resultado).__name__, "tuple (piezas, pesos)",
                  entrada + " (qué devolvió)", pista="Devuelve la tupla (piezas, pesos).")
    return resultado


def test_piezas_de_la_frase(ejercicio, ruta):
    entrada = f"ruta ({MODELO}), {FRASE!r}, capa=0, cabeza=0"
    piezas, _ = separar(llamar_con_pista(ejercicio, ruta, FRASE, 0, 0), entrada)
    comprobar(piezas, PIEZAS, entrada + " (piezas)", tipo=list,
              pista="Convierte los input_ids de la frase con tokenizador.convert_ids_to_tokens: "
                    "la lista incluye [CLS] al principio y [SEP] al final.")


def test_forma_y_filas_que_suman_uno(ejercicio, ruta):
    frase = "The soup was cold."
    entrada = f"ruta ({MODELO}), {frase!r}, capa=2, cabeza=3"
    _, pesos = separar(llamar_con_pista(ejercicio, ruta, frase, 2, 3), entrada)
    comprobar(type(pesos).__name__, "ndarray", entrada + " (tipo de pesos)",
              pista="Convierte el tensor en un array de NumPy con .numpy() (dentro de "
                    "torch.no_grad() no guarda gradientes, así que se puede).")
    comprobar(list(pesos.shape), [7, 7], entrada + " (forma de pesos: 7 piezas × 7 piezas)",
              pista="salida.attentions[capa] tiene forma (frases, cabezas, piezas, piezas): "
                    "quédate con la primera frase y la cabeza pedida, [0, cabeza].")
    comprobar(como_lista(pesos.sum(axis=1)), [1.0] * 7, entrada + " (suma de cada fila)",
              tolerancia=1e-5, pista=PISTA_ATENCION)


def test_la_capa_y_la_cabeza_pedidas(ejercicio, ruta):
    for capa, cabeza in [(0, 0), (1, 2), (2, 1)]:
        entrada = f"ruta ({MODELO}), {FRASE!r}, capa={capa}, cabeza={cabeza}"
        _, pesos = separar(llamar_con_pista(ejercicio, ruta, FRASE, capa, cabeza), entrada)
        esperado = atenciones(ruta, FRASE)[capa][cabeza]
        pesos = como_array(pesos, entrada)
        comprobar(list(np.shape(pesos)), list(esperado.shape), entrada + " (forma de pesos)")
        comprobar(como_lista(pesos.round(4)), como_lista(esperado.round(4)),
                  entrada + " (pesos, redondeados a 4 decimales)", tolerancia=2e-4,
                  pista="salida.attentions es una tupla con un tensor por capa: el de la capa "
                        "pedida es salida.attentions[capa], y de él, [0, cabeza].")
