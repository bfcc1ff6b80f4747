"""Pruebas de transferencia.informes: informe de evaluación, predicciones y lotes."""

import json

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from transferencia.errores import ErrorEntrada
from transferencia.informes import en_lotes, escribir_informe, escribir_predicciones
from transferencia.tablas import leer_tabla

ETIQUETAS = ["Artes", "Historia", "Matemáticas"]
TEXTOS = ["Pinta un bodegón.", "¿Quién fue Carlomagno?", "Suma dos fracciones.",
          "Mira este cuadro de Goya.", "La guerra de la Independencia.", "Deriva la función."]
REALES = ["Artes", "Historia", "Matemáticas", "Artes", "Historia", "Matemáticas"]
PREDICHAS = ["Artes", "Historia", "Matemáticas", "Historia", "Historia", "Artes"]
PROBABILIDADES = [0.9, 0.8, 0.95, 0.7, 0.6, 0.4]


def leer_csv(ruta):
    return pd.read_csv(ruta, encoding="utf-8-sig", keep_default_na=False)


@pytest.fixture
def informe(tmp_path):
    rutas = escribir_informe(tmp_path / "informe", TEXTOS, REALES, PREDICHAS, PROBABILIDADES,
                             ETIQUETAS, menos_seguras=3)
    return tmp_path / "informe", rutas


def test_escribe_los_cuatro_archivos(informe):
    carpeta, rutas = informe
    assert rutas == [carpeta / "por_clase.csv", carpeta / "matriz_confusion.png",
                     carpeta / "errores.csv", carpeta / "menos_seguras.csv"]
    assert all(ruta.is_file() for ruta in rutas)
    assert sorted(p.name for p in carpeta.iterdir()) == sorted(r.name for r in rutas)


def test_por_clase(informe):
    carpeta, _ = informe
    tabla = leer_csv(carpeta / "por_clase.csv")
    assert list(tabla.columns) == ["etiqueta", "precisión", "exhaustividad", "F1", "soporte"]
    assert list(tabla["etiqueta"]) == ETIQUETAS + ["media macro"]
    # Calculado a mano. Artes: 1 acierto de 2 predichas y de 2 reales.
    # Historia: 2 aciertos de 3 predichas y de 2 reales. Matemáticas: 1 de 1 y de 2.
    f1_historia = 2 * (2 / 3) * 1 / (2 / 3 + 1)
    f1_mates = 2 * 1 * 0.5 / 1.5
    esperadas = [[0.5, 0.5, 0.5, 2], [2 / 3, 1.0, f1_historia, 2], [1.0, 0.5, f1_mates, 2],
                 [(0.5 + 2 / 3 + 1) / 3, (0.5 + 1 + 0.5) / 3, (0.5 + f1_historia + f1_mates) / 3, 6]]
    valores = tabla[["precisión", "exhaustividad", "F1", "soporte"]].to_numpy()
    np.testing.assert_allclose(valores, esperadas, atol=1e-4)


def test_por_clase_incluye_etiquetas_sin_frases(tmp_path):
    escribir_informe(tmp_path, ["a", "b"], ["A", "B"], ["A", "A"], [0.9, 0.6], ["A", "B", "C"])
    tabla = leer_csv(tmp_path / "por_clase.csv")
    assert list(tabla["etiqueta"]) == ["A", "B", "C", "media macro"]
    assert list(tabla["soporte"]) == [1, 1, 0, 2]
    # F1 de A = 2/3, de B = 0 y de C = 0 (sin frases ni predicciones): la media es 2/9.
    assert tabla["F1"].iloc[-1] == pytest.approx(2 / 9, abs=1e-4)


def test_errores_de_mas_a_menos_seguros(informe):
    carpeta, _ = informe
    tabla = leer_csv(carpeta / "errores.csv")
    assert list(tabla.columns) == ["texto", "real", "predicha", "probabilidad"]
    assert tabla.to_dict(orient="records") == [
        {"texto": "Mira este cuadro de Goya.", "real": "Artes", "predicha": "Historia",
         "probabilidad": 0.7},
        {"texto": "Deriva la función.", "real": "Matemáticas", "predicha": "Artes",
         "probabilidad": 0.4}]


def test_menos_seguras(informe):
    carpeta, _ = informe
    tabla = leer_csv(carpeta / "menos_seguras.csv")
    assert list(tabla.columns) == ["texto", "real", "predicha", "probabilidad"]
    assert list(tabla["texto"]) == ["Deriva la función.", "La guerra de la Independencia.",
                                    "Mira este cuadro de Goya."]
    assert list(tabla["probabilidad"]) == [0.4, 0.6, 0.7]


def test_matriz_de_confusion_en_png_sin_tocar_pyplot(tmp_path):
    backend = matplotlib.get_backend()
    abiertas = plt.get_fignums()
    rutas = escribir_informe(tmp_path, TEXTOS, REALES, PREDICHAS, PROBABILIDADES, ETIQUETAS)
    assert rutas[1].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert plt.get_fignums() == abiertas
    assert matplotlib.get_backend() == backend
    imagen = plt.imread(rutas[1])
    assert imagen.shape[0] > 300 and imagen.shape[1] > 300


def test_matriz_de_confusion_filas_reales_columnas_predichas(tmp_path, monkeypatch):
    from matplotlib.figure import Figure

    guardadas = []
    monkeypatch.setattr(Figure, "savefig", lambda figura, ruta, **_: guardadas.append(figura))
    escribir_informe(tmp_path, TEXTOS, REALES, PREDICHAS, PROBABILIDADES, ETIQUETAS)
    ejes = guardadas[0].axes[0]
    assert (ejes.get_ylabel(), ejes.get_xlabel()) == ("Etiqueta real", "Etiqueta predicha")
    assert ejes.get_title() == "Matriz de confusión"
    assert [t.get_text() for t in ejes.get_yticklabels()] == ETIQUETAS
    assert [t.get_text() for t in ejes.get_xticklabels()] == ETIQUETAS
    # Fila «Artes» (real): 1 bien y 1 predicha como Historia; fila «Matemáticas»: 1 como Artes.
    np.testing.assert_array_equal(ejes.images[0].get_array(), [[1, 1, 0], [0, 2, 0], [1, 0, 1]])
    numeros = {(t.get_position(), t.get_text()) for t in ejes.texts}
    assert ((1, 0), "1") in numeros and ((1, 1), "2") in numeros and ((0, 2), "1") in numeros


def test_probabilidades_en_matriz(tmp_path):
    matriz = [[0.7, 0.2, 0.1], [0.1, 0.3, 0.6]]
    escribir_informe(tmp_path, ["a", "b"], ["Artes", "Historia"], ["Artes", "Matemáticas"],
                     matriz, ETIQUETAS)
    tabla = leer_csv(tmp_path / "menos_seguras.csv")
    assert list(tabla["probabilidad"]) == [0.6, 0.7]
    assert list(leer_csv(tmp_path / "errores.csv")["texto"]) == ["b"]


def test_errores_de_uso_del_informe(tmp_path):
    with pytest.raises(ValueError, match="hay 2 textos, 2 etiquetas reales, 1 predichas"):
        escribir_informe(tmp_path, ["a", "b"], ["A", "B"], ["A"], [0.5, 0.5], ["A", "B"])
    with pytest.raises(ValueError, match="no están en la lista de etiquetas: Z"):
        escribir_informe(tmp_path, ["a"], ["A"], ["Z"], [0.5], ["A", "B"])
    with pytest.raises(ValueError, match="una por frase o una matriz"):
        escribir_informe(tmp_path, ["a"], ["A"], ["A"], [[0.5, 0.5, 0.0]], ["A", "B"])
    with pytest.raises(ValueError, match="no hay ninguna frase"):
        escribir_informe(tmp_path, [], [], [], [], ["A", "B"])
    assert not (tmp_path / "por_clase.csv").exists()


# ---------------------------------------------------------------------------
# Predicciones
# ---------------------------------------------------------------------------

TEXTOS_P = ["Pinta un bodegón.", "Deriva la función, por favor."]
PREDICHAS_P = ["Artes", "Matemáticas"]
PUNTUACIONES_P = [0.912345, 0.5]
ESPERADAS = [{"texto": "Pinta un bodegón.", "etiqueta": "Artes", "probabilidad": 0.9123},
             {"texto": "Deriva la función, por favor.", "etiqueta": "Matemáticas",
              "probabilidad": 0.5}]


def leer_salida(ruta):
    """Vuelve a leer un archivo de predicciones como lista de diccionarios."""
    if ruta.suffix == ".xlsx":
        return pd.read_excel(ruta, keep_default_na=False).to_dict(orient="records")
    if ruta.suffix == ".json":
        return json.loads(ruta.read_text(encoding="utf-8"))
    if ruta.suffix == ".jsonl":
        return [json.loads(linea) for linea in ruta.read_text(encoding="utf-8").splitlines()]
    separador = "\t" if ruta.suffix == ".tsv" else ","
    return pd.read_csv(ruta, sep=separador, encoding="utf-8-sig").to_dict(orient="records")


@pytest.mark.parametrize("extension", [".csv", ".tsv", ".xlsx", ".json", ".jsonl"])
def test_predicciones_en_cada_formato(tmp_path, extension):
    ruta = escribir_predicciones(tmp_path / "sub" / f"etiquetado{extension}", TEXTOS_P,
                                 PREDICHAS_P, PUNTUACIONES_P)
    assert ruta == tmp_path / "sub" / f"etiquetado{extension}"
    assert leer_salida(ruta) == ESPERADAS


def test_predicciones_csv_en_utf8_con_bom(tmp_path):
    ruta = escribir_predicciones(tmp_path / "p.csv", TEXTOS_P, PREDICHAS_P, PUNTUACIONES_P)
    assert ruta.read_bytes().startswith(b"\xef\xbb\xbftexto,etiqueta,probabilidad\n")


def test_json_legible_con_tildes(tmp_path):
    ruta = escribir_predicciones(tmp_path / "p.json", TEXTOS_P, PREDICHAS_P, PUNTUACIONES_P)
    assert "bodegón" in ruta.read_text(encoding="utf-8")


@pytest.mark.parametrize("extension", [".csv", ".xlsx", ".jsonl"])
def test_predicciones_con_columnas_originales(tmp_path, extension):
    originales = pd.DataFrame({"id": ["7", "8"], "texto": ["  Pinta un bodegón.", "Deriva"],
                               "etiqueta": ["Artes", "Historia"]})
    ruta = escribir_predicciones(tmp_path / f"p{extension}", TEXTOS_P, PREDICHAS_P,
                                 PUNTUACIONES_P, originales)
    filas = leer_salida(ruta)
    assert list(filas[0]) == ["texto", "etiqueta", "probabilidad", "id", "texto (original)",
                              "etiqueta (original)"]
    assert [str(f["id"]) for f in filas] == ["7", "8"]
    assert [f["etiqueta (original)"] for f in filas] == ["Artes", "Historia"]
    assert [f["etiqueta"] for f in filas] == PREDICHAS_P


def test_predicciones_se_vuelven_a_leer_con_leer_tabla(tmp_path):
    ruta = escribir_predicciones(tmp_path / "p.xlsx", TEXTOS_P, PREDICHAS_P, PUNTUACIONES_P,
                                 [{"notas": "x"}, {"notas": ""}])
    lectura = leer_tabla(ruta)
    assert list(lectura.datos.itertuples(index=False, name=None)) == list(zip(TEXTOS_P, PREDICHAS_P))


def test_errores_de_uso_de_las_predicciones(tmp_path):
    with pytest.raises(ErrorEntrada, match=r"«\.txt»; usa \.csv, \.tsv, \.xlsx, \.json o \.jsonl"):
        escribir_predicciones(tmp_path / "p.txt", TEXTOS_P, PREDICHAS_P, PUNTUACIONES_P)
    with pytest.raises(ErrorEntrada, match="«sin extensión»"):
        escribir_predicciones(tmp_path / "p", TEXTOS_P, PREDICHAS_P, PUNTUACIONES_P)
    with pytest.raises(ValueError, match="hay 2 predicciones y 1 filas originales"):
        escribir_predicciones(tmp_path / "p.csv", TEXTOS_P, PREDICHAS_P, PUNTUACIONES_P, [{"a": 1}])
    with pytest.raises(ValueError, match="hay 2 textos, 1 etiquetas y 2 probabilidades"):
        escribir_predicciones(tmp_path / "p.csv", TEXTOS_P, PREDICHAS_P[:1], PUNTUACIONES_P)
    with pytest.raises(ValueError, match="una de cada por texto"):
        escribir_predicciones(tmp_path / "p.csv", TEXTOS_P, PREDICHAS_P, [[0.5, 0.5], [0.1, 0.9]])
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------------------
# Lotes
# ---------------------------------------------------------------------------

def test_en_lotes_reparte_y_junta(capsys):
    lotes = []

    def funcion(lote):
        lotes.append(list(lote))
        return [(texto.upper(), len(texto)) for texto in lote]

    textos = [f"frase {i}" for i in range(7)]
    resultado = en_lotes(textos, 3, funcion, progreso=False)
    assert lotes == [textos[0:3], textos[3:6], textos[6:7]]
    assert resultado == [(t.upper(), len(t)) for t in textos]
    assert capsys.readouterr() == ("", "")


def test_en_lotes_con_barra_de_progreso(capsys):
    assert en_lotes(iter(["a", "b", "c"]), 2, lambda lote: lote) == ["a", "b", "c"]
    salida = capsys.readouterr()
    assert salida.out == ""
    assert "Etiquetando: 100 %" in salida.err
    assert "3/3 frases" in salida.err


def test_en_lotes_vacio_y_errores():
    assert en_lotes([], 4, lambda lote: lote, progreso=False) == []
    with pytest.raises(ValueError, match="el tamaño del lote debe ser 1 o más, no 0"):
        en_lotes(["a"], 0, lambda lote: lote, progreso=False)
    with pytest.raises(ValueError, match="devolvió 1 resultados para un lote de 2 textos"):
        en_lotes(["a", "b"], 2, lambda lote: lote[:1], progreso=False)
