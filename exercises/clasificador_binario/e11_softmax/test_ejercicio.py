import numpy as np
import torch
from comprobaciones import comprobar, como_lista, llamar


def referencia(logits):
    probabilidades = torch.softmax(torch.tensor(logits, dtype=torch.float64), dim=-1)
    return np.round(probabilidades.numpy(), 6).tolist()


def test_ejemplo_del_enunciado(ejercicio):
    logits = np.array([2.0, 1.0, 0.1])
    comprobar(como_lista(llamar(ejercicio, "softmax", logits)), referencia(logits),
              f"np.array({logits.tolist()})", tolerancia=2e-6)


def test_lote_de_frases_cada_fila_suma_uno(ejercicio):
    logits = np.random.default_rng(4).normal(scale=3, size=(4, 3)).round(2)
    comprobar(como_lista(llamar(ejercicio, "softmax", logits)), referencia(logits),
              f"np.array({logits.tolist()})", tolerancia=2e-6,
              pista="Aplica softmax a cada fila por separado: usa axis=-1 y keepdims=True en "
                    "max y sum.")


def test_logits_grandes_sin_desbordamiento(ejercicio):
    logits = np.array([[1000.0, 1001.0], [-1000.0, -1001.0], [0.0, 0.0]])
    comprobar(como_lista(llamar(ejercicio, "softmax", logits)), referencia(logits),
              f"np.array({logits.tolist()})", tolerancia=2e-6,
              pista="np.exp(1000) desborda (da inf, y inf/inf es nan). Resta primero el máximo "
                    "de cada fila: softmax(z) = softmax(z - max(z)).")


def test_no_modifica_la_entrada(ejercicio):
    logits = np.array([[3.0, 1.0, 2.0], [0.5, 0.5, 4.0]])
    copia = logits.copy()
    resultado = llamar(ejercicio, "softmax", logits)
    comprobar(como_lista(resultado), referencia(copia), f"np.array({copia.tolist()})",
              tolerancia=2e-6)
    comprobar(logits.tolist(), copia.tolist(), "el array de entrada después de llamar a tu función",
              pista="No uses operaciones en el sitio como `logits -= ...`: crea un array nuevo.")
