"""«Modelos GPT»: las frases que interpretan un resultado dicen lo que dicen las cifras pegadas.

Como ``test_conclusiones.py`` (de donde salen ``leer``, ``Pegados`` y la construcción), en
cada libro construido en esta ejecución: sin conexión (``LIBRO_HTML``) y con los modelos
suplentes del Hub (``LIBRO_HTML_HUB``). Cada prueba recalcula, con las cifras pegadas, la
condición que eligió la frase en el capítulo y comprueba que la frase es la que corresponde
y que cita esas mismas cifras.
"""

import math
import re

import pytest
from test_conclusiones import Pegados, comprobar_comparacion, construccion, leer  # noqa: F401

from transferencia.cifras import cifra, porcentaje
from transferencia.modelos import MODELO_INGLES, NOMBRE_RESPALDO

pytestmark = pytest.mark.libro


@pytest.fixture(scope="module")
def pegados(construccion) -> Pegados:  # noqa: F811
    return leer(construccion, "modelos_gpt")


def test_nombra_el_modelo_que_corresponde(construccion, pegados):  # noqa: F811
    esperado = NOMBRE_RESPALDO if construccion[0] == "sin_conexion" else MODELO_INGLES
    assert pegados["modelo_ingles"] == f"`{esperado}`"


def test_hay_prueba_aparte_y_se_codifica_sin_perdidas(pegados):
    assert pegados.numero("n_parrafos_prueba") >= 1 and pegados.numero("n_fabulas_prueba") >= 1
    assert pegados.numero("n_parrafos_val") >= 1 and pegados.numero("n_fabulas_val") >= 1
    assert pegados["sin_perdidas"] == "Sí" and pegados["reconstruido"] == "Sí"
    for clave in ("azar", "pre", "final", "cero"):
        assert pegados.numero(f"ppl_fab_prueba_{clave}") > 1
        assert pegados.numero(f"ppl_prosa_prueba_{clave}") > 1


def test_piezas_del_ejemplo(pegados):
    frase, enteras, partidas = (pegados["frase_piezas"], pegados.numero("n_enteras"),
                                pegados.numero("n_partidas"))
    if enteras and partidas:
        assert "una sola pieza" in frase and "en trozos" in frase and "todas" not in frase
        assert frase.count("`") == 2 * (enteras + partidas)
    elif enteras:
        assert frase == "En el ejemplo, todas las palabras son una sola pieza."
    else:
        assert frase == "En el ejemplo, todas las palabras se parten en trozos."


def test_perdida_inicial_cerca_del_azar(pegados):
    inicial, azar = pegados.numero("perdida_inicial"), pegados.numero("perdida_azar")
    frase = pegados["conclusion_inicial"]
    assert ("muy cerca" in frase) == (abs(inicial - azar) < 0.05 * azar), frase
    assert ("se aleja" in frase) == (abs(inicial - azar) >= 0.05 * azar), frase
    assert cifra(inicial) in frase and cifra(azar) in frase


def test_muestra_sin_entrenar(pegados):
    reales, frase = pegados.numero("reales_azar"), pegados["conclusion_azar"]
    assert porcentaje(reales, 0) in frase
    assert ("casi sin sentido" in frase) == (reales < 0.5), frase


def test_memoriza_o_no(pegados):
    brecha = pegados.numero("perdida_pre_val") - pegados.numero("perdida_pre_ent")
    frase = pegados["conclusion_memoriza"]
    assert cifra(pegados.numero("perdida_pre_ent")) in frase
    assert ("queda más baja" in frase) == (brecha > 0.25), frase
    assert ("queda más alta" in frase) == (brecha < -0.25), frase
    assert ("termina cerca" in frase) == (abs(brecha) <= 0.25), frase


def test_muestras_del_preentrenamiento(pegados):
    reales = [pegados.numero(f"reales_muestra_{i}") for i in range(int(pegados.numero("n_muestras")))]
    frase = pegados["conclusion_muestras_pre"]
    assert porcentaje(reales[0], 0) in frase and porcentaje(reales[-1], 0) in frase
    sube = reales[-1] > reales[0]
    assert ("reales sube del" in frase) == sube, (frase, reales)
    assert ("reales no sube" in frase) == (not sube), (frase, reales)
    if sube:
        siempre = all(b > a for a, b in zip(reales, reales[1:]))
        assert ("sube en cada momento" in frase) == siempre, (frase, reales)
        assert ("no en todos los momentos" in frase) == (not siempre), (frase, reales)
    repetidos = pegados.numero("repetidos_pre_final")
    assert ("no repite ningún trigrama" in frase) == (repetidos == 0), frase
    aprendio = sube and reales[-1] >= 0.6
    assert ("**ha aprendido" in pegados["conclusion_aprendio"]) == aprendio
    assert ("todavía escribe" in pegados["conclusion_aprendio"]) == (not aprendio)


def test_ajuste_transferencia_y_olvido(pegados):
    antes, despues = pegados.numero("perdida_fab_antes"), pegados.numero("perdida_fab_despues")
    cero = pegados.numero("perdida_fab_cero")
    assert (pegados["verbo_fab"] == "bajó") == (despues < antes)
    transferencia = pegados["conclusion_transferencia"]
    assert ("**partir del modelo preentrenado" in transferencia) == (despues < cero), transferencia
    assert ("no ha ayudado" in transferencia) == (despues >= cero), transferencia
    olvido = pegados["conclusion_olvido"]
    general_antes, general_despues = pegados.numero("perdida_pre_val"), pegados.numero("perdida_gen_despues")
    assert ("**subió**" in olvido) == (general_despues > general_antes), olvido
    assert ("**no subió**" in olvido) == (general_despues <= general_antes), olvido
    assert cifra(general_antes) in olvido and cifra(general_despues) in olvido


def test_muestras_del_zorro(pegados):
    frase = pegados["conclusion_zorro"]
    assert porcentaje(pegados.numero("reales_zorro_pre"), 0) in frase
    assert porcentaje(pegados.numero("reales_zorro_ajustado"), 0) in frase
    parte_pre, parte_ajustado = frase.split("El preentrenado ")[1].split(", y el ajustado ")
    for parte, clave in [(parte_pre, "pre"), (parte_ajustado, "ajustado")]:
        presentes = {marca: pegados.booleano(f"zorro_{corta}_{clave}")
                     for marca, corta in [("«Había una vez»", "habia"), ("«Moraleja»", "moraleja")]}
        if not any(presentes.values()):
            assert parte.startswith("no usa ni"), parte
        else:
            assert parte.startswith("usa "), parte
            for marca, esta in presentes.items():
                assert (marca in parte) == esta, (parte, presentes)


def test_estilo_tras_el_ajuste(pegados):
    frase = pegados["conclusion_estilo"]
    suben = {"«Había una vez»": pegados.numero("habia_despues") > pegados.numero("habia_antes"),
             "«Moraleja»": pegados.numero("moraleja_despues") > pegados.numero("moraleja_antes")}
    if all(suben.values()):
        assert "las dos marcas" in frase, frase
    elif any(suben.values()):
        ganadora = next(m for m, sube in suben.items() if sube)
        perdedora = next(m for m, sube in suben.items() if not sube)
        assert f"más frecuente {ganadora}, pero no {perdedora}" in frase, frase
    else:
        assert "ninguna de las dos marcas" in frase, frase


def test_piezas_por_palabra_y_tildes(pegados):
    razon = pegados.numero("piezas_es") / pegados.numero("piezas_en")
    assert razon == pytest.approx(pegados.numero("razon_piezas"))
    frase = pegados["conclusion_piezas"]
    if razon > 1.1:
        assert frase.startswith(f"Son {cifra(razon, 1)} veces más piezas"), frase
        assert ("mucho menos familiar" in frase) == (razon > 1.3), frase
    elif razon < 1 / 1.1:
        assert "necesita menos piezas" in frase, frase
    else:
        assert "casi las mismas piezas" in frase, frase
    assert pegados["conclusion_tildes"].startswith(
        "Además, quita las tildes" if pegados.booleano("quita_tildes") else "Y conserva las tildes")


def test_eleccion_de_la_tasa_en_validacion(pegados):
    n = int(pegados.numero("n_tasas"))
    tasas = [pegados.numero(f"busqueda_tasa_{i}") for i in range(n)]
    fabulas = [pegados.numero(f"busqueda_fab_{i}") for i in range(n)]
    prosa = [pegados.numero(f"busqueda_prosa_{i}") for i in range(n)]
    mejor = pegados.numero("mejor_tasa_valor")
    assert mejor == tasas[fabulas.index(min(fabulas))]
    assert pegados["mejor_tasa"] == f"`{mejor:g}`"
    coincide = mejor == pegados.numero("tasa_ajuste")
    assert pegados["conclusion_tasa"].startswith("Es la que usamos" if coincide else "No es la que")
    crece = all(b > a for a, b in zip(prosa, prosa[1:]))
    assert ("la pérdida crece con la tasa" in pegados["conclusion_prosa_tasa"]) == crece
    assert ("no crece siempre" in pegados["conclusion_prosa_tasa"]) == (not crece)


def test_evaluacion_final_en_la_prueba(pegados):
    fab = {c: pegados.numero(f"ppl_fab_prueba_{c}") for c in ("azar", "pre", "final", "cero")}
    prosa = {c: pegados.numero(f"ppl_prosa_prueba_{c}") for c in ("azar", "pre", "final", "cero")}
    baja = fab["final"] < fab["pre"]
    assert pegados.booleano("fab_prueba_baja") == baja
    frase = pegados["conclusion_prueba_fab"]
    assert ("el ajuste **baja**" in frase) == baja, frase
    assert ("el ajuste **no baja**" in frase) == (not baja), frase
    coincide = baja == pegados.booleano("fab_val_baja")
    assert ("como anticipaba la validación" in frase) == coincide, frase
    assert ("al contrario de lo que decía la validación" in frase) == (not coincide), frase
    assert ("por encima del preentrenado" in frase) == (fab["cero"] > fab["final"]), frase
    assert all(cifra(fab[c], 1) in frase for c in ("pre", "final", "cero"))
    frase = pegados["conclusion_prueba_prosa"]
    assert ("**sube**" in frase) == (prosa["final"] > prosa["pre"]), frase
    assert cifra(prosa["pre"], 1) in frase and cifra(prosa["final"], 1) in frase


def test_resumen_con_las_cifras_de_la_prueba(pegados):
    fab = {c: pegados.numero(f"ppl_fab_prueba_{c}") for c in ("pre", "final", "cero")}
    prosa = {c: pegados.numero(f"ppl_prosa_prueba_{c}") for c in ("azar", "pre", "final")}
    resumen = pegados["resumen_pre"]
    assert resumen.startswith("la perplejidad en la prosa de prueba "
                              + ("bajó" if prosa["pre"] < prosa["azar"] else "no bajó"))
    assert cifra(prosa["azar"], 1) in resumen and cifra(prosa["pre"], 1) in resumen
    resumen = pegados["resumen_ajuste"]
    assert resumen.startswith("la perplejidad en las fábulas de prueba "
                              + ("bajó" if fab["final"] < fab["pre"] else "no bajó"))
    assert all(cifra(fab[c], 1) in resumen for c in fab)
    muestra = pegados["lo_que_muestra"]
    assert pegados.booleano("muestra_baja_perplejidad") == (prosa["pre"] < prosa["azar"])
    assert ("baja la perplejidad" in muestra) == (prosa["pre"] < prosa["azar"]), muestra
    assert ("partir del modelo preentrenado" in muestra) == (fab["final"] < fab["cero"]), muestra
    assert ("especializarse cuesta" in muestra) == (prosa["final"] > prosa["pre"]), muestra


def test_gradual_gradientes_del_cuerpo(pegados):
    directo, gradual = pegados.numero("cuerpo_directo"), pegados.numero("cuerpo_gradual")
    razon = directo / gradual
    frase = pegados["conclusion_gradientes"]
    assert cifra(directo) in frase and cifra(gradual) in frase
    assert frase.startswith("**Con la cabeza al azar, el cuerpo recibe gradientes mayores**") == \
        (razon > 1.1), frase
    assert ("no recibe gradientes mayores, sino menores**" in frase) == (razon < 1 / 1.1), frase
    assert ("gradientes parecidos**" in frase) == (1 / 1.1 <= razon <= 1.1), frase
    perdida = pegados["conclusion_perdida_calentada"]
    mejor = pegados.numero("perdida_primeros_gradual") < pegados.numero("perdida_primeros_directo")
    assert perdida.endswith("ya hace la tarea algo mejor." if mejor
                            else "todavía no hace mejor la tarea."), perdida
    resumen = pegados["resumen_gradual"]
    assert resumen.startswith("el cuerpo recibe gradientes mayores" if razon > 1.1
                              else "el cuerpo no recibe gradientes mayores"), resumen


def test_gradual_capas_y_tiempo(pegados):
    primera, ultima = pegados.numero("norma_primera_capa"), pegados.numero("norma_ultima_capa")
    frase = pegados["conclusion_capas"]
    assert ("la última capa" in frase and "recibe de media más" in frase) == (ultima > 1.1 * primera)
    assert ("la primera capa recibe de media más" in frase) == (ultima < primera / 1.1), frase
    assert ("un gradiente parecido" in frase) == (primera / 1.1 <= ultima <= 1.1 * primera), frase
    congelado, todo = pegados.numero("tiempo_paso_congelado"), pegados.numero("tiempo_paso_todo")
    frase = pegados["conclusion_tiempo_congelado"]
    assert ("veces menos" in frase) == (congelado < todo), frase
    assert ("congelar no fue más rápido" in frase) == (congelado >= todo), frase


def test_gradual_resultado_en_la_prueba(pegados):
    diferencia = pegados.numero("f1_gradual") - pegados.numero("f1_directo")
    assert pegados.numero("dif_gradual_directo") == pytest.approx(diferencia, abs=1e-9)
    comprobar_comparacion(pegados, "gradual_directo", "el ajuste gradual", "el ajuste directo")
    resumen = pegados["resumen_gradual"]
    if not pegados.booleano("dif_gradual_directo_distintos"):
        assert resumen.endswith("el resultado final no se distingue del ajuste directo"), resumen
    elif diferencia > 0:
        assert resumen.endswith("el ajuste gradual acaba mejor que el directo"), resumen
    else:
        assert resumen.endswith("el ajuste directo acaba mejor que el gradual"), resumen


def test_ninguna_cifra_del_texto_con_punto_decimal(pegados):
    """Los textos construidos en las celdas llevan coma decimal (``cifras.cifra``)."""
    for clave, texto in pegados.items():
        if clave.startswith(("conclusion_", "frase_", "resumen_", "lo_que_")):
            sin_codigo = re.sub(r"`[^`]*`", "", texto)   # `0.001` es un literal de Python
            assert not re.search(r"\d\.\d|\d%", sin_codigo), (clave, texto)
    assert math.isfinite(pegados.numero("segundos_capitulo"))
