"""Intervalos bootstrap y la frase que concluye a partir de ellos."""

import numpy as np
import pytest

from transferencia.incertidumbre import (Intervalo, frase_comparacion, intervalo_diferencia,
                                         intervalo_f1)

ETIQUETAS = ["a", "b"]


def datos(n=60, aciertos_a=0.95, aciertos_b=0.6, semilla=0):
    rng = np.random.default_rng(semilla)
    reales = rng.choice(ETIQUETAS, n)
    otra = {"a": "b", "b": "a"}
    a = [r if rng.random() < aciertos_a else otra[r] for r in reales]
    b = [r if rng.random() < aciertos_b else otra[r] for r in reales]
    return list(reales), a, b


def test_intervalo_f1_contiene_el_valor_y_es_estrecho_si_acierta_todo():
    reales, a, _ = datos()
    intervalo = intervalo_f1(reales, a, ETIQUETAS)
    assert intervalo.bajo <= intervalo.valor <= intervalo.alto
    perfecto = intervalo_f1(reales, reales, ETIQUETAS)
    assert perfecto == Intervalo(1.0, 1.0, 1.0)


def test_diferencia_clara_no_contiene_cero_y_la_frase_nombra_al_mejor():
    reales, a, b = datos()
    diferencia = intervalo_diferencia(reales, a, b, ETIQUETAS)
    assert diferencia.valor > 0 and not diferencia.contiene_cero
    frase = frase_comparacion("el método A", "el método B", diferencia)
    assert frase.startswith("**El método A supera al método B**")
    invertida = frase_comparacion("el método B", "el método A",
                                  intervalo_diferencia(reales, b, a, ETIQUETAS))
    assert invertida.startswith("**El método A supera al método B**")


def test_metodos_iguales_no_se_distinguen():
    reales, a, _ = datos()
    diferencia = intervalo_diferencia(reales, a, a, ETIQUETAS)
    assert diferencia == Intervalo(0.0, 0.0, 0.0) and diferencia.contiene_cero
    assert "no se pueden distinguir" in frase_comparacion("A", "B", diferencia)


def test_diferencia_pequena_con_pocas_frases_no_se_distingue():
    reales, a, b = datos(n=20, aciertos_a=0.8, aciertos_b=0.75, semilla=3)
    assert intervalo_diferencia(reales, a, b, ETIQUETAS).contiene_cero


def test_mismo_resultado_con_la_misma_semilla_y_longitudes():
    reales, a, b = datos()
    assert intervalo_diferencia(reales, a, b, ETIQUETAS) == intervalo_diferencia(reales, a, b, ETIQUETAS)
    with pytest.raises(ValueError, match="mismas frases"):
        intervalo_diferencia(reales, a[:-1], b, ETIQUETAS)


def test_texto_con_coma_decimal():
    assert Intervalo(0.9, 0.85, 0.95).texto() == "0,900 (IC 95 %: 0,850 a 0,950)"


def test_el_remuestreo_vectorizado_da_el_f1_macro_de_scikit_learn():
    from transferencia.incertidumbre import _f1_remuestreos, _muestras
    from transferencia.metricas import f1_macro

    reales, a, _ = datos(n=30)
    reales[0], a[1] = "c", "c"  # una tercera clase, presente en reales y predichas
    etiquetas = ["a", "b", "c", "d"]  # «d» no aparece: cuenta con F1 0
    muestras = _muestras(30, 20, 1)
    esperado = [f1_macro(np.array(reales)[i], np.array(a)[i], etiquetas) for i in muestras]
    assert _f1_remuestreos(reales, a, etiquetas, muestras) == pytest.approx(esperado)
