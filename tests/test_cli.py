"""La línea de órdenes: entrenar, evaluar y predecir, con entradas buenas y malas."""

import json
import re
import subprocess
import sys

import pytest

from transferencia import rutas
from transferencia.cifras import cifra
from transferencia.clasificador import cargar_clasificador
from transferencia.cli import main

from conftest import asignaturas as _asignaturas, crear_csv_de_windows, crear_excel_del_docente

COMIDA = str(rutas.DATOS / "comida.csv")
ASIGNATURAS = str(rutas.DATOS / "asignaturas.csv")


@pytest.fixture(scope="module")
def clasificador_diminuto(modelo_diminuto, tmp_path_factory):
    salida = tmp_path_factory.mktemp("salida") / "modelo"
    codigo = main(["entrenar", "--datos", COMIDA, "--salida", str(salida), "--modelo-base",
                   str(modelo_diminuto), "--epocas", "1", "--sin-progreso"])
    assert codigo == 0
    return salida


def test_entrenar_escribe_modelo_y_metricas(clasificador_diminuto):
    nombres = {p.name for p in clasificador_diminuto.iterdir()}
    assert {"model.safetensors", "config.json", "tokenizer.json", "transferencia.json",
            "metricas.json"} <= nombres
    metricas = json.loads((clasificador_diminuto / "metricas.json").read_text(encoding="utf-8"))
    assert metricas["metodo"] == "ajuste"
    assert metricas["prueba"]["n"] == 50
    assert metricas["n_entrenamiento"] + metricas["n_validacion"] == 200
    assert metricas["hiperparametros"]["epocas"] == 1
    assert metricas["segundos_entrenamiento"] > 0
    config = json.loads((clasificador_diminuto / "config.json").read_text())
    assert config["id2label"] == {"0": "food", "1": "not_food"}


def test_evaluar_json(clasificador_diminuto, capsys):
    assert main(["evaluar", "--modelo", str(clasificador_diminuto), "--datos", COMIDA, "--json"]) == 0
    resultado = json.loads(capsys.readouterr().out)
    assert set(resultado) == {"exactitud", "f1_macro", "n", "por_clase", "matriz_confusion"}
    assert resultado["n"] == 250
    assert resultado["matriz_confusion"]["etiquetas"] == ["food", "not_food"]
    assert sum(map(sum, resultado["matriz_confusion"]["valores"])) == 250
    assert set(resultado["por_clase"]["food"]) == {"precision", "exhaustividad", "f1", "soporte"}
    assert resultado["por_clase"]["food"]["soporte"] == 125


def test_evaluar_tabla(clasificador_diminuto, capsys):
    assert main(["evaluar", "--modelo", str(clasificador_diminuto), "--datos", COMIDA]) == 0
    salida = capsys.readouterr().out
    assert "Exactitud" in salida and "not_food" in salida


def test_evaluar_etiqueta_desconocida_es_error(clasificador_diminuto, capsys):
    assert main(["evaluar", "--modelo", str(clasificador_diminuto), "--datos", ASIGNATURAS]) == 2
    error = capsys.readouterr().err
    assert f"{ASIGNATURAS}, fila 2: la etiqueta «Geografía» no está entre las esperadas" in error
    assert "«food», «not_food»" in error


def test_predecir(clasificador_diminuto, tmp_path, capsys):
    archivo = tmp_path / "frases.txt"
    archivo.write_text("Soup is ready\n\nThe train is late\n", encoding="utf-8")
    assert main(["predecir", "--modelo", str(clasificador_diminuto), "--json", "--archivo",
                 str(archivo), "I like cheese"]) == 0
    resultado = json.loads(capsys.readouterr().out)
    frases = ["I like cheese", "Soup is ready", "The train is late"]
    assert [r["texto"] for r in resultado] == frases
    # Cada fila dice la etiqueta de mayor probabilidad del modelo y esa probabilidad.
    probabilidades = cargar_clasificador(clasificador_diminuto).probabilidades(frases)
    assert [r["etiqueta"] for r in resultado] == [["food", "not_food"][i]
                                                  for i in probabilidades.argmax(axis=1)]
    assert [r["probabilidad"] for r in resultado] == pytest.approx(probabilidades.max(axis=1),
                                                                   abs=1e-4)


def test_prediccion_por_lotes_conserva_el_orden(clasificador_diminuto):
    """Los lotes se forman por longitud, pero cada fila corresponde a su frase."""
    import numpy as np
    import torch
    from types import SimpleNamespace

    clasificador = cargar_clasificador(clasificador_diminuto)
    frases = ["Soup", "The train to Madrid is late again today, sadly", "I like cheese a lot",
              "Rain again today", "A very long sentence about bread, butter, jam and tea with friends",
              "Go on"]
    # Con el modelo real: el relleno de los lotes no cambia las probabilidades.
    por_lotes = clasificador.probabilidades(frases, lote=4)
    una_a_una = np.vstack([clasificador.probabilidades([f]) for f in frases])
    np.testing.assert_allclose(por_lotes, una_a_una, atol=1e-5)

    # El modelo diminuto casi no distingue las frases (todas rondan 0,5), así que el orden se
    # comprueba con un modelo cuya salida depende solo del número de piezas de cada frase.
    def modelo_que_cuenta(input_ids, attention_mask, **_):
        piezas = attention_mask.sum(dim=1).float()
        return SimpleNamespace(logits=torch.stack([piezas / 10, torch.zeros_like(piezas)], dim=1))

    clasificador._modelo = modelo_que_cuenta
    piezas = [len(clasificador._tokenizador(f)["input_ids"]) for f in frases]
    assert len(set(piezas)) == len(frases), "las frases de la prueba deben tener longitudes distintas"
    esperado = torch.softmax(torch.tensor([[n / 10, 0.0] for n in piezas]), dim=-1).numpy()
    np.testing.assert_allclose(clasificador.probabilidades(frases, lote=4), esperado, rtol=1e-6)


def test_predice_con_la_longitud_del_entrenamiento(clasificador_diminuto):
    descripcion = json.loads((clasificador_diminuto / "transferencia.json").read_text("utf-8"))
    assert descripcion["longitud_maxima"] == 64
    clasificador = cargar_clasificador(clasificador_diminuto)
    larga = " ".join(["soup"] * 70)
    # Todo lo que pasa de 64 piezas se descarta, igual que al entrenar.
    assert (clasificador.probabilidades([larga]) ==
            clasificador.probabilidades([larga + " and the train is very late"])).all()


def test_umbral_fijo_queda_en_la_descripcion(modelo_diminuto, tmp_path):
    """El umbral de Ninguna se guarda junto con lo demás de transferencia.json."""
    salida = tmp_path / "m"
    assert main(["entrenar", "--datos", ASIGNATURAS, "--salida", str(salida), "--modelo-base",
                 str(modelo_diminuto), "--epocas", "1", "--umbral-ninguna", "0.4",
                 "--sin-progreso"]) == 0
    descripcion = json.loads((salida / "transferencia.json").read_text("utf-8"))
    assert descripcion["umbral_ninguna"] == 0.4
    assert descripcion["longitud_maxima"] == 64 and descripcion["metodo"] == "ajuste"


def test_int8(clasificador_diminuto, capsys):
    import numpy as np
    import torch

    normal = cargar_clasificador(clasificador_diminuto)
    int8 = cargar_clasificador(clasificador_diminuto, int8=True)
    lineales = [m for m in int8._modelo.modules() if isinstance(m, torch.ao.nn.quantized.dynamic.Linear)]
    assert len(lineales) >= 12  # 6 por capa de BERT × 2 capas, más la cabeza
    frases = ["Soup is ready", "The train is late", "I like cheese"]
    diferencia = np.abs(normal.probabilidades(frases) - int8.probabilidades(frases)).max()
    assert 0 < diferencia < 0.1
    assert main(["predecir", "--modelo", str(clasificador_diminuto), "--int8", "--json", "Soup"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["etiqueta"] in {"food", "not_food"}


def test_predecir_sin_frases(clasificador_diminuto, capsys):
    assert main(["predecir", "--modelo", str(clasificador_diminuto)]) == 2
    assert "no hay frases" in capsys.readouterr().err


@pytest.mark.parametrize("orden", ["evaluar", "predecir"])
def test_carpeta_que_no_es_modelo(orden, tmp_path, capsys):
    argumentos = [orden, "--modelo", str(tmp_path)]
    argumentos += ["--datos", COMIDA] if orden == "evaluar" else ["hola"]
    assert main(argumentos) == 2
    assert "no es un modelo del curso" in capsys.readouterr().err


@pytest.mark.parametrize("contenido, mensaje", [
    (None, "no existe"),
    ("nombre,edad\nhola,a\n", "no encuentro la columna del texto"),
    ("text,label\nhola,a\nhola,b\nadios,b\n", "etiquetas distintas"),
])
def test_entrenar_datos_malos_no_escribe_nada(contenido, mensaje, tmp_path, capsys):
    csv = tmp_path / "datos.csv"
    if contenido is not None:
        csv.write_text(contenido, encoding="utf-8")
    salida = tmp_path / "salida"
    assert main(["entrenar", "--datos", str(csv), "--salida", str(salida)]) == 2
    assert mensaje in capsys.readouterr().err
    assert not salida.exists()


def test_entrenar_umbral_sin_ninguna(tmp_path, capsys):
    salida = tmp_path / "salida"
    assert main(["entrenar", "--datos", COMIDA, "--salida", str(salida),
                 "--umbral-ninguna", "auto"]) == 2
    assert "Ninguna" in capsys.readouterr().err
    assert not salida.exists()


def test_entrenar_pocas_frases(tmp_path, capsys):
    csv = tmp_path / "datos.csv"
    csv.write_text("text,label\nuno,a\ndos,a\ntres,b\ncuatro,b\n", encoding="utf-8")
    assert main(["entrenar", "--datos", str(csv), "--salida", str(tmp_path / "s")]) == 2
    assert "añade más" in capsys.readouterr().err.lower()


def test_entrenar_no_pisa_una_carpeta_ajena(tmp_path, capsys):
    (tmp_path / "mis_cosas.txt").write_text("importante")
    assert main(["entrenar", "--datos", COMIDA, "--salida", str(tmp_path)]) == 2
    assert "no está vacía" in capsys.readouterr().err


@pytest.mark.parametrize("opcion, valor", [("--prueba", "1.5"), ("--epocas", "0"), ("--lote", "x")])
def test_opciones_no_validas(opcion, valor, tmp_path, capsys):
    with pytest.raises(SystemExit) as salida:
        main(["entrenar", "--datos", COMIDA, "--salida", str(tmp_path / "s"), opcion, valor])
    assert salida.value.code == 2
    assert "error" in capsys.readouterr().err


def test_ayuda_en_espanol(capsys):
    with pytest.raises(SystemExit):
        main(["entrenar", "--ayuda"])
    ayuda = capsys.readouterr().out
    assert ayuda.startswith("uso: ") and "opciones:" in ayuda and "épocas" in ayuda


def test_embeddings_con_umbral_auto(tmp_path, capsys):
    salida = tmp_path / "e"
    assert main(["entrenar", "--datos", ASIGNATURAS, "--metodo", "embeddings",
                 "--umbral-ninguna", "auto", "--salida", str(salida)]) == 0
    descripcion = json.loads((salida / "transferencia.json").read_text(encoding="utf-8"))
    assert descripcion["metodo"] == "embeddings" and len(descripcion["etiquetas"]) == 10
    assert 0 <= descripcion["umbral_ninguna"] < 1
    metricas = json.loads((salida / "metricas.json").read_text(encoding="utf-8"))
    assert metricas["prueba"]["f1_macro"] > 0.6  # TF-IDF ronda 0.3 en estos datos
    capsys.readouterr()
    assert main(["evaluar", "--modelo", str(salida), "--datos", ASIGNATURAS, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["n"] == 250
    assert main(["predecir", "--modelo", str(salida), "--int8", "La célula"]) == 2
    assert "int8 solo sirve para el método «ajuste»" in capsys.readouterr().err


@pytest.mark.lento
def test_orden_completa_del_issue(tmp_path):
    """La receta por defecto, como la ejecutaría un docente, en un proceso aparte."""
    salida = tmp_path / "m"
    entrenar = subprocess.run([sys.executable, "-m", "transferencia", "entrenar", "--datos", COMIDA,
                               "--salida", str(salida), "--sin-progreso"],
                              capture_output=True, text=True, timeout=1200)
    assert entrenar.returncode == 0, entrenar.stderr
    assert "Modelo base:" in entrenar.stdout
    evaluar = subprocess.run([sys.executable, "-m", "transferencia", "evaluar", "--modelo",
                              str(salida), "--datos", COMIDA, "--json"],
                             capture_output=True, text=True, timeout=120)
    assert evaluar.returncode == 0, evaluar.stderr
    assert json.loads(evaluar.stdout)["exactitud"] > 0.9
    # Cuantizado a int8, el modelo real conserva la calidad.
    evaluar_int8 = subprocess.run([sys.executable, "-m", "transferencia", "evaluar", "--modelo",
                                   str(salida), "--datos", COMIDA, "--json", "--int8"],
                                  capture_output=True, text=True, timeout=120)
    assert evaluar_int8.returncode == 0, evaluar_int8.stderr
    assert json.loads(evaluar_int8.stdout)["exactitud"] > 0.9
    prueba = json.loads((salida / "metricas.json").read_text(encoding="utf-8"))["prueba"]
    assert prueba["exactitud"] >= 0.9


@pytest.mark.parametrize("crear, mensaje", [
    (lambda ruta: None, "el archivo no existe"),
    (lambda ruta: ruta.mkdir(), "es una carpeta"),
    (lambda ruta: ruta.write_bytes("Sopa\n".encode("latin-1") + b"\xf1\xe1\n"), "no está en UTF-8"),
])
def test_predecir_archivo_malo(clasificador_diminuto, tmp_path, capsys, crear, mensaje):
    ruta = tmp_path / "frases.txt"
    crear(ruta)
    assert main(["predecir", "--modelo", str(clasificador_diminuto), "--archivo", str(ruta)]) == 2
    error = capsys.readouterr().err
    assert mensaje in error and str(ruta) in error


def test_predecir_tabla_con_coma_decimal(clasificador_diminuto, capsys):
    assert main(["predecir", "--modelo", str(clasificador_diminuto), "Soup"]) == 0
    etiqueta, probabilidad, frase = capsys.readouterr().out.strip().split("\t")
    assert frase == "Soup" and etiqueta in {"food", "not_food"}
    assert "," in probabilidad and "." not in probabilidad


def test_opciones_admiten_coma_decimal(tmp_path, capsys):
    salida = tmp_path / "e"
    assert main(["entrenar", "--datos", COMIDA, "--metodo", "embeddings", "--prueba", "0,3",
                 "--salida", str(salida)]) == 0
    assert json.loads((salida / "metricas.json").read_text("utf-8"))["prueba"]["n"] == 75


# ---------------------------------------------------------------------------
# Tablas de docente: Excel, CSV de Windows, informes, predicciones en archivo
# ---------------------------------------------------------------------------

def _ejecutar(argumentos):
    """``main(argumentos)`` capturando la salida (para los fixtures de módulo)."""
    import contextlib
    import io

    salida, errores = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(salida), contextlib.redirect_stderr(errores):
        codigo = main(argumentos)
    return codigo, salida.getvalue(), errores.getvalue()


@pytest.fixture(scope="module")
def docente(tmp_path_factory):
    carpeta = tmp_path_factory.mktemp("docente")
    return {"excel": crear_excel_del_docente(carpeta / "asignaturas.xlsx"),
            "csv": crear_csv_de_windows(carpeta / "asignaturas_windows.csv")}


@pytest.fixture(scope="module")
def modelo_del_excel(docente, tmp_path_factory):
    """Clasificador (embeddings) entrenado con el Excel del docente, y lo que imprimió."""
    salida = tmp_path_factory.mktemp("excel") / "modelo"
    codigo, impreso, errores = _ejecutar(["entrenar", "--datos", str(docente["excel"]),
                                          "--metodo", "embeddings", "--unificar-etiquetas",
                                          "--salida", str(salida)])
    assert codigo == 0, errores
    return salida, impreso


def _json(ruta):
    return json.loads(ruta.read_text(encoding="utf-8"))


def test_excel_con_repetidas_y_etiquetas_reescritas_entrena(modelo_del_excel, docente):
    salida, impreso = modelo_del_excel
    # El informe de limpieza sale antes de entrenar.
    assert impreso.index("Filas repetidas quitadas: 12") < impreso.index("Entrenando con")
    assert f"Archivo leído: {docente['excel']} (Excel, hoja «Frases»)" in impreso
    assert "Columnas: texto = «Frase», etiqueta = «Asignatura»" in impreso
    assert "Filas leídas: 262" in impreso and "Filas que quedan: 250, en 10 clases:" in impreso
    assert "Se han unificado en «Matemáticas», la más frecuente (3 filas cambiadas)" in impreso
    assert "Se han unificado en «Historia», la más frecuente (3 filas cambiadas)" in impreso
    descripcion = _json(salida / "transferencia.json")
    assert descripcion["metodo"] == "embeddings" and descripcion["eleccion_metodo"] is None
    assert sorted(descripcion["etiquetas"]) == sorted({e for _, e in _asignaturas()})
    metricas = _json(salida / "metricas.json")
    assert metricas["n_entrenamiento"] == 200 and metricas["prueba"]["n"] == 50
    assert metricas["prueba"]["f1_macro"] > 0.6
    lectura = metricas["lectura_datos"]
    assert lectura["repetidas_quitadas"] == 12 and lectura["filas_finales"] == 250
    assert lectura["etiquetas_unificadas"] == {"matematicas": "Matemáticas", "HISTORIA": "Historia"}
    # Las huellas son las de las frases de entrenamiento (sin las de prueba).
    assert len(descripcion["huellas_entrenamiento"]) == 200


def test_sin_unificar_las_etiquetas_reescritas_son_clases_y_se_avisa(docente, tmp_path, capsys):
    salida = tmp_path / "m"
    assert main(["entrenar", "--datos", str(docente["excel"]), "--metodo", "embeddings",
                 "--salida", str(salida)]) == 0
    assert "para unirlas, usa --unificar-etiquetas" in capsys.readouterr().out
    assert {"matematicas", "HISTORIA"} <= set(_json(salida / "transferencia.json")["etiquetas"])


def test_csv_de_windows_con_punto_y_coma_entrena(docente, tmp_path, capsys):
    salida = tmp_path / "m"
    assert main(["entrenar", "--datos", str(docente["csv"]), "--metodo", "embeddings",
                 "--salida", str(salida)]) == 0
    impreso = capsys.readouterr().out
    assert (f"Archivo leído: {docente['csv']} (CSV, codificación detectada: Windows-1252, "
            "separador «;» (punto y coma))") in impreso
    assert "Columnas: texto = «texto», etiqueta = «etiqueta»" in impreso
    assert "Se usa la columna «texto» como texto" in impreso
    assert impreso.index("Filas que quedan: 250") < impreso.index("Entrenando con")
    metricas = _json(salida / "metricas.json")
    assert metricas["prueba"]["f1_macro"] > 0.6
    assert metricas["lectura_datos"]["codificacion"] == "Windows-1252"
    # Las tildes se leyeron bien: las etiquetas son las del archivo original.
    assert set(_json(salida / "transferencia.json")["etiquetas"]) == {e for _, e in _asignaturas()}


def _frases_pequenas():
    """30 frases de 3 asignaturas (10 de cada): entrenan en un par de segundos."""
    cuenta, frases = {}, []
    for texto, etiqueta in _asignaturas():
        if etiqueta in ("Matemáticas", "Historia", "Geografía") and cuenta.get(etiqueta, 0) < 10:
            cuenta[etiqueta] = cuenta.get(etiqueta, 0) + 1
            frases.append((texto, etiqueta))
    return frases


def escribir_tabla(ruta, frases, columnas=("text", "label")):
    """Escribe ``frases`` en el formato que diga la extensión de ``ruta``."""
    import pandas as pd

    tabla = pd.DataFrame(frases, columns=list(columnas))
    extension = ruta.suffix
    if extension == ".xlsx":
        tabla.to_excel(ruta, index=False)
    elif extension in (".csv", ".tsv"):
        tabla.to_csv(ruta, index=False, sep="\t" if extension == ".tsv" else ",")
    elif extension == ".json":
        tabla.to_json(ruta, orient="records", force_ascii=False, indent=1)
    else:
        tabla.to_json(ruta, orient="records", force_ascii=False, lines=True)
    return ruta


FORMATOS = [".csv", ".tsv", ".xlsx", ".json", ".jsonl"]


@pytest.mark.parametrize("extension", FORMATOS)
def test_entrenar_con_cada_formato(extension, tmp_path, capsys):
    datos = escribir_tabla(tmp_path / f"frases{extension}", _frases_pequenas(),
                           ("frase", "clase"))
    salida = tmp_path / "m"
    assert main(["entrenar", "--datos", str(datos), "--metodo", "embeddings", "--salida",
                 str(salida)]) == 0
    impreso = capsys.readouterr().out
    assert "Columnas: texto = «frase», etiqueta = «clase»" in impreso
    assert "Filas que quedan: 30, en 3 clases:" in impreso
    assert _json(salida / "metricas.json")["prueba"]["n"] == 6


def test_columnas_y_hoja_elegidas_a_mano(tmp_path, capsys):
    import openpyxl

    libro = openpyxl.Workbook()
    libro.active.title = "Portada"
    libro.active.append(["Frases del curso 2024"])
    hoja = libro.create_sheet("Datos")
    hoja.append(["id", "enunciado", "materia", "comentario"])
    for numero, (texto, etiqueta) in enumerate(_frases_pequenas(), start=1):
        hoja.append([numero, texto, etiqueta, ""])
    ruta = tmp_path / "libro.xlsx"
    libro.save(ruta)
    salida = tmp_path / "m"
    assert main(["entrenar", "--datos", str(ruta), "--hoja", "Datos", "--columna-texto",
                 "enunciado", "--columna-etiqueta", "materia", "--metodo", "embeddings",
                 "--salida", str(salida)]) == 0
    assert "Columnas: texto = «enunciado», etiqueta = «materia»" in capsys.readouterr().out
    assert sorted(_json(salida / "transferencia.json")["etiquetas"]) == [
        "Geografía", "Historia", "Matemáticas"]


def test_separador_forzado(tmp_path, capsys):
    ruta = tmp_path / "frases.csv"
    ruta.write_text("text|label\n" + "".join(f"{t}|{e}\n" for t, e in _frases_pequenas()),
                    encoding="utf-8")
    assert main(["entrenar", "--datos", str(ruta), "--separador", "|", "--metodo", "embeddings",
                 "--salida", str(tmp_path / "m")]) == 0
    assert "separador «|»" in capsys.readouterr().out


def test_evaluar_informe_en_carpeta(modelo_del_excel, docente, tmp_path, capsys):
    import pandas as pd

    modelo, _ = modelo_del_excel
    carpeta = tmp_path / "informe"
    assert main(["evaluar", "--modelo", str(modelo), "--datos", str(docente["csv"]), "--json",
                 "--informe", str(carpeta)]) == 0
    capturado = capsys.readouterr()
    metricas = json.loads(capturado.out)  # con --json, en la salida normal solo va el JSON
    assert "Informe guardado en" in capturado.err and "Windows-1252" in capturado.err
    assert sorted(p.name for p in carpeta.iterdir()) == [
        "errores.csv", "matriz_confusion.png", "menos_seguras.csv", "por_clase.csv"]
    por_clase = pd.read_csv(carpeta / "por_clase.csv", encoding="utf-8-sig")
    assert por_clase["etiqueta"].tolist() == metricas["matriz_confusion"]["etiquetas"] + ["media macro"]
    assert por_clase["soporte"].tolist()[:-1] == [25] * 10
    assert por_clase["F1"].iloc[-1] == pytest.approx(metricas["f1_macro"], abs=1e-4)
    aciertos = sum(fila[i] for i, fila in enumerate(metricas["matriz_confusion"]["valores"]))
    errores = pd.read_csv(carpeta / "errores.csv", encoding="utf-8-sig")
    assert len(errores) == 250 - aciertos and (errores["real"] != errores["predicha"]).all()
    menos_seguras = pd.read_csv(carpeta / "menos_seguras.csv", encoding="utf-8-sig")
    assert len(menos_seguras) == 20 and menos_seguras["probabilidad"].is_monotonic_increasing
    assert (carpeta / "matriz_confusion.png").read_bytes().startswith(b"\x89PNG")


def test_evaluar_avisa_de_las_frases_del_entrenamiento(modelo_del_excel, tmp_path, capsys):
    from transferencia.tablas import huella_texto

    modelo, _ = modelo_del_excel
    huellas = set(_json(modelo / "transferencia.json")["huellas_entrenamiento"])
    vistas = [f for f in _asignaturas() if huella_texto(f[0]) in huellas]
    no_vistas = [f for f in _asignaturas() if huella_texto(f[0]) not in huellas]  # las de prueba
    assert len(no_vistas) == 50
    # Filas 2..6 de la hoja: nueva, vista (con otros espacios y mayúsculas), de prueba, vista,
    # nueva.
    frases = [("Hoy resolvemos un sistema de tres ecuaciones.", "Matemáticas"),
              ("  " + vistas[0][0].upper() + " ", vistas[0][1]), no_vistas[0], vistas[1],
              ("La Reconquista terminó en Granada.", "Historia")]
    ruta = escribir_tabla(tmp_path / "nuevas.xlsx", frases)
    assert main(["evaluar", "--modelo", str(modelo), "--datos", str(ruta)]) == 0
    salida = capsys.readouterr().out
    assert (f"Aviso: 2 de las 5 frases de {ruta} ya estaban en los datos de entrenamiento del "
            "modelo (las filas 3 y 5).") in salida
    # Un modelo sin huellas (de una versión anterior) lo dice.
    descripcion = _json(modelo / "transferencia.json")
    antiguo = tmp_path / "antiguo"
    import shutil

    shutil.copytree(modelo, antiguo)
    descripcion["huellas_entrenamiento"] = []
    (antiguo / "transferencia.json").write_text(json.dumps(descripcion), encoding="utf-8")
    assert main(["evaluar", "--modelo", str(antiguo), "--datos", str(ruta)]) == 0
    assert "no guarda con qué frases se entrenó" in capsys.readouterr().out


def test_evaluar_unifica_con_las_etiquetas_del_modelo(modelo_del_excel, docente, capsys):
    modelo, _ = modelo_del_excel
    argumentos = ["evaluar", "--modelo", str(modelo), "--datos", str(docente["excel"]), "--json"]
    assert main(argumentos) == 2
    error = capsys.readouterr().err
    assert f"{docente['excel']}, fila 15: la etiqueta «HISTORIA» no está entre las esperadas" in error
    assert "¿Es «Historia»?" in error and "Hay 6 filas con etiquetas desconocidas" in error
    assert main(argumentos + ["--unificar-etiquetas"]) == 0
    capturado = capsys.readouterr()
    assert json.loads(capturado.out)["n"] == 250
    assert "Aviso: 200 de las 250 frases" in capturado.err


def test_predecir_archivo_excel_a_csv(modelo_del_excel, docente, tmp_path, capsys):
    import pandas as pd

    modelo, _ = modelo_del_excel
    salida = tmp_path / "etiquetadas.csv"
    assert main(["predecir", "--modelo", str(modelo), "--archivo", str(docente["excel"]),
                 "--salida", str(salida)]) == 0
    capturado = capsys.readouterr()
    assert "262 frases etiquetadas" in capturado.out and str(salida) in capturado.out
    assert "Etiquetando: 100 %" in capturado.err and "262/262 frases" in capturado.err
    tabla = pd.read_csv(salida, encoding="utf-8-sig")
    assert list(tabla.columns) == ["texto", "etiqueta", "probabilidad", "Frase", "Asignatura"]
    assert len(tabla) == 262 and (tabla["texto"] == tabla["Frase"]).all()
    assert set(tabla["etiqueta"]) <= set(_json(modelo / "transferencia.json")["etiquetas"])
    assert tabla["probabilidad"].between(0, 1).all()
    # Mismo resultado que predecir frase a frase.
    clasificador = cargar_clasificador(modelo)
    esperadas = [e for e, _ in clasificador.predecir(tabla["texto"].tolist()[:5])]
    assert tabla["etiqueta"].tolist()[:5] == esperadas


@pytest.mark.parametrize("extension", FORMATOS)
def test_predecir_de_cada_formato_a_cada_formato(modelo_del_excel, extension, tmp_path, capsys):
    from transferencia.tablas import leer_textos

    modelo, _ = modelo_del_excel
    entrada = escribir_tabla(tmp_path / f"entrada{extension}", _frases_pequenas()[:4],
                             ("texto", "nota"))
    salida = tmp_path / f"salida{extension}"
    assert main(["predecir", "--modelo", str(modelo), "--archivo", str(entrada), "--salida",
                 str(salida), "--sin-progreso"]) == 0
    assert "Etiquetando" not in capsys.readouterr().err
    releida = leer_textos(salida)
    assert releida.datos["text"].tolist() == [t for t, _ in _frases_pequenas()[:4]]
    assert {"etiqueta", "probabilidad", "nota"} <= set(releida.originales.columns)


def test_predecir_txt_sigue_funcionando_con_salida(modelo_del_excel, tmp_path, capsys):
    import pandas as pd

    modelo, _ = modelo_del_excel
    archivo = tmp_path / "frases.txt"
    archivo.write_text("Calcula la derivada.\n\nLa batalla de Lepanto.\n", encoding="utf-8")
    salida = tmp_path / "salida.xlsx"
    assert main(["predecir", "--modelo", str(modelo), "--archivo", str(archivo), "--salida",
                 str(salida), "Una frase más"]) == 0
    tabla = pd.read_excel(salida)
    assert tabla["texto"].tolist() == ["Una frase más", "Calcula la derivada.",
                                       "La batalla de Lepanto."]


@pytest.mark.parametrize("argumentos, mensaje", [
    (["--salida", "{tmp}/salida.docx"], "no se pueden guardar predicciones en «.docx»"),
    (["--salida", "{tmp}"], "es una carpeta"),
    (["--salida", "{archivo}"], "es el mismo archivo que --archivo"),
    (["--json", "--salida", "{tmp}/s.csv"], "no se puede usar junto con"),
])
def test_predecir_salida_no_valida(modelo_del_excel, docente, tmp_path, capsys, argumentos,
                                   mensaje):
    modelo, _ = modelo_del_excel
    argumentos = [a.format(tmp=tmp_path, archivo=docente["csv"]) for a in argumentos]
    antes = docente["csv"].read_bytes()
    try:
        codigo = main(["predecir", "--modelo", str(modelo), "--archivo", str(docente["csv"]),
                       *argumentos])
    except SystemExit as salida:
        codigo = salida.code
    assert codigo == 2
    assert mensaje in capsys.readouterr().err
    assert docente["csv"].read_bytes() == antes
    assert not (tmp_path / "salida.docx").exists() and not (tmp_path / "s.csv").exists()


# --- entradas que no valen: error en español con el archivo (y la fila), nada escrito --------

def _excel_danado(ruta):
    ruta.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 8)


def _hoja_vacia(ruta):
    import openpyxl

    libro = openpyxl.Workbook()
    libro.active.title = "Hoja1"
    libro.save(ruta)


def _falta_columna(ruta):
    ruta.write_text("nombre;curso\nAna;3.º A\nLuis;2.º B\n", encoding="utf-8")


def _una_clase(ruta):
    escribir_tabla(ruta, [(t, "Matemáticas") for t, _ in _frases_pequenas()], ("texto", "etiqueta"))


def _binario(ruta):
    import random

    ruta.write_bytes(random.Random(7).randbytes(4000))


def _demasiado_grande(ruta):
    with ruta.open("wb") as archivo:  # disperso: no ocupa disco ni se lee
        archivo.truncate(51 * 1024 * 1024)


def _etiqueta_vacia(ruta):
    frases = _frases_pequenas()
    frases[2] = (frases[2][0], "")
    escribir_tabla(ruta, frases)


#: (nombre, archivo, cómo crearlo, qué dice el error, fila, ¿vale para predecir?)
MALAS = [
    ("excel ilegible", "datos.xlsx", _excel_danado,
     "no se puede abrir como libro de Excel (.xlsx): el archivo está dañado", None, True),
    ("hoja vacía", "datos.xlsx", _hoja_vacia, "la hoja «Hoja1» está vacía.", None, True),
    ("falta una columna", "datos.csv", _falta_columna,
     "no encuentro la columna del texto", 1, True),
    ("una sola clase", "datos.xlsx", _una_clase,
     "solo hay una clase («Matemáticas»): un clasificador necesita al menos dos", None, False),
    ("basura binaria", "datos.csv", _binario, "no parece un archivo de texto", None, True),
    ("demasiado grande", "datos.csv", _demasiado_grande,
     "el archivo ocupa 51,0 MB y el máximo es 50 MB", None, True),
    ("etiqueta vacía", "datos.xlsx", _etiqueta_vacia, "la etiqueta está vacía", 4, False),
]


def _comprobar_error(error, ruta, mensaje, fila):
    assert error.startswith(f"Error: {ruta}"), error
    assert mensaje in error
    if fila is not None:
        assert f"{ruta}, fila {fila}:" in error


@pytest.mark.parametrize("nombre, archivo, crear, mensaje, fila",
                         [m[:5] for m in MALAS], ids=[m[0] for m in MALAS])
def test_entrenar_entrada_mala(nombre, archivo, crear, mensaje, fila, tmp_path, capsys):
    ruta = tmp_path / archivo
    crear(ruta)
    salida = tmp_path / "salida"
    assert main(["entrenar", "--datos", str(ruta), "--metodo", "embeddings", "--salida",
                 str(salida)]) == 2
    capturado = capsys.readouterr()
    _comprobar_error(capturado.err, ruta, mensaje, fila)
    assert not salida.exists()
    assert "Entrenando" not in capturado.out


@pytest.mark.parametrize("nombre, archivo, crear, mensaje, fila",
                         [m[:5] for m in MALAS], ids=[m[0] for m in MALAS])
def test_evaluar_entrada_mala(modelo_del_excel, nombre, archivo, crear, mensaje, fila, tmp_path,
                              capsys):
    modelo, _ = modelo_del_excel
    ruta = tmp_path / archivo
    crear(ruta)
    informe = tmp_path / "informe"
    assert main(["evaluar", "--modelo", str(modelo), "--datos", str(ruta), "--informe",
                 str(informe)]) == 2
    _comprobar_error(capsys.readouterr().err, ruta, mensaje, fila)
    assert not informe.exists()


@pytest.mark.parametrize("nombre, archivo, crear, mensaje, fila",
                         [m[:5] for m in MALAS if m[5]], ids=[m[0] for m in MALAS if m[5]])
def test_predecir_entrada_mala(modelo_del_excel, nombre, archivo, crear, mensaje, fila, tmp_path,
                               capsys):
    modelo, _ = modelo_del_excel
    ruta = tmp_path / archivo
    crear(ruta)
    salida = tmp_path / "predicciones.csv"
    assert main(["predecir", "--modelo", str(modelo), "--archivo", str(ruta), "--salida",
                 str(salida)]) == 2
    _comprobar_error(capsys.readouterr().err, ruta, mensaje, fila)
    assert not salida.exists()


# --- --metodo auto ------------------------------------------------------------------------

def test_metodo_auto_con_validacion_cruzada(modelo_diminuto, tmp_path, capsys):
    frases = _frases_pequenas() + [(t, e) for t, e in _asignaturas()
                                   if e == "Artes"][:10]  # 40 frases, 4 clases
    datos = escribir_tabla(tmp_path / "frases.csv", frases)
    salida = tmp_path / "m"
    assert main(["entrenar", "--datos", str(datos), "--metodo", "auto", "--modelo-base",
                 str(modelo_diminuto), "--epocas", "1", "--sin-progreso",
                 "--salida", str(salida)]) == 0
    impreso = capsys.readouterr().out
    assert ("validación cruzada con 3 pliegues estratificados sobre las 32 frases de "
            "entrenamiento (la prueba queda aparte)") in impreso
    assert "misma receta que el final (1 época, sin recortar nada)" in impreso
    for numero in (1, 2, 3):
        assert f"Ajuste fino, pliegue {numero} de 3" in impreso
    puntuaciones = re.search(r"F1 macro medio en la validación cruzada: ajuste fino (\d,\d{3}), "
                             r"embeddings (\d,\d{3})\.", impreso)
    assert puntuaciones, impreso
    descripcion = _json(salida / "transferencia.json")
    eleccion = descripcion["eleccion_metodo"]
    assert eleccion["elegido"] == descripcion["metodo"] == _json(salida / "metricas.json")["metodo"]
    assert f"Elegido: {eleccion['elegido']}" in impreso
    assert eleccion["pliegues"] == 3 and eleccion["frases"] == 32 and eleccion["recortes"] == []
    assert [cifra(eleccion["f1_macro_medio"][m]) for m in ("ajuste", "embeddings")] == \
        list(puntuaciones.groups())
    assert len(eleccion["f1_macro_por_pliegue"]["ajuste"]) == 3
    assert eleccion["hiperparametros_ajuste"]["epocas"] == 1
    metricas = _json(salida / "metricas.json")
    assert metricas["eleccion_metodo"] == eleccion
    # La validación cruzada usó solo el entrenamiento: 32 frases = 40 − 8 de prueba.
    assert metricas["prueba"]["n"] == 8
    assert metricas["n_entrenamiento"] + metricas["n_validacion"] == 32


def _metodo_auto(modelo_diminuto, puntuacion_ajuste, puntuacion_embeddings, monkeypatch):
    from transferencia.entrenamiento import Hiperparametros, MetodoAjuste, MetodoAuto

    auto = MetodoAuto(MetodoAjuste(str(modelo_diminuto), Hiperparametros(epocas=1), progreso=False))
    monkeypatch.setattr(auto, "puntuar_ajuste", lambda *a, **k: [puntuacion_ajuste] * 3)
    monkeypatch.setattr(auto, "puntuar_embeddings", lambda *a, **k: [puntuacion_embeddings] * 3)
    return auto


@pytest.mark.parametrize("ajuste, embeddings, elegido", [
    (0.8, 0.8, "embeddings"),  # empate: el barato
    (0.8, 0.7, "ajuste"),
    (0.6, 0.7, "embeddings"),
])
def test_metodo_auto_elige_el_mejor(modelo_diminuto, monkeypatch, tmp_path, ajuste, embeddings,
                                    elegido):
    import pandas as pd

    from transferencia.entrenamiento import entrenar_clasificador

    auto = _metodo_auto(modelo_diminuto, ajuste, embeddings, monkeypatch)
    datos = pd.DataFrame(_frases_pequenas(), columns=["text", "label"])
    mensajes = []
    resultado = entrenar_clasificador(datos, tmp_path / "m", auto, avisar=mensajes.append)
    assert resultado.resumen["metodo"] == elegido == resultado.clasificador.metodo
    assert cargar_clasificador(tmp_path / "m").metodo == elegido
    assert any(m.startswith(f"Elegido: {elegido}") for m in mensajes)
    if ajuste == embeddings:
        assert "empatan" in resultado.resumen["eleccion_metodo"]["motivo"]


def test_metodo_auto_menos_pliegues_con_clases_pequenas(modelo_diminuto):
    import pandas as pd

    from transferencia.entrenamiento import MetodoAjuste, MetodoAuto

    auto = MetodoAuto(MetodoAjuste(str(modelo_diminuto), progreso=False))
    datos = pd.DataFrame([("a uno", "A"), ("a dos", "A"), ("b uno", "B"), ("b dos", "B"),
                          ("b tres", "B"), ("b cuatro", "B")], columns=["text", "label"])
    pliegues, explicacion = auto.repartir(datos)
    assert len(pliegues) == 2
    assert explicacion == ("2 pliegues estratificados (no 3: la clase más pequeña, «A», solo "
                           "tiene 2 frases en el entrenamiento)")
    for entreno, validacion in pliegues:  # cada pliegue tiene frases de las dos clases
        assert set(datos["label"].iloc[validacion]) == {"A", "B"}
        assert set(datos["label"].iloc[entreno]) == {"A", "B"}


@pytest.mark.lento
def test_entrenar_use_m3_con_su_receta(tmp_path, capsys):
    """USE-m3 se ajusta con la receta elegida por validación y se usa como cualquier modelo."""
    from transferencia.use_m3 import RECETA_USE_M3

    salida = tmp_path / "use_m3"
    assert main(["entrenar", "--datos", ASIGNATURAS, "--salida", str(salida), "--modelo-base",
                 "use-m3", "--sin-progreso"]) == 0
    metricas = json.loads((salida / "metricas.json").read_text(encoding="utf-8"))
    assert metricas["modelo_base"]["nombre"] == "use-m3"
    assert metricas["hiperparametros"]["epocas"] == RECETA_USE_M3.epocas
    assert metricas["hiperparametros"]["tasa_aprendizaje"] == RECETA_USE_M3.tasa_aprendizaje
    assert metricas["hiperparametros"]["congelar_embeddings"] is RECETA_USE_M3.congelar_embeddings
    assert metricas["prueba"]["f1_macro"] > 0.6  # TF-IDF ronda 0,2 con estas frases
    capsys.readouterr()
    # En un proceso nuevo: la orden predecir y from_pretrained de transformers.
    predecir = subprocess.run([sys.executable, "-m", "transferencia", "predecir", "--modelo",
                               str(salida), "--json", "Resuelve la ecuación de segundo grado."],
                              capture_output=True, text=True, timeout=300)
    assert predecir.returncode == 0, predecir.stderr
    assert json.loads(predecir.stdout)[0]["etiqueta"] in metricas["prueba"]["por_clase"]
    codigo = ("import sys, transferencia.use_m3; from transformers import "
              "AutoModelForSequenceClassification, pipeline; "
              "m = AutoModelForSequenceClassification.from_pretrained(sys.argv[1]); "
              "print(type(m).__name__, len(m.config.id2label)); "
              "print(pipeline('text-classification', model=sys.argv[1])('Hola')[0]['label'])")
    cargar = subprocess.run([sys.executable, "-c", codigo, str(salida)], capture_output=True,
                            text=True, timeout=300)
    assert cargar.returncode == 0, cargar.stderr
    clase, etiqueta = cargar.stdout.strip().splitlines()[-2:]
    assert clase == "UseM3ForSequenceClassification 10"
    assert etiqueta in metricas["prueba"]["por_clase"]
