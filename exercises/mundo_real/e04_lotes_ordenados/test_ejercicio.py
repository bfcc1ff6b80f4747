import pytest
import torch
from comprobaciones import comprobar, config_bert_diminuta, llamar, tokenizador_respaldo
from transformers import AutoTokenizer, BertForSequenceClassification, pipeline
from transformers.pipelines.text_classification import TextClassificationPipeline


ETIQUETAS = ["food", "not_food", "unsure"]
FRASES = ["The paella was amazing, with prawns, mussels and a perfect golden crust.",
          "Ok.",
          "My bike has a flat tyre.",
          "Grilled sardines are a summer classic in Lisbon and in Málaga.",
          "Yes",
          "Can you pass the salt, please?",
          "I missed the bus again this morning, so I walked all the way to the office in the rain.",
          "Soup!",
          "We moved the meeting to Friday.",
          "Gazpacho, salmorejo, pisto.",  # pocos caracteres, muchas piezas
          "I am so, so hungry: yes, I am!"]
ENTRADA = (f"ruta=<carpeta de un BertForSequenceClassification diminuto con las etiquetas "
           f"{ETIQUETAS}>, {len(FRASES)} frases de 3 a 23 piezas, desordenadas")


@pytest.fixture(scope="module")
def ruta(tmp_path_factory):
    """Un clasificador de texto diminuto sin entrenar, guardado con su tokenizador."""
    tokenizador = tokenizador_respaldo()
    torch.manual_seed(0)
    modelo = BertForSequenceClassification(config_bert_diminuta(
        vocab_size=tokenizador.vocab_size, max_position_embeddings=128,
        initializer_range=1.0,  # pesos al azar grandes: cada frase con su propia puntuación
        id2label=dict(enumerate(ETIQUETAS))))
    carpeta = tmp_path_factory.mktemp("clasificador_texto")
    modelo.save_pretrained(carpeta)
    tokenizador.save_pretrained(carpeta)
    return str(carpeta)


@pytest.fixture
def lotes(monkeypatch):
    """Las longitudes reales (en piezas) de las frases de cada lote que procesa el modelo."""
    vistos = []
    original = TextClassificationPipeline._forward

    def anotar(self, entradas, *args, **kwargs):
        vistos.append(sorted(int(n) for n in entradas["attention_mask"].sum(dim=1)))
        return original(self, entradas, *args, **kwargs)

    monkeypatch.setattr(TextClassificationPipeline, "_forward", anotar)
    return vistos


def redondear(resultado):
    """Los pares (etiqueta, puntuación) con la puntuación redondeada a 4 decimales."""
    def par(x):
        try:
            etiqueta, puntuacion = x
            return (etiqueta, round(float(puntuacion), 4))
        except (TypeError, ValueError):
            return x

    return [par(x) for x in resultado] if isinstance(resultado, list) else resultado


def una_a_una(ruta, frases):
    clasificador = pipeline("text-classification", model=ruta, device="cpu")
    return [(r["label"], round(float(r["score"]), 4)) for r in clasificador(list(frases))]


def longitudes(ruta, frases):
    tokenizador = AutoTokenizer.from_pretrained(ruta)
    return [len(tokenizador(f)["input_ids"]) for f in frases]


def test_resultados_en_el_orden_original(ejercicio, ruta):
    obtenido = llamar(ejercicio, "predecir_por_lotes", ruta, list(FRASES), tamano_lote=4)
    if not isinstance(obtenido, list):
        comprobar(obtenido, "una lista de pares (etiqueta, puntuación)", ENTRADA, tipo=list)
    comprobar(redondear(obtenido), una_a_una(ruta, FRASES), ENTRADA + ", tamano_lote=4",
              tolerancia=2e-3,
              pista="Devuelve un par (etiqueta, puntuación) por frase en el orden de `frases`: "
                    "después de clasificar las frases ordenadas, pon cada resultado en la "
                    "posición original de su frase.")


def test_lotes_de_frases_de_longitud_parecida(ejercicio, ruta, lotes):
    llamar(ejercicio, "predecir_por_lotes", ruta, list(FRASES), tamano_lote=3)
    ordenadas = sorted(longitudes(ruta, FRASES))
    esperado = [ordenadas[i:i + 3] for i in range(0, len(ordenadas), 3)]
    relleno = sum(len(lote) * max(lote) - sum(lote) for lote in lotes)
    minimo = sum(len(lote) * max(lote) - sum(lote) for lote in esperado)
    comprobar(lotes, esperado, ENTRADA + ", tamano_lote=3 (longitudes en piezas de las frases de "
              f"cada lote que procesó el modelo; con tus lotes, {relleno} piezas de relleno; "
              f"ordenadas, {minimo})",
              pista="Pasa todas las frases en una sola llamada, ordenadas de la más corta a la más "
                    "larga según su número de piezas (len(clasificador.tokenizer(frase)"
                    '["input_ids"])), no de caracteres, con batch_size=tamano_lote.')


def test_otro_tamano_de_lote_y_frases_repetidas(ejercicio, ruta, lotes):
    frases = FRASES[1:7] + ["Ok.", FRASES[3]]
    obtenido = llamar(ejercicio, "predecir_por_lotes", ruta, list(frases), tamano_lote=5)
    entrada = f"{len(frases)} frases (dos de ellas repetidas), tamano_lote=5"
    comprobar([len(lote) for lote in lotes], [5, 3], entrada + " (frases de cada lote)",
              pista="Usa batch_size=tamano_lote, no un número fijo, y una sola llamada al pipeline.")
    comprobar(redondear(obtenido), una_a_una(ruta, frases), entrada, tolerancia=2e-3,
              pista="Pon cada resultado en la posición original de su frase. Si dos frases son "
                    "iguales, cada una necesita su propio resultado: ordena las posiciones "
                    "(índices), no las frases, y no las busques con frases.index.")
