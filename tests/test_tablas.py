"""Pruebas de transferencia.tablas: formatos, limpieza con informe y entradas que no valen.

Todos los archivos se crean dentro de cada prueba, en ``tmp_path``.
"""

import csv
import hashlib
import io
import json
import random
import zipfile

import openpyxl
import pandas as pd
import pytest

from transferencia import tablas
from transferencia.datos import ErrorDatos
from transferencia.errores import ErrorEntrada
from transferencia.rutas import DATOS
from transferencia.tablas import filas_compartidas, huella_texto, leer_tabla, leer_textos

#: Dos frases por clase (con una sola, el informe avisaría), con comas, «;» y tildes.
FRASES = [
    ("La ecuación tiene dos soluciones, ¿cuáles?", "Matemáticas"),
    ("Napoleón invadió España en 1808.", "Historia"),
    ("El niño pintó una cigüeña con acuarelas.", "Artes"),
    ("Calcula el área del triángulo; usa la fórmula.", "Matemáticas"),
    ("¿Quién firmó la Constitución de 1812?", "Historia"),
    ("Mezcla el azul y el amarillo para obtener verde.", "Artes"),
]
#: Las que no llevan ni coma ni punto y coma.
SIN_SEPARADORES = [fila for fila in FRASES if "," not in fila[0] and ";" not in fila[0]]


def escribir(tmp_path, nombre, contenido, codificacion="utf-8"):
    """Escribe texto (con la codificación pedida) o bytes y devuelve la ruta."""
    ruta = tmp_path / nombre
    if isinstance(contenido, bytes):
        ruta.write_bytes(contenido)
    else:
        ruta.write_bytes(contenido.encode(codificacion))
    return ruta


def libro(tmp_path, hojas, nombre="datos.xlsx"):
    """Crea un .xlsx con openpyxl: ``hojas`` es ``{nombre de hoja: lista de filas}``."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for titulo, filas in hojas.items():
        hoja = wb.create_sheet(titulo)
        for fila in filas:
            hoja.append(list(fila))
    ruta = tmp_path / nombre
    wb.save(ruta)
    return ruta


def csv_de(filas, separador=",", cabecera=("text", "label")):
    """Texto de un CSV como lo escribe una hoja de cálculo (comillas solo donde hacen falta)."""
    salida = io.StringIO()
    escritor = csv.writer(salida, delimiter=separador, lineterminator="\n")
    escritor.writerows([cabecera, *filas])
    return salida.getvalue()


def error_de(ruta, **opciones) -> ErrorDatos:
    with pytest.raises(ErrorDatos) as info:
        leer_tabla(ruta, **opciones)
    error = info.value
    assert error.archivo == str(ruta)
    assert str(error).startswith(str(ruta))
    return error


def pares(lectura):
    return list(lectura.datos.itertuples(index=False, name=None))


# ---------------------------------------------------------------------------
# Formatos
# ---------------------------------------------------------------------------

def test_csv_con_comas_en_utf8(tmp_path):
    contenido = csv_de(FRASES)
    assert '"La ecuación tiene dos soluciones, ¿cuáles?",Matemáticas' in contenido
    lectura = leer_tabla(escribir(tmp_path, "datos.csv", contenido))
    assert list(lectura.datos.columns) == ["text", "label"]
    assert pares(lectura) == FRASES
    informe = lectura.informe
    assert (informe.formato, informe.codificacion, informe.separador) == ("CSV", "UTF-8", ",")
    assert (informe.columna_texto, informe.columna_etiqueta) == ("text", "label")
    assert (informe.filas_leidas, informe.filas_finales) == (6, 6)
    assert informe.clases == {"Artes": 2, "Historia": 2, "Matemáticas": 2}
    assert informe.avisos == []
    assert lectura.filas == [2, 3, 4, 5, 6, 7]


def test_csv_punto_y_coma_en_windows_1252_con_nombres_espanoles(tmp_path):
    # Las frases llevan comas sin comillas: en un CSV con «;» es válido.
    contenido = csv_de(FRASES, ";", ("texto", "etiqueta")) + "Sí, “comillas” y 5 €;Artes\n"
    ruta = escribir(tmp_path, "excel_windows.csv", contenido, "cp1252")
    lectura = leer_tabla(ruta)
    assert pares(lectura) == FRASES + [("Sí, “comillas” y 5 €", "Artes")]
    informe = lectura.informe
    assert informe.separador == ";"
    assert informe.codificacion == "Windows-1252"
    assert (informe.columna_texto, informe.columna_etiqueta) == ("texto", "etiqueta")
    texto = informe.texto()
    assert "codificación detectada: Windows-1252" in texto
    assert "separador «;» (punto y coma)" in texto
    assert "Se usa la columna «texto» como texto" in texto
    assert "Se usa la columna «etiqueta» como etiqueta" in texto


def test_windows_1252_corto(tmp_path):
    # Sin limitar las candidatas, charset-normalizer tomaría este archivo por cp1250 o cp775.
    contenido = "text;label\nCanción de otoño;Artes\nPingüino búho;Ciencias\nÁfrica, Sáhara;Geografía\n"
    lectura = leer_tabla(escribir(tmp_path, "corto.csv", contenido, "cp1252"))
    assert lectura.informe.codificacion == "Windows-1252"
    assert list(lectura.datos["text"]) == ["Canción de otoño", "Pingüino búho", "África, Sáhara"]


def test_latin1_sin_caracteres_propios_de_windows_se_lee_igual(tmp_path):
    ruta = escribir(tmp_path, "latin1.csv", csv_de(FRASES, ";"), "latin_1")
    lectura = leer_tabla(ruta)
    assert pares(lectura) == FRASES
    assert lectura.informe.codificacion == "Windows-1252"  # iguales en estos bytes


def test_csv_utf8_con_bom(tmp_path):
    ruta = escribir(tmp_path, "bom.csv", "\ufeff" + csv_de(FRASES))
    lectura = leer_tabla(ruta)
    assert lectura.informe.codificacion == "UTF-8 con BOM"
    assert lectura.informe.columna_texto == "text"  # el BOM no se pega al nombre
    assert pares(lectura) == FRASES
    assert lectura.informe.avisos == []


def test_csv_utf16_con_bom(tmp_path):
    ruta = escribir(tmp_path, "unicode.csv", csv_de(FRASES, "\t"), "utf-16")
    lectura = leer_tabla(ruta)
    assert lectura.informe.codificacion == "UTF-16"
    assert pares(lectura) == FRASES


def test_tsv(tmp_path):
    ruta = escribir(tmp_path, "datos.tsv", csv_de(FRASES, "\t"))
    lectura = leer_tabla(ruta)
    assert pares(lectura) == FRASES
    assert (lectura.informe.formato, lectura.informe.separador) == ("TSV", "\t")
    assert "separador tabulador" in lectura.informe.texto()


def test_separador_forzado(tmp_path):
    ruta = escribir(tmp_path, "datos.csv", csv_de(FRASES, "|"))
    assert pares(leer_tabla(ruta, separador="|")) == FRASES
    tsv = escribir(tmp_path, "tab.csv", csv_de(FRASES, "\t"))
    assert pares(leer_tabla(tsv, separador="\\t")) == FRASES


def test_separador_equivocado_dice_que_columnas_hay(tmp_path):
    ruta = escribir(tmp_path, "datos.csv", csv_de(SIN_SEPARADORES, ";"))
    error = error_de(ruta, separador=",")
    assert error.fila == 1
    assert "Las columnas del archivo son: «text;label»" in error.problema
    assert "--separador" in error.problema


def test_separador_no_valido(tmp_path):
    ruta = escribir(tmp_path, "datos.csv", csv_de(FRASES))
    with pytest.raises(ErrorEntrada, match="un solo carácter"):
        leer_tabla(ruta, separador=";;")
    with pytest.raises(ErrorEntrada, match="solo sirve para archivos .csv y .tsv"):
        leer_tabla(escribir(tmp_path, "d.json", "[]"), separador=";")


def test_json_lista_de_objetos(tmp_path):
    objetos = [{"text": t, "label": e} for t, e in FRASES]
    ruta = escribir(tmp_path, "datos.json", json.dumps(objetos, ensure_ascii=False, indent=2))
    lectura = leer_tabla(ruta)
    assert pares(lectura) == FRASES
    assert lectura.informe.formato == "JSON"
    # Con indent=2 cada objeto ocupa 4 líneas y el primero empieza en la línea 2.
    assert lectura.filas == [2, 6, 10, 14, 18, 22]


def test_json_fila_es_la_linea_del_objeto(tmp_path):
    texto = ('[\n  {"text": "Uno dos tres", "label": "A"},\n\n  {"text": "Cuatro cinco",\n'
             '   "label": ""},\n  {"text": "Seis siete", "label": "B"}\n]\n')
    error = error_de(escribir(tmp_path, "datos.json", texto))
    assert error.fila == 4
    assert "la etiqueta está vacía (texto: «Cuatro cinco»)" in error.problema


def test_json_no_valido_o_que_no_es_lista(tmp_path):
    error = error_de(escribir(tmp_path, "roto.json", '[\n  {"text": "a b", "label": "A"},\n  {\n]'))
    assert error.fila == 4
    assert "no es un JSON válido" in error.problema
    error = error_de(escribir(tmp_path, "objeto.json", '{"text": "a b", "label": "A"}'))
    assert "debe ser una lista de objetos" in error.problema
    error = error_de(escribir(tmp_path, "numeros.json", '[\n{"text": "a b", "label": "A"},\n3\n]'))
    assert error.fila == 3
    assert "cada elemento debe ser un objeto" in error.problema


def test_jsonl_con_linea_vacia(tmp_path):
    lineas = [json.dumps({"texto": t, "clase": e}, ensure_ascii=False) for t, e in FRASES]
    ruta = escribir(tmp_path, "datos.jsonl", "\n".join(lineas[:2] + [""] + lineas[2:]) + "\n")
    lectura = leer_tabla(ruta)
    assert pares(lectura) == FRASES
    assert lectura.informe.formato == "JSON Lines"
    assert (lectura.informe.columna_texto, lectura.informe.columna_etiqueta) == ("texto", "clase")
    assert (lectura.informe.filas_leidas, lectura.informe.filas_vacias) == (7, 1)
    assert lectura.filas == [1, 2, 4, 5, 6, 7]


def test_jsonl_linea_rota(tmp_path):
    ruta = escribir(tmp_path, "datos.jsonl", '{"text": "a b", "label": "A"}\n{"text": "c d", \n')
    error = error_de(ruta)
    assert error.fila == 2
    assert "no es un objeto JSON válido" in error.problema


def test_xlsx_con_repetidas_y_etiquetas_escritas_distinto(tmp_path):
    filas = [("Frase", "Asignatura"),
             ("Resuelve la ecuación de segundo grado.", "Matemáticas"),
             ("¿En qué año cayó Constantinopla?", "Historia"),
             ("Resuelve la ecuación de segundo grado.", "Matemáticas"),
             ("Dibuja un triángulo isósceles.", "matematicas"),
             (None, None),
             ("  ¿En qué año cayó Constantinopla?  ", "Historia"),
             ("Halla el máximo común divisor.", "MATEMÁTICAS"),
             ("¿Quién fue Isabel la Católica?", "Historia")]
    ruta = libro(tmp_path, {"Frases": filas})
    lectura = leer_tabla(ruta)
    informe = lectura.informe
    assert (informe.formato, informe.hoja, informe.codificacion) == ("Excel", "Frases", None)
    assert (informe.columna_texto, informe.columna_etiqueta) == ("Frase", "Asignatura")
    assert (informe.filas_leidas, informe.filas_vacias) == (8, 1)
    assert (informe.repetidas_quitadas, informe.filas_repetidas) == (2, [4, 7])
    assert informe.celdas_recortadas == 1
    assert informe.variantes_etiquetas == [["Matemáticas", "matematicas", "MATEMÁTICAS"]]
    assert informe.etiquetas_unificadas == {}
    assert informe.clases == {"Historia": 2, "MATEMÁTICAS": 1, "Matemáticas": 1, "matematicas": 1}
    assert lectura.filas == [2, 3, 5, 8, 9]
    texto = informe.texto()
    assert "2 filas repetidas quitadas" in texto
    assert "1 fila vacía saltada" in texto
    assert ("Etiquetas que solo se diferencian en mayúsculas o tildes: «Matemáticas» (2 filas), "
            "«matematicas» (1 fila), «MATEMÁTICAS» (1 fila). Se tratan como clases distintas; "
            "para unirlas, usa --unificar-etiquetas.") in texto

    unificada = leer_tabla(ruta, unificar_etiquetas=True)
    assert unificada.informe.etiquetas_unificadas == {"matematicas": "Matemáticas",
                                                      "MATEMÁTICAS": "Matemáticas"}
    assert unificada.informe.clases == {"Historia": 2, "Matemáticas": 3}
    assert pares(unificada)[2] == ("Dibuja un triángulo isósceles.", "Matemáticas")
    assert ("Se han unificado en «Matemáticas», la más frecuente (2 filas cambiadas)."
            in unificada.informe.texto())


def test_xlsx_numeros_de_fila_como_en_la_hoja(tmp_path):
    # La hoja empieza con una fila en blanco: la cabecera está en la fila 2 de Excel.
    ruta = libro(tmp_path, {"Hoja1": [(), ("text", "label"), ("Uno dos", "A"), ("Tres cuatro", 7),
                                      ("Cinco seis", None)]})
    error = error_de(ruta)
    assert error.fila == 5
    assert "la etiqueta está vacía (texto: «Cinco seis»)" in error.problema


def test_xlsx_numeros_como_etiquetas(tmp_path):
    ruta = libro(tmp_path, {"Hoja1": [("text", "label"), ("Uno dos", 1), ("Tres cuatro", 2.0),
                                      ("Cinco seis", 2.5)]})
    assert pares(leer_tabla(ruta)) == [("Uno dos", "1"), ("Tres cuatro", "2"), ("Cinco seis", "2.5")]


def test_xlsx_eleccion_de_hoja(tmp_path):
    hojas = {"Notas": [("alumno", "nota"), ("Ana", 7)],
             "Frases": [("texto", "etiqueta")] + list(FRASES)}
    ruta = libro(tmp_path, hojas)
    for hoja in ("Frases", 2, "2"):
        lectura = leer_tabla(ruta, hoja=hoja)
        assert lectura.informe.hoja == "Frases"
        assert pares(lectura) == FRASES
    # Sin elegir, se lee la primera, que aquí no tiene frases.
    error = error_de(ruta)
    assert "no encuentro la columna del texto" in error.problema


def test_xlsx_aviso_de_varias_hojas(tmp_path):
    ruta = libro(tmp_path, {"Frases": [("text", "label")] + list(FRASES), "Otra": [("a",)]})
    lectura = leer_tabla(ruta)
    assert lectura.informe.avisos == [
        "El libro tiene 2 hojas y se ha leído la primera, «Frases». Para leer otra, elígela con "
        "--hoja."]


def test_xlsx_hoja_que_no_existe(tmp_path):
    ruta = libro(tmp_path, {"Frases": [("text", "label")] + list(FRASES), "Otra": [("a",)]})
    for hoja in ("Hoja3", 3, 0):
        error = error_de(ruta, hoja=hoja)
        assert f"no hay ninguna hoja «{hoja}»" in error.problema
        assert "Las hojas del libro son: «Frases», «Otra»" in error.problema


def test_hoja_en_un_csv_es_un_error_de_opciones(tmp_path):
    with pytest.raises(ErrorEntrada, match="solo se puede elegir en archivos .xlsx"):
        leer_tabla(escribir(tmp_path, "d.csv", csv_de(FRASES)), hoja=2)


# ---------------------------------------------------------------------------
# Columnas
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("texto, etiqueta", [("Frase", "Categoría"), (" TEXTO ", "categoria"),
                                             ("frase", "Clase"), ("Text", "Label")])
def test_nombres_de_columna_reconocidos(tmp_path, texto, etiqueta):
    filas = [("0", t, e) for t, e in FRASES]
    lectura = leer_tabla(escribir(tmp_path, "d.csv", csv_de(filas, cabecera=("id", texto, etiqueta))))
    assert pares(lectura) == FRASES
    assert lectura.informe.columna_texto == texto.strip()
    assert lectura.informe.columna_etiqueta == etiqueta
    assert f"Se usa la columna «{texto.strip()}» como texto (para usar otra, elígela con " \
           "--columna-texto)." in lectura.informe.avisos


def test_columnas_elegidas_a_mano(tmp_path):
    ruta = escribir(tmp_path, "d.csv", csv_de(FRASES, cabecera=("pregunta", "materia")))
    lectura = leer_tabla(ruta, columna_texto="pregunta", columna_etiqueta="Materia")
    assert pares(lectura) == FRASES
    assert (lectura.informe.columna_texto, lectura.informe.columna_etiqueta) == ("pregunta", "materia")
    assert lectura.informe.avisos == []


def test_text_y_label_tienen_prioridad_sobre_los_nombres_espanoles(tmp_path):
    filas = [(t, e, "x", "y") for t, e in FRASES]
    ruta = escribir(tmp_path, "d.csv", csv_de(filas, cabecera=("text", "label", "frase", "clase")))
    lectura = leer_tabla(ruta)
    assert pares(lectura) == FRASES
    assert lectura.informe.avisos == []


def test_falta_una_columna(tmp_path):
    ruta = escribir(tmp_path, "d.csv", csv_de([("1", t, e) for t, e in FRASES],
                                              cabecera=("id", "pregunta", "materia")))
    error = error_de(ruta)
    assert error.fila == 1
    assert error.problema == (
        "no encuentro la columna del texto (se reconocen: text, texto, textos, frase, frases). "
        "Las columnas del archivo son: «id», «pregunta», «materia». Indica cuál usar con "
        "--columna-texto NOMBRE.")
    assert "cabecera" not in error.problema and "--separador" not in error.problema
    error = error_de(ruta, columna_texto="pregunta")
    assert "no encuentro la columna de la etiqueta" in error.problema
    assert "--columna-etiqueta NOMBRE" in error.problema
    error = error_de(ruta, columna_texto="enunciado")
    assert error.problema.startswith("no hay ninguna columna «enunciado». Las columnas del "
                                     "archivo son: «id», «pregunta», «materia».")


def test_columnas_ambiguas(tmp_path):
    filas = [(t, t, e) for t, e in FRASES]
    ruta = escribir(tmp_path, "d.csv", csv_de(filas, cabecera=("texto", "frase", "etiqueta")))
    error = error_de(ruta)
    assert "hay varias columnas que podrían ser el texto: «texto», «frase»" in error.problema
    assert pares(leer_tabla(ruta, columna_texto="frase")) == FRASES


def test_misma_columna_para_texto_y_etiqueta(tmp_path):
    ruta = escribir(tmp_path, "d.csv", csv_de(FRASES))
    with pytest.raises(ErrorEntrada, match="no pueden ser la misma"):
        leer_tabla(ruta, columna_texto="text", columna_etiqueta="text")


def test_cabecera_que_falta(tmp_path):
    ruta = escribir(tmp_path, "d.csv", "Uno dos tres,A\nCuatro cinco,B\n")
    error = error_de(ruta)
    assert error.problema.endswith("Si la primera fila ya es una frase, añade encima una fila de "
                                   "cabecera con los nombres de las columnas (por ejemplo, «text» "
                                   "y «label»).")
    hoja = libro(tmp_path, {"Hoja1": [("Frase suelta",), ("Otra frase",)]})
    assert "--separador" not in error_de(hoja).problema


# ---------------------------------------------------------------------------
# Limpieza
# ---------------------------------------------------------------------------

def test_espacios_de_los_extremos(tmp_path):
    ruta = escribir(tmp_path, "d.csv", "text,label\n  Uno dos  , A \nTres cuatro,B\t\n"
                                       "Cinco\u00a0seis\u00a0,B\n")
    lectura = leer_tabla(ruta)
    assert pares(lectura) == [("Uno dos", "A"), ("Tres cuatro", "B"), ("Cinco\u00a0seis", "B")]
    assert lectura.informe.celdas_recortadas == 4
    assert ("Se han quitado los espacios sobrantes de los extremos de 4 celdas."
            in lectura.informe.avisos)


def test_filas_vacias_se_saltan_y_se_cuentan(tmp_path):
    ruta = escribir(tmp_path, "d.csv", "text,label,notas\nUno dos,A,\n\n,,revisar\n  ,  ,\n"
                                       "Tres cuatro,B,\n")
    lectura = leer_tabla(ruta)
    assert pares(lectura) == [("Uno dos", "A"), ("Tres cuatro", "B")]
    assert (lectura.informe.filas_leidas, lectura.informe.filas_vacias) == (5, 3)
    assert lectura.filas == [2, 6]
    assert "3 filas vacías saltadas." in lectura.informe.avisos


def test_filas_repetidas(tmp_path):
    filas = [("Uno dos", "A"), ("Tres cuatro", "B"), ("Uno dos", "A"), ("Uno dos", "A"),
             ("Tres cuatro", "B"), ("Cinco seis", "B"), ("Siete ocho", "A")]
    lectura = leer_tabla(escribir(tmp_path, "d.csv", csv_de(filas)))
    assert pares(lectura) == [("Uno dos", "A"), ("Tres cuatro", "B"), ("Cinco seis", "B"),
                              ("Siete ocho", "A")]
    informe = lectura.informe
    assert (informe.repetidas_quitadas, informe.filas_repetidas) == (3, [4, 5, 6])
    assert informe.avisos == [
        "3 filas repetidas quitadas (mismo texto y misma etiqueta que una fila anterior, que se "
        "conserva): 4, 5 y 6."]
    assert "Filas repetidas quitadas: 3" in informe.texto()


def test_mismo_texto_con_dos_etiquetas_es_un_error_con_las_filas(tmp_path):
    filas = [("Uno dos", "A"), ("Tres cuatro", "B"), ("Uno dos", "B"), ("Cinco seis", "A"),
             ("Tres cuatro", "A")]
    error = error_de(escribir(tmp_path, "d.csv", csv_de(filas)))
    assert error.fila == 4
    assert error.problema == (
        "el mismo texto aparece con etiquetas distintas, y cada texto solo puede tener una: "
        "«Uno dos» en las filas 2 («A») y 4 («B»); «Tres cuatro» en las filas 3 («B») y 6 («A»). "
        "Decide cuál es la buena y corrige o borra las demás.")


def test_mismo_texto_con_la_etiqueta_escrita_distinto(tmp_path):
    filas = [("Uno dos", "Matemáticas"), ("Tres cuatro", "Historia"), ("Uno dos", "matematicas")]
    ruta = escribir(tmp_path, "d.csv", csv_de(filas))
    error = error_de(ruta)
    assert error.fila == 4
    assert error.problema.endswith("Si solo cambian mayúsculas o tildes de la etiqueta, usa "
                                   "--unificar-etiquetas.")
    lectura = leer_tabla(ruta, unificar_etiquetas=True)
    assert pares(lectura) == [("Uno dos", "Matemáticas"), ("Tres cuatro", "Historia")]
    assert lectura.informe.repetidas_quitadas == 1


def test_unificar_empata_gana_la_primera(tmp_path):
    filas = [("Uno dos", "historia"), ("Tres cuatro", "Historia"), ("Cinco seis", "Arte")]
    lectura = leer_tabla(escribir(tmp_path, "d.csv", csv_de(filas)), unificar_etiquetas=True)
    assert lectura.informe.etiquetas_unificadas == {"Historia": "historia"}
    assert list(lectura.datos["label"]) == ["historia", "historia", "Arte"]


def test_etiquetas_esperadas(tmp_path):
    filas = [("Uno dos", "matematicas"), ("Tres cuatro", "matematicas"), ("Cinco seis", "Historia")]
    ruta = escribir(tmp_path, "d.csv", csv_de(filas))
    esperadas = ["Historia", "Matemáticas"]
    error = error_de(ruta, etiquetas=esperadas)
    assert error.fila == 2
    assert error.problema == (
        "la etiqueta «matematicas» no está entre las esperadas («Historia», «Matemáticas»). ¿Es "
        "«Matemáticas»? Para unificar mayúsculas y tildes, usa --unificar-etiquetas. Hay 2 filas "
        "con etiquetas desconocidas: 2 y 3.")
    # Al unificar, gana la forma esperada aunque sea menos frecuente (aquí ni aparece).
    lectura = leer_tabla(ruta, etiquetas=esperadas, unificar_etiquetas=True)
    assert list(lectura.datos["label"]) == ["Matemáticas", "Matemáticas", "Historia"]
    assert lectura.informe.etiquetas_unificadas == {"matematicas": "Matemáticas"}
    assert ("«matematicas» (2 filas) y «Matemáticas» (la esperada). Se han unificado en "
            "«Matemáticas», la esperada (2 filas cambiadas).") in lectura.informe.texto()
    error = error_de(escribir(tmp_path, "e.csv", csv_de(filas + [("Siete ocho", "Arte")])),
                     etiquetas=esperadas, unificar_etiquetas=True)
    assert error.fila == 5
    assert error.problema == ("la etiqueta «Arte» no está entre las esperadas («Historia», "
                              "«Matemáticas»).")


def test_textos_cortos_y_largos_se_avisan_pero_se_quedan(tmp_path):
    largo = "palabra " * 37 + "fin"  # 299 caracteres
    filas = [("Hola", "A"), ("ok", "B"), ("Dos palabras", "A"), (largo, "B"),
             (largo + "s", "A"), (largo + "ss", "B")]
    assert [len(t) for t, _ in filas[3:]] == [299, 300, 301]
    lectura = leer_tabla(escribir(tmp_path, "d.csv", csv_de(filas)))
    assert len(lectura.datos) == 6
    informe = lectura.informe
    assert (informe.textos_cortos, informe.textos_largos) == ([2, 3], [7])
    assert informe.avisos == [
        "2 textos muy cortos (una sola palabra), en las filas 2 y 3: con tan poco contexto el "
        "modelo apenas aprende; revisa que no sean restos o errores.",
        "1 texto muy largo (más de 300 caracteres), en la fila 7: el modelo solo lee el "
        "principio de cada texto, así que el final no cuenta."]


@pytest.mark.parametrize("linea, fila, mensaje", [
    (",A", 3, "el texto está vacío, pero la etiqueta es «A». Rellénala o bórrala."),
    ("Tres cuatro,", 3, "la etiqueta está vacía (texto: «Tres cuatro»). Rellénala o bórrala."),
    ("Tres cuatro,  ", 3, "la etiqueta está vacía (texto: «Tres cuatro»). Rellénala o bórrala."),
])
def test_texto_o_etiqueta_vacios_solos(tmp_path, linea, fila, mensaje):
    ruta = escribir(tmp_path, "d.csv", f"text,label\nUno dos,A\n{linea}\nCinco seis,B\n")
    error = error_de(ruta)
    assert (error.fila, error.problema) == (fila, mensaje)
    assert str(error) == f"{ruta}, fila {fila}: {mensaje}"


def test_varias_celdas_vacias_se_enumeran(tmp_path):
    ruta = escribir(tmp_path, "d.csv", "text,label\nUno dos,A\n,A\nCinco seis,\n,B\nSiete,B\n")
    error = error_de(ruta)
    assert error.fila == 3
    assert error.problema == ("el texto está vacío, pero la etiqueta es «A». Hay 3 filas con el "
                              "texto o la etiqueta vacíos: 3, 4 y 5. Rellénalas o bórralas.")


def test_coma_sin_comillas_en_un_csv_con_comas(tmp_path):
    ruta = escribir(tmp_path, "d.csv", "text,label\nUno dos,A\nHola, qué tal,B\nTres,B,\n")
    error = error_de(ruta)
    assert error.fila == 3
    assert "esta fila tiene más celdas llenas que columnas la cabecera (2)" in error.problema
    assert "separador «,» (coma)" in error.problema


def test_una_sola_clase(tmp_path):
    ruta = escribir(tmp_path, "d.csv", csv_de([("Uno dos", "A"), ("Tres cuatro", "A")]))
    error = error_de(ruta)
    assert error.fila is None
    assert error.problema == ("solo hay una clase («A»): un clasificador necesita al menos dos "
                              "etiquetas distintas.")


def test_una_sola_clase_despues_de_unificar(tmp_path):
    ruta = escribir(tmp_path, "d.csv", csv_de([("Uno dos", "Arte"), ("Tres cuatro", "arte")]))
    assert leer_tabla(ruta).informe.clases == {"Arte": 1, "arte": 1}
    assert "solo hay una clase («Arte»)" in error_de(ruta, unificar_etiquetas=True).problema


def test_clase_con_una_sola_frase(tmp_path):
    ruta = escribir(tmp_path, "d.csv", csv_de([("Uno dos", "A"), ("Tres cuatro", "A"),
                                               ("Cinco seis", "B")]))
    assert ("1 clase tiene una sola frase («B»): no se puede separar una parte para la prueba; "
            "añade más ejemplos.") in leer_tabla(ruta).informe.avisos


def test_informe_como_dict_es_json(tmp_path):
    lectura = leer_tabla(escribir(tmp_path, "d.csv", csv_de(FRASES + [FRASES[0]])))
    datos = json.loads(json.dumps(lectura.informe.como_dict(), ensure_ascii=False))
    assert datos["repetidas_quitadas"] == 1
    assert datos["clases"] == {"Artes": 2, "Historia": 2, "Matemáticas": 2}
    assert set(datos) == {
        "archivo", "formato", "codificacion", "separador", "hoja", "columna_texto",
        "columna_etiqueta", "filas_leidas", "filas_vacias", "celdas_recortadas",
        "repetidas_quitadas", "filas_repetidas", "variantes_etiquetas", "etiquetas_unificadas",
        "textos_cortos", "textos_largos", "filas_finales", "clases", "avisos"}


# ---------------------------------------------------------------------------
# Entradas que no valen
# ---------------------------------------------------------------------------

def test_archivo_que_no_existe(tmp_path):
    error = error_de(tmp_path / "no_esta.csv")
    assert error.problema == "el archivo no existe. Revisa la ruta y el nombre."


def test_carpeta(tmp_path):
    assert error_de(tmp_path).problema == "es una carpeta, no un archivo de datos."


def test_archivo_vacio_o_solo_cabecera(tmp_path):
    assert error_de(escribir(tmp_path, "v.csv", "")).problema == "el archivo está vacío."
    assert "el archivo está vacío" in error_de(escribir(tmp_path, "b.csv", "\n \n")).problema
    error = error_de(escribir(tmp_path, "c.csv", "text,label\n"))
    assert error.problema == "no hay ninguna fila de datos después de la cabecera."
    assert "no hay ninguna fila" in error_de(escribir(tmp_path, "l.json", "[]")).problema


@pytest.mark.parametrize("nombre, extension, pista", [
    ("datos.xls", ".xls", " Es un Excel antiguo: ábrelo y guárdalo como «Libro de Excel (.xlsx)»."),
    ("datos.ODS", ".ods", " En LibreOffice, guárdalo como .xlsx o como CSV."),
    ("datos.txt", ".txt", " Si las columnas van separadas por tabuladores, cámbiale la extensión "
                          "a .tsv."),
    ("datos.docx", ".docx", ""),
    ("datos", "sin extensión", ""),
])
def test_extension_no_admitida(tmp_path, nombre, extension, pista):
    error = error_de(escribir(tmp_path, nombre, csv_de(FRASES)))
    assert error.fila is None
    assert error.problema == (f"no se pueden leer archivos «{extension}»: usa .csv, .tsv, .xlsx, "
                              f".json o .jsonl.{pista}")


def test_texto_con_extension_xlsx(tmp_path):
    error = error_de(escribir(tmp_path, "falso.xlsx", csv_de(FRASES)))
    assert error.problema == ("no es un libro de Excel sino un archivo de texto con la extensión "
                              ".xlsx: si es un CSV, cámbiale la extensión a .csv.")


def test_xlsx_danado(tmp_path):
    buena = libro(tmp_path, {"Hoja1": [("text", "label")] + list(FRASES)}).read_bytes()
    cortado = escribir(tmp_path, "cortado.xlsx", buena[: len(buena) // 2])
    otro_zip = tmp_path / "zip.xlsx"
    with zipfile.ZipFile(otro_zip, "w") as comprimido:
        comprimido.writestr("hola.txt", "hola")
    basura = escribir(tmp_path, "basura.xlsx", random.Random(3).randbytes(2000))
    for ruta in (cortado, otro_zip, basura):
        error = error_de(ruta)
        assert error.problema.startswith("no se puede abrir como libro de Excel (.xlsx): el "
                                         "archivo está dañado"), ruta
    antiguo = escribir(tmp_path, "antiguo.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500))
    assert "es un Excel antiguo (.xls) o un libro protegido con contraseña" in error_de(antiguo).problema


def test_hoja_vacia(tmp_path):
    ruta = libro(tmp_path, {"Vacía": [], "Frases": [("text", "label")] + list(FRASES)})
    error = error_de(ruta)
    assert error.problema == ("la hoja «Vacía» está vacía. Las otras hojas son: «Frases»; elige "
                              "una con --hoja.")
    sola = libro(tmp_path, {"Hoja1": [(None, None), ()]}, "sola.xlsx")
    assert error_de(sola).problema == "la hoja «Hoja1» está vacía."


def test_bytes_al_azar(tmp_path):
    for nombre in ("azar.csv", "azar.tsv", "azar.json", "azar.jsonl"):
        ruta = escribir(tmp_path, nombre, random.Random(1).randbytes(3000))
        assert error_de(ruta).problema.startswith("no parece un archivo de texto")
    # También sin ningún byte nulo (charset-normalizer no encuentra codificación).
    sin_nulos = bytes(b for b in random.Random(1).randbytes(3000) if b)
    assert error_de(escribir(tmp_path, "sin_nulos.csv", sin_nulos)).problema.startswith(
        "no parece un archivo de texto")


@pytest.mark.parametrize("inicio, tipo", [
    (b"\x89PNG\r\n\x1a\n", "una imagen PNG"),
    (b"\xff\xd8\xff\xe0", "una imagen JPEG"),
    (b"%PDF-1.7\n", "un documento PDF"),
    (b"PK\x03\x04", "un archivo comprimido (un Excel .xlsx, un Word .docx o un .zip)"),
])
def test_binario_con_extension_csv(tmp_path, inicio, tipo):
    ruta = escribir(tmp_path, "imagen.csv", inicio + random.Random(2).randbytes(500))
    assert error_de(ruta).problema == (f"no es un archivo de texto: parece {tipo} con la "
                                       "extensión cambiada.")


def test_archivo_demasiado_grande_sin_leerlo(tmp_path, monkeypatch):
    ruta = tmp_path / "enorme.csv"
    with ruta.open("wb") as archivo:  # disperso: no ocupa disco
        archivo.truncate(51 * 1024 * 1024)

    def no_leer(*_):
        raise AssertionError("no debía leer el archivo")

    monkeypatch.setattr(tablas, "_leer_bytes", no_leer)
    error = error_de(ruta)
    assert error.problema == ("el archivo ocupa 51,0 MB y el máximo es 50 MB. Divídelo en "
                              "varios o quita las columnas que no hagan falta.")
    assert tablas.TAMANO_MAXIMO == 50 * 1024 * 1024


def test_demasiadas_filas(tmp_path, monkeypatch):
    monkeypatch.setattr(tablas, "FILAS_MAXIMAS", 4)
    filas = [(f"Frase número {i}", "AB"[i % 2]) for i in range(5)]
    mensaje = "tiene más de 4 filas, el máximo que se admite. Usa una parte del archivo."
    assert len(leer_tabla(escribir(tmp_path, "bien.csv", csv_de(filas[:4]))).datos) == 4
    assert error_de(escribir(tmp_path, "d.csv", csv_de(filas))).problema == mensaje
    assert error_de(libro(tmp_path, {"H": [("text", "label")] + filas})).problema == mensaje
    assert len(leer_tabla(libro(tmp_path, {"H": [("text", "label")] + filas[:4]}, "b.xlsx")).datos) == 4
    objetos = [{"text": t, "label": e} for t, e in filas]
    assert error_de(escribir(tmp_path, "d.json", json.dumps(objetos))).problema == mensaje
    jsonl = "\n".join(json.dumps(o) for o in objetos)
    assert error_de(escribir(tmp_path, "d.jsonl", jsonl)).problema == mensaje


def test_limites_declarados():
    assert (tablas.TAMANO_MAXIMO_MB, tablas.FILAS_MAXIMAS) == (50, 200_000)
    assert (tablas.PALABRAS_MINIMAS, tablas.CARACTERES_MAXIMOS) == (2, 300)
    assert tablas._miles(tablas.FILAS_MAXIMAS) == "200 000"
    assert tablas._miles(1000) == "1000"


# ---------------------------------------------------------------------------
# Archivo realista de un docente
# ---------------------------------------------------------------------------

def test_archivo_de_docente_en_excel(tmp_path):
    originales = list(pd.read_csv(DATOS / "asignaturas.csv").itertuples(index=False, name=None))
    assert len(originales) == 250
    # Unas filas con la etiqueta en minúsculas y sin tildes, como las escribiría alguien con prisa.
    sin_tildes = {"Matemáticas": "matematicas", "Geografía": "geografia", "Religión": "religion",
                  "Educación Física": "educacion fisica", "Historia": "historia"}
    cambiadas = {}
    for i, (texto, etiqueta) in enumerate(originales):
        if etiqueta in sin_tildes and etiqueta not in cambiadas.values():
            cambiadas[i] = etiqueta
    filas = [(t, sin_tildes[e] if i in cambiadas else e) for i, (t, e) in enumerate(originales)]
    # 147 filas repetidas (de las que no se cambiaron), repartidas al azar por el archivo.
    azar = random.Random(0)
    repetibles = [fila for i, fila in enumerate(filas) if i not in cambiadas]
    for fila in azar.choices(repetibles, k=147):
        posicion = filas.index(fila) + 1 + azar.randrange(len(filas) - filas.index(fila))
        filas.insert(posicion, fila)
    assert len(filas) == 397
    ruta = libro(tmp_path, {"3º ESO": [("Frase", "Asignatura")] + filas}, "frases_docente.xlsx")

    lectura = leer_tabla(ruta)
    informe = lectura.informe
    assert (informe.filas_leidas, informe.repetidas_quitadas, informe.filas_finales) == (397, 147, 250)
    assert (informe.columna_texto, informe.columna_etiqueta, informe.hoja) == ("Frase", "Asignatura", "3º ESO")
    assert sorted(map(tuple, informe.variantes_etiquetas)) == sorted(sin_tildes.items())
    assert len(informe.clases) == 15
    assert informe.clases["matematicas"] == 1 and informe.clases["Matemáticas"] == 24
    assert "147 filas repetidas quitadas" in informe.texto()
    en_el_archivo = sum(etiqueta == "Matemáticas" for _, etiqueta in filas)
    assert f"«Matemáticas» ({en_el_archivo} filas), «matematicas» (1 fila)" in informe.texto()

    unificada = leer_tabla(ruta, unificar_etiquetas=True)
    assert unificada.informe.etiquetas_unificadas == {v: e for e, v in sin_tildes.items()}
    assert unificada.informe.clases == {etiqueta: 25 for _, etiqueta in originales}
    assert len(unificada.datos) == 250
    assert set(pares(unificada)) == set(originales)
    assert set(unificada.datos["label"]) == {etiqueta for _, etiqueta in originales}
    assert len(set(unificada.datos["label"])) == 10


# ---------------------------------------------------------------------------
# Solo textos (para predecir) y huellas
# ---------------------------------------------------------------------------

def test_leer_textos_sin_etiquetas(tmp_path):
    ruta = libro(tmp_path, {"Hoja1": [("id", "Frase"), (1, "Uno dos"), (2, None), (3, " Tres "),
                                      (4, "Uno dos")]})
    lectura = leer_textos(ruta)
    assert list(lectura.datos.columns) == ["text"]
    assert list(lectura.datos["text"]) == ["Uno dos", "Tres", "Uno dos"]  # no quita repetidas
    assert lectura.filas == [2, 4, 5]
    assert lectura.originales.to_dict(orient="list") == {"id": ["1", "3", "4"],
                                                         "Frase": ["Uno dos", " Tres ", "Uno dos"]}
    assert (lectura.informe.filas_vacias, lectura.informe.celdas_recortadas) == (1, 1)
    assert lectura.informe.columna_etiqueta is None
    assert "etiqueta =" not in lectura.informe.texto()
    with pytest.raises(ErrorDatos, match="no hay ningún texto en la columna «Frase»"):
        leer_textos(libro(tmp_path, {"H": [("Frase",), (None,)]}, "vacio.xlsx"))


def test_huella_texto():
    esperada = hashlib.sha256("hola mundo".encode("utf-8")).hexdigest()
    assert huella_texto("hola mundo") == esperada
    assert huella_texto("  Hola \t MUNDO\n") == esperada
    assert huella_texto("Canci\u00f3n") == huella_texto("Cancio\u0301n")  # NFC
    assert huella_texto("Canción") != huella_texto("Cancion")  # las tildes cuentan
    assert len({huella_texto(t) for t, _ in FRASES}) == len(FRASES)


def test_filas_compartidas():
    entrenamiento = [huella_texto(t) for t, _ in FRASES[:2]]
    prueba = ["Otra frase", FRASES[1][0].upper(), "  " + FRASES[0][0], FRASES[3][0]]
    assert filas_compartidas(prueba, entrenamiento) == [1, 2]
    assert filas_compartidas(prueba, []) == []
    assert filas_compartidas((t for t in prueba), iter(entrenamiento)) == [1, 2]
