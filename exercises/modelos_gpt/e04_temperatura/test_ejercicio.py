import torch

from comprobaciones import comprobar, como_lista, llamar


def referencia(logits, t):
    return torch.softmax(torch.tensor(logits, dtype=torch.float64) / t, dim=0).numpy()


def test_varias_temperaturas(ejercicio):
    for t in (1.0, 0.5, 2.0):
        logits = [2.0, 1.0, 0.0]
        comprobar(como_lista(llamar(ejercicio, "con_temperatura", logits, t)), como_lista(referencia(logits, t)),
                  f"logits={logits}, t={t}", pista="Divide los logits entre t antes de la softmax.")


def test_estable_con_logits_grandes(ejercicio):
    logits = [1000.0, 999.0, 990.0]
    comprobar(como_lista(llamar(ejercicio, "con_temperatura", logits, 0.7)), como_lista(referencia(logits, 0.7)),
              f"logits={logits}, t=0.7", pista="Resta el máximo antes de np.exp para no desbordar.")
