"""La línea de órdenes: entrenar, evaluar y predecir, con entradas buenas y malas."""

import json
import subprocess
import sys

import pytest

from transferencia import rutas
from transferencia.clasificador import cargar_clasificador
from transferencia.cli import main

COMIDA = str(rutas.DATOS / "comida.csv")
ASIGNATURAS = str(rutas.DATOS / "asignaturas.csv")


@pytest.fixture(scope="module")
def modelo_diminuto(tmp_path_factory):
    """Un BERT diminuto (aleatorio) con el tokenizador del respaldo: se entrena en segundos."""
    import torch
    from transformers import AutoTokenizer, BertConfig, BertModel

    from transferencia.modelos import ruta_respaldo

    carpeta = tmp_path_factory.mktemp("bert_diminuto")
    tokenizador = AutoTokenizer.from_pretrained(ruta_respaldo())
    configuracion = BertConfig(vocab_size=tokenizador.vocab_size, hidden_size=32,
                               num_hidden_layers=2, num_attention_heads=2,
                               intermediate_size=64, max_position_embeddings=128)
    torch.manual_seed(0)  # los mismos pesos iniciales en cada ejecución
    BertModel(configuracion).save_pretrained(carpeta)
    tokenizador.save_pretrained(carpeta)
    return carpeta


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
    assert "no conoce las etiquetas" in capsys.readouterr().err


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
    ("frase,etiqueta\nhola,a\n", "falta la columna"),
    ("text,label\nhola,a\nhola,a\nadios,b\n", "duplicada"),
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
