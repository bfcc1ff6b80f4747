import torch
from transformers import GPT2Config, GPT2LMHeadModel

from comprobaciones import comprobar, llamar


def gpt_diminuto(semilla=0):
    torch.manual_seed(semilla)
    modelo = GPT2LMHeadModel(GPT2Config(n_layer=2, n_embd=32, n_head=2, vocab_size=60, n_positions=64))
    return modelo.eval()


def caso(semilla, largo):
    modelo = gpt_diminuto(semilla)
    ids = torch.arange(largo).reshape(1, -1) % 60
    with torch.no_grad():
        salida = modelo(input_ids=ids, labels=ids)
    return salida.logits, ids, float(salida.loss)


def test_como_la_perdida_del_modelo(ejercicio):
    for semilla, largo in ((0, 6), (2, 11)):
        logits, ids, esperada = caso(semilla, largo)
        comprobar(llamar(ejercicio, "perdida_causal", logits, ids), esperada,
                  f"un GPT diminuto con {largo} piezas", tipo=float, tolerancia=1e-4,
                  pista="Quita la última posición de los logits y la primera de los ids.")


def test_logits_perfectos(ejercicio):
    ids = torch.tensor([[1, 2, 3]])
    logits = torch.full((1, 3, 5), -50.0)
    logits[0, 0, 2] = logits[0, 1, 3] = 50.0
    comprobar(llamar(ejercicio, "perdida_causal", logits, ids), 0.0,
              "logits que aciertan siempre la pieza siguiente", tipo=float, tolerancia=1e-4)
