import torch
from transformers import GPT2Config, GPT2LMHeadModel

from comprobaciones import comprobar, llamar


def gpt_diminuto(semilla=0):
    torch.manual_seed(semilla)
    modelo = GPT2LMHeadModel(GPT2Config(n_layer=2, n_embd=32, n_head=2, vocab_size=60, n_positions=64))
    return modelo.eval()


def referencia(modelo, ids, n):
    with torch.no_grad():
        salida = modelo.generate(torch.tensor([ids]), attention_mask=torch.ones(1, len(ids), dtype=torch.long),
                                 do_sample=False, max_new_tokens=n, min_new_tokens=n, pad_token_id=0)
    return salida[0].tolist()


def test_como_generate(ejercicio):
    modelo = gpt_diminuto()
    for ids, n in (([5, 17], 3), ([1, 2, 3, 4], 5)):
        comprobar(llamar(ejercicio, "generar_voraz", modelo, ids, n), referencia(modelo, ids, n),
                  f"ids={ids}, n={n}", tipo=list)


def test_cero_piezas_y_sin_tocar_la_entrada(ejercicio):
    modelo = gpt_diminuto(semilla=1)
    ids = [7, 7]
    comprobar(llamar(ejercicio, "generar_voraz", modelo, ids, 0), [7, 7], "ids=[7, 7], n=0", tipo=list)
    llamar(ejercicio, "generar_voraz", modelo, ids, 2)
    comprobar(ids, [7, 7], "la lista ids después de llamar a tu función",
              pista="Trabaja sobre una copia: list(ids).")
