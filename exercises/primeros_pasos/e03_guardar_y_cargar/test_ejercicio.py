import torch
from comprobaciones import comprobar, config_bert_diminuta, llamar, tokenizador_respaldo
from transformers import BertForSequenceClassification, PreTrainedModel, PreTrainedTokenizerBase


ETIQUETAS = {0: "negativo", 1: "neutro", 2: "positivo"}
ARCHIVOS = ["config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json"]
FRASE = "The soup was cold but the bread was great."
MODELO = "un BERT diminuto con 3 etiquetas (negativo, neutro, positivo)"


def modelo_nuevo():
    """Un clasificador diminuto con pesos al azar (siempre los mismos) y nombres de etiquetas."""
    torch.manual_seed(0)
    config = config_bert_diminuta(vocab_size=tokenizador_respaldo().vocab_size,
                                  initializer_range=0.2, id2label=ETIQUETAS)
    return BertForSequenceClassification(config).eval()


def describir(resultado):
    """Los tipos de lo que devolvió ``cargar``, para el mensaje: «(BertModel, BertTokenizer)»."""
    if resultado is None:
        return None
    if isinstance(resultado, (tuple, list)):
        return "(" + ", ".join(type(x).__name__ for x in resultado) + ")"
    return type(resultado).__name__


def separar(resultado, entrada):
    """Comprueba que ``cargar`` devolvió la tupla (modelo, tokenizador) y la separa."""
    correcto = (isinstance(resultado, (tuple, list)) and len(resultado) == 2
                and isinstance(resultado[0], PreTrainedModel)
                and isinstance(resultado[1], PreTrainedTokenizerBase))
    if not correcto:
        comprobar(describir(resultado), "(un modelo, un tokenizador)", entrada + " (qué devolvió)",
                  pista="cargar debe terminar con «return modelo, tokenizador»: primero el modelo "
                        "y después el tokenizador, los dos leídos de la carpeta.")
    modelo, tokenizador_cargado = resultado
    comprobar(type(modelo).__name__, "BertForSequenceClassification", entrada + " (clase del modelo)",
              pista="Carga el modelo con AutoModelForSequenceClassification.from_pretrained: "
                    "AutoModel daría solo el cuerpo, sin la cabeza de clasificación.")
    return modelo, tokenizador_cargado


def test_guardar_escribe_los_archivos(ejercicio, tmp_path):
    carpeta = str(tmp_path / "mi_clasificador")
    entrada = f"modelo ({MODELO}), tokenizador, '…/mi_clasificador' (una carpeta que no existe)"
    llamar(ejercicio, "guardar", modelo_nuevo(), tokenizador_respaldo(), carpeta)
    hay = {p.name for p in (tmp_path / "mi_clasificador").glob("*")}
    comprobar([nombre for nombre in ARCHIVOS if nombre in hay], ARCHIVOS,
              entrada + " (archivos que hay en la carpeta después de guardar)",
              pista="Llama a save_pretrained(carpeta) dos veces: la del modelo escribe "
                    "config.json y model.safetensors; la del tokenizador, tokenizer.json y "
                    "tokenizer_config.json.")


def test_cargar_recupera_modelo_y_etiquetas(ejercicio, tmp_path):
    carpeta = tmp_path / "guardado"
    modelo_nuevo().save_pretrained(carpeta)
    tokenizador_respaldo().save_pretrained(carpeta)
    entrada = f"cargar('…/guardado'), con {MODELO} y su tokenizador guardados ahí"
    modelo, tokenizador_cargado = separar(llamar(ejercicio, "cargar", str(carpeta)), entrada)
    comprobar(modelo.config.id2label, ETIQUETAS, entrada + " (config.id2label)", tipo=dict)
    comprobar(modelo.config.label2id, {e: i for i, e in ETIQUETAS.items()},
              entrada + " (config.label2id)", tipo=dict)
    comprobar(tokenizador_cargado(FRASE)["input_ids"], tokenizador_respaldo()(FRASE)["input_ids"],
              entrada + f" (input_ids de {FRASE!r} con el tokenizador cargado)",
              pista="Carga el tokenizador de la misma carpeta con AutoTokenizer.from_pretrained.")


def test_ida_y_vuelta_con_los_mismos_pesos(ejercicio, tmp_path):
    carpeta = str(tmp_path / "ida_y_vuelta")
    original = modelo_nuevo()
    entrada = f"guardar(modelo ({MODELO}), tokenizador, '…/ida_y_vuelta') y cargar('…/ida_y_vuelta')"
    llamar(ejercicio, "guardar", original, tokenizador_respaldo(), carpeta)
    modelo, tokenizador_cargado = separar(llamar(ejercicio, "cargar", carpeta), entrada)
    pesos = modelo.state_dict()
    distintos = [nombre for nombre, valor in original.state_dict().items()
                 if nombre not in pesos or not torch.equal(pesos[nombre], valor)]
    comprobar(distintos, [], entrada + " (pesos que no coinciden con los del modelo guardado)",
              pista="Guarda el modelo con save_pretrained y cárgalo con "
                    "AutoModelForSequenceClassification.from_pretrained de la misma carpeta.")
    with torch.no_grad():
        antes = original(**tokenizador_respaldo()(FRASE, return_tensors="pt")).logits
        despues = modelo.eval()(**tokenizador_cargado(FRASE, return_tensors="pt")).logits
    comprobar(despues[0].tolist(), antes[0].tolist(), entrada + f" (logits de {FRASE!r})",
              tolerancia=1e-5)
