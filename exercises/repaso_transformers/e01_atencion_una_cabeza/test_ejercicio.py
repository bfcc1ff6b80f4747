import numpy as np
import torch
import torch.nn.functional as F
from comprobaciones import comprobar, como_lista, llamar


def datos(semilla, n_consultas, n_claves, d, d_v):
    azar = np.random.default_rng(semilla)
    return (azar.normal(size=(n_consultas, d)).round(3), azar.normal(size=(n_claves, d)).round(3),
            azar.normal(size=(n_claves, d_v)).round(3))


def referencia(Q, K, V, mascara=None, causal=False):
    """Atención de PyTorch (``scaled_dot_product_attention``) en doble precisión."""
    q, k, v = (torch.tensor(x, dtype=torch.float64) for x in (Q, K, V))
    m = None if mascara is None else torch.tensor(np.asarray(mascara), dtype=torch.bool)
    salida = F.scaled_dot_product_attention(q, k, v, attn_mask=m, is_causal=causal)
    return np.round(salida.numpy(), 6).tolist()


def atender(ejercicio, entrada, *args, **kwargs):
    resultado = llamar(ejercicio, "atencion", *args, **kwargs)
    if not isinstance(resultado, tuple) or len(resultado) != 2:
        comprobar(resultado, "(salida, pesos)", entrada, tipo=tuple,
                  pista="Devuelve la tupla (salida, pesos).")
    return como_lista(resultado[0]), como_lista(resultado[1])


def test_sin_mascara_igual_que_pytorch(ejercicio):
    Q, K, V = datos(0, 3, 5, 4, 2)
    entrada = "Q (3×4), K (5×4) y V (5×2) al azar, sin máscara"
    salida, pesos = atender(ejercicio, entrada, Q, K, V)
    comprobar(salida, referencia(Q, K, V), entrada + " (salida)", tolerancia=2e-6,
              pista="salida = softmax(Q·Kᵀ / √d) · V, con d = Q.shape[-1] y el softmax por filas.")
    esperados = np.round(torch.softmax(torch.tensor(Q @ K.T / 2.0), dim=-1).numpy(), 6).tolist()
    comprobar(pesos, esperados, entrada + " (pesos)", tolerancia=2e-6)


def test_mascara_de_relleno(ejercicio):
    Q, K, V = datos(1, 4, 5, 6, 3)
    mascara = np.array([1, 1, 1, 0, 0])
    entrada = f"Q (4×6), K (5×6) y V (5×3) al azar, mascara=np.array({mascara.tolist()})"
    salida, pesos = atender(ejercicio, entrada, Q, K, V, mascara=mascara)
    comprobar(salida, referencia(Q, K, V, mascara), entrada + " (salida)", tolerancia=2e-6,
              pista="Las claves con máscara 0 deben tener peso 0: pon su puntuación a -inf "
                    "(np.where) antes del softmax.")
    try:
        pesos_relleno = np.round(np.asarray(pesos, dtype=float)[:, 3:], 12).tolist()
    except (IndexError, TypeError, ValueError):
        pesos_relleno = pesos
    comprobar(pesos_relleno, [[0.0, 0.0]] * 4, entrada + " (pesos[:, 3:], los del relleno)")


def test_mascara_causal(ejercicio):
    Q, K, V = datos(2, 4, 4, 4, 2)
    causal = np.tril(np.ones((4, 4), dtype=int))
    entrada = "Q (4×4), K (4×4) y V (4×2) al azar, mascara=np.tril(np.ones((4, 4)))"
    salida, _ = atender(ejercicio, entrada, Q, K, V, mascara=causal)
    comprobar(salida, referencia(Q, K, V, causal=True), entrada + " (salida)", tolerancia=2e-6,
              pista="Una máscara de forma (n_consultas, n_claves) se aplica tal cual: la consulta "
                    "i solo atiende a las claves j con mascara[i, j] = 1.")
