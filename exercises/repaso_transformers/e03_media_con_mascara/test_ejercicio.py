import numpy as np
import torch
from comprobaciones import como_lista, comprobar, config_bert_diminuta, llamar, tokenizador_respaldo
from transformers import BertModel


def forma(valor):
    return None if valor is None else list(np.shape(valor))


def test_ejemplo_del_enunciado(ejercicio):
    estados = np.array([[[1.0, 2.0], [3.0, 4.0], [9.0, 9.0]]])
    mascara = np.array([[1, 1, 0]])
    comprobar(como_lista(llamar(ejercicio, "media_con_mascara", estados, mascara)),
              [[2.0, 3.0]], f"estados=np.array({estados.tolist()}), "
                            f"mascara=np.array({mascara.tolist()})")


def test_lote_con_longitudes_distintas(ejercicio):
    estados = np.random.default_rng(9).normal(size=(3, 5, 4)).round(2)
    mascara = np.array([[1, 1, 1, 1, 1], [1, 1, 0, 0, 0], [1, 1, 1, 0, 0]])
    esperado = [estados[i, :n].mean(axis=0).round(6).tolist()
                for i, n in enumerate(mascara.sum(axis=1))]
    comprobar(como_lista(llamar(ejercicio, "media_con_mascara", estados, mascara)), esperado,
              f"estados (3×5×4) al azar, mascara=np.array({mascara.tolist()})", tolerancia=2e-6,
              pista="Divide entre el número de tokens reales de cada frase (la suma de su fila "
                    "de la máscara), no entre n_tokens.")


def test_el_relleno_no_cambia_el_vector_de_una_frase(ejercicio):
    torch.manual_seed(0)
    modelo = BertModel(config_bert_diminuta(vocab_size=tokenizador_respaldo().vocab_size)).eval()
    frases = ["I love soup.", "The train to Madrid leaves at nine tomorrow."]
    with torch.no_grad():
        sola = tokenizador_respaldo()(frases[:1], return_tensors="pt")
        estados_sola = modelo(**sola).last_hidden_state.numpy()
        lote = tokenizador_respaldo()(frases, padding=True, return_tensors="pt")
        estados_lote = modelo(**lote).last_hidden_state.numpy()
    referencia = estados_sola.mean(axis=1)[0]  # la frase sola no tiene relleno
    entrada = f"un BERT diminuto (dim=32) con {frases[0]!r} rellenada en un lote con {frases[1]!r}"
    vectores = llamar(ejercicio, "media_con_mascara", estados_lote, lote["attention_mask"].numpy())
    comprobar(forma(vectores), [2, 32], entrada + " (forma del resultado)")
    diferencia = float(np.abs(np.asarray(vectores, dtype=float)[0] - referencia).max())
    comprobar(round(diferencia, 6), 0.0, entrada + " (diferencia máxima con el vector de la frase "
                                                  "sola, sin relleno)", tolerancia=1e-4,
              pista="Si cuentas los tokens de relleno, el vector de la frase corta cambia al "
                    "meterla en un lote: multiplica por la máscara antes de sumar.")
