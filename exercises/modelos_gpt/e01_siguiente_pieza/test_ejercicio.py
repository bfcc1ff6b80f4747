import torch
from transformers import GPT2Config, GPT2LMHeadModel

from comprobaciones import comprobar, llamar


def gpt_diminuto(semilla=0):
    torch.manual_seed(semilla)
    modelo = GPT2LMHeadModel(GPT2Config(n_layer=2, n_embd=32, n_head=2, vocab_size=60, n_positions=64))
    return modelo.eval()


def esperado(modelo, ids):
    with torch.no_grad():
        return int(modelo(input_ids=torch.tensor([ids])).logits[0, -1].argmax())


def test_varias_entradas(ejercicio):
    modelo = gpt_diminuto()
    for ids in ([5, 17, 3], [1], [9, 8, 7, 6, 5, 4]):
        comprobar(llamar(ejercicio, "siguiente_pieza", modelo, ids), esperado(modelo, ids), repr(ids),
                  tipo=int, pista="Mira los logits de la última posición: logits[0, -1].")


def test_otro_modelo(ejercicio):
    modelo = gpt_diminuto(semilla=3)
    ids = [2, 4, 6]
    comprobar(llamar(ejercicio, "siguiente_pieza", modelo, ids), esperado(modelo, ids),
              repr(ids) + " con otro GPT diminuto", tipo=int)
