"""Validación de CSV: cada error tiene un mensaje claro en español."""

import pandas as pd
import pytest

from transferencia.datos import (
    ErrorDatos,
    cargar_dataset,
    dividir_estratificado,
    leer_csv,
    mapas_etiquetas,
)

BUENO = "text,label\nI love pizza,food\nThe bus is late,not_food\nSoup is hot,food\n"


def test_csv_valido(escribir_csv):
    df = leer_csv(escribir_csv(BUENO), etiquetas={"food", "not_food"})
    assert list(df.columns) == ["text", "label"]
    assert df["label"].tolist() == ["food", "not_food", "food"]


def test_columnas_extra_y_espacios_permitidos(escribir_csv):
    df = leer_csv(escribir_csv("id,text,label\n1, Hola ,a\n2,Adiós,b\n"))
    assert df["text"].tolist() == ["Hola", "Adiós"]


def test_bom_utf8_aceptado(escribir_csv):
    ruta = escribir_csv("\ufefftext,label\nuno,a\ndos,b\n".encode("utf-8"))
    assert len(leer_csv(ruta)) == 2


def test_dataset(escribir_csv):
    ds = cargar_dataset(escribir_csv(BUENO))
    assert ds.column_names == ["text", "label"]
    assert ds.num_rows == 3


@pytest.mark.parametrize(
    "contenido, fila, fragmento",
    [
        ("texto,label\nhola,a\n", 1, "falta la columna 'text'"),
        ("text,etiqueta\nhola,a\n", 1, "falta la columna 'label'"),
        ("", 1, "vacío"),
        ("text,label\nhola,a\n,b\n", 3, "el texto está vacío"),
        ("text,label\nhola,a\nadiós,\n", 3, "la etiqueta está vacía"),
        ("text,label\nhola,a\nadiós,b\nhola,a\n", 4, "repite la fila 2"),
        ("text,label\nhola,a\nadiós,b\nhola,b\n", 4, "ya aparece en la fila 2"),
    ],
)
def test_errores_con_fila(escribir_csv, contenido, fila, fragmento):
    ruta = escribir_csv(contenido)
    with pytest.raises(ErrorDatos) as error:
        leer_csv(ruta)
    assert error.value.fila == fila
    assert fragmento in str(error.value)
    assert str(ruta) in str(error.value)
    assert f"fila {fila}" in str(error.value)


def test_archivo_inexistente(tmp_path):
    with pytest.raises(ErrorDatos, match="no existe"):
        leer_csv(tmp_path / "no_esta.csv")


def test_no_utf8_indica_la_fila(escribir_csv):
    ruta = escribir_csv("text,label\nhola,a\nCaf\xe9 con leche,b\n".encode("latin-1"))
    with pytest.raises(ErrorDatos, match="UTF-8") as error:
        leer_csv(ruta)
    assert error.value.fila == 3


def test_etiqueta_no_esperada(escribir_csv):
    with pytest.raises(ErrorDatos, match="'drink' no está entre las esperadas") as error:
        leer_csv(escribir_csv(BUENO + "Tea,drink\n"), etiquetas={"food", "not_food"})
    assert error.value.fila == 5


def test_una_sola_clase(escribir_csv):
    with pytest.raises(ErrorDatos, match="solo hay una clase"):
        leer_csv(escribir_csv("text,label\nuno,a\ndos,a\n"))


def test_sin_filas(escribir_csv):
    with pytest.raises(ErrorDatos, match="ninguna fila"):
        leer_csv(escribir_csv("text,label\n"))


def test_mapas_ordenados_independientes_del_orden():
    a = mapas_etiquetas(["b", "c", "a", "b"])
    b = mapas_etiquetas(["c", "a", "b"])
    assert a == b == ({0: "a", 1: "b", 2: "c"}, {"a": 0, "b": 1, "c": 2})


def test_division_estratificada_reproducible():
    df = pd.DataFrame({"text": [f"t{i}" for i in range(100)],
                       "label": ["x"] * 80 + ["y"] * 20})
    tr1, te1 = dividir_estratificado(df, 0.2, semilla=7)
    tr2, te2 = dividir_estratificado(df, 0.2, semilla=7)
    assert te1.equals(te2) and tr1.equals(tr2)
    assert len(te1) == 20 and te1["label"].value_counts().to_dict() == {"x": 16, "y": 4}
    assert set(tr1["text"]).isdisjoint(te1["text"])


def test_la_particion_es_la_de_datasets_en_los_capitulos():
    """La línea de órdenes y los capítulos (con datasets) separan las mismas frases."""
    from datasets import ClassLabel, load_dataset

    from transferencia import rutas

    for archivo in ("comida.csv", "asignaturas.csv"):
        conjunto = load_dataset("csv", data_files=str(rutas.DATOS / archivo), split="train")
        conjunto = conjunto.cast_column("label", ClassLabel(names=sorted(set(conjunto["label"]))))
        capitulo = conjunto.train_test_split(test_size=0.2, stratify_by_column="label", seed=42)
        entrenamiento, prueba = dividir_estratificado(leer_csv(rutas.DATOS / archivo), 0.2, 42)
        assert prueba["text"].tolist() == capitulo["test"]["text"]
        assert entrenamiento["text"].tolist() == capitulo["train"]["text"]
        nombres = capitulo["test"].features["label"].names
        assert prueba["label"].tolist() == [nombres[i] for i in capitulo["test"]["label"]]
