import pytest
import torch
from transformers import BertModel

from comprobaciones import comprobar, config_bert_diminuta, llamar


@pytest.fixture
def ruta(tmp_path):
    torch.manual_seed(0)
    BertModel(config_bert_diminuta(vocab_size=100)).save_pretrained(tmp_path)
    return str(tmp_path)


def test_mapas_de_etiquetas(ejercicio, ruta):
    modelo = llamar(ejercicio, "modelo_con_nueva_cabeza", ruta, ["positivo", "negativo", "positivo"])
    comprobar(getattr(getattr(modelo, "config", None), "id2label", None), {0: "negativo", 1: "positivo"},
              "['positivo', 'negativo', 'positivo'] (config.id2label)", tipo=dict)
    comprobar(modelo.config.label2id, {"negativo": 0, "positivo": 1}, "config.label2id", tipo=dict)


def test_tantas_salidas_como_etiquetas(ejercicio, ruta):
    etiquetas = ["Artes", "Historia", "Matemáticas", "Artes", "Ciencias"]
    modelo = llamar(ejercicio, "modelo_con_nueva_cabeza", ruta, etiquetas)
    with torch.no_grad():
        salida = modelo(input_ids=torch.tensor([[1, 5, 7]]))
    comprobar(list(salida.logits.shape), [1, 4], repr(etiquetas) + " (forma de los logits)",
              pista="num_labels es el número de etiquetas distintas.")


def test_reutiliza_el_codificador(ejercicio, ruta):
    modelo = llamar(ejercicio, "modelo_con_nueva_cabeza", ruta, ["a", "b"])
    original = BertModel.from_pretrained(ruta)
    comprobar(torch.equal(modelo.base_model.embeddings.word_embeddings.weight,
                          original.embeddings.word_embeddings.weight), True,
              "los pesos del codificador guardado", pista="Carga el modelo con from_pretrained(ruta, ...).")
