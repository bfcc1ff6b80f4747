"""Modelos suplentes (``scripts/modelos_suplentes.py``): la ruta del Hub sin conexión.

El script se ejecuta una vez por módulo (tamaño diminuto) en una caché temporal; las
comprobaciones se hacen en **otro proceso** con ``HF_HOME=<caché>`` y ``HF_HUB_OFFLINE=1``,
como los usaría un capítulo, y devuelven un JSON que miran las pruebas.
"""

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

RAIZ = Path(__file__).resolve().parent.parent
SCRIPT = RAIZ / "scripts" / "modelos_suplentes.py"
INGLES = "distilbert/distilbert-base-uncased"
MULTILINGUE = "distilbert/distilbert-base-multilingual-cased"
MINILM = "sentence-transformers/all-MiniLM-L6-v2"
BART = "facebook/bart-large-cnn"
TODOS = [INGLES, MULTILINGUE, MINILM, BART]
CODIFICADORES = [INGLES, MULTILINGUE, MINILM]
FRASES = ["Las tortitas, increíblemente esponjosas, desaparecieron enseguida.",
          "Grandma's homemade gnocchi were unbelievably fluffy!"]


def entorno(cache: Path) -> dict[str, str]:
    """El entorno de un capítulo sin conexión que usa la caché ``cache``."""
    variables = {k: v for k, v in os.environ.items() if not k.startswith(("HF_", "TRANSFORMERS_"))}
    variables.update(HF_HOME=str(cache), HF_HUB_OFFLINE="1", TRANSFERENCIA_MODELO_BASE="auto",
                     PYTHONPATH=str(RAIZ), TOKENIZERS_PARALLELISM="false", OMP_NUM_THREADS="1")
    return variables


def ejecutar_script(cache: Path, *opciones: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), "--cache", str(cache), *opciones],
                          capture_output=True, text=True, env=entorno(cache), cwd=RAIZ, timeout=300)


def listado(cache: Path) -> list[tuple[str, str]]:
    """(ruta, destino del enlace o «archivo») de todo lo que hay en ``cache/hub``."""
    return sorted((str(p.relative_to(cache)), os.readlink(p) if p.is_symlink() else "archivo")
                  for p in (cache / "hub").rglob("*") if p.is_file() or p.is_symlink())


COMPROBACIONES = textwrap.dedent("""
    import json, sys
    import torch
    torch.set_num_threads(1)
    import transformers
    transformers.logging.set_verbosity_error()
    from huggingface_hub import scan_cache_dir, try_to_load_from_cache
    from transformers import (AutoConfig, AutoModel, AutoModelForMaskedLM,
                              AutoModelForSeq2SeqLM, AutoModelForSequenceClassification,
                              AutoTokenizer)
    from transferencia.modelos import resolver_modelo_base, ruta_respaldo
    from transferencia.texto import resumir_abstractivo

    todos, codificadores, frases = json.loads(sys.argv[1])
    hechos = {"modelos": {}}
    minilm = AutoTokenizer.from_pretrained(ruta_respaldo())
    for nombre in todos:
        base = resolver_modelo_base(nombre)
        config = AutoConfig.from_pretrained(nombre)
        hechos["modelos"][nombre] = h = {
            "origen": base.origen, "nombre": base.nombre, "ruta": base.ruta,
            "en_cache": isinstance(try_to_load_from_cache(nombre, "config.json"), str),
            "marca": getattr(config, "suplente_del_curso", None),
            "arquitecturas": config.architectures,
        }
        tokenizador = AutoTokenizer.from_pretrained(base.ruta)
        h["clase_tokenizador"] = type(tokenizador).__name__
        if nombre in codificadores:
            modelo = AutoModelForSequenceClassification.from_pretrained(base.ruta, num_labels=3).eval()
            lote = tokenizador(frases, padding=True, truncation=True, max_length=64,
                               return_tensors="pt")
            with torch.no_grad():
                logits = modelo(**lote).logits
            h["forma_logits"] = list(logits.shape)
            h["logits_finitos"] = bool(torch.isfinite(logits).all())
            h["claves"] = sorted(tokenizador(frases[0]).keys())
            h["ids_como_minilm"] = all(tokenizador(f)["input_ids"] == minilm(f)["input_ids"]
                                       for f in frases)
            h["tokens"] = tokenizador.tokenize(frases[0])
            h["ida_y_vuelta"] = tokenizador.decode(
                tokenizador("Energía Química Ñandú Árbol")["input_ids"], skip_special_tokens=True)
            cuerpo = AutoModel.from_pretrained(base.ruta, attn_implementation="eager").eval()
            with torch.no_grad():
                salida = cuerpo(**tokenizador(frases[1], return_tensors="pt"), output_attentions=True)
            h["capas_atencion"] = len(salida.attentions)
            h["capas"] = getattr(config, "num_hidden_layers", None) or config.n_layers
            h["clase_cuerpo"] = type(cuerpo).__name__
        if nombre.startswith("distilbert/"):
            h["clase_mlm"] = type(AutoModelForMaskedLM.from_pretrained(base.ruta)).__name__
        if nombre == todos[3]:
            modelo = AutoModelForSeq2SeqLM.from_pretrained(base.ruta).eval()
            entradas = tokenizador(frases[1], return_tensors="pt")
            with torch.no_grad():
                generado = modelo.generate(**entradas, max_new_tokens=8, num_beams=1, min_length=0)
            h["forma_generado"] = list(generado.shape)
            h["resumen"] = resumir_abstractivo(" ".join(frases * 30), modelo, tokenizador)
            h["clase_modelo"] = type(modelo).__name__
    informe = scan_cache_dir()
    hechos["cache"] = {"repos": sorted(r.repo_id for r in informe.repos),
                       "avisos": [str(a) for a in informe.warnings]}
    print(json.dumps(hechos))
""")


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    """Caché con los suplentes diminutos, escrita dos veces (la segunda debe dar lo mismo)."""
    carpeta = tmp_path_factory.mktemp("hf_suplentes")
    primera = ejecutar_script(carpeta)
    assert primera.returncode == 0, primera.stderr
    antes = listado(carpeta)
    segunda = ejecutar_script(carpeta)
    assert segunda.returncode == 0, segunda.stderr
    return {"carpeta": carpeta, "salida": primera.stdout, "antes": antes,
            "despues": listado(carpeta)}


@pytest.fixture(scope="module")
def hechos(cache):
    proceso = subprocess.run(
        [sys.executable, "-c", COMPROBACIONES, json.dumps([TODOS, CODIFICADORES, FRASES])],
        capture_output=True, text=True, env=entorno(cache["carpeta"]), cwd=RAIZ, timeout=300)
    assert proceso.returncode == 0, proceso.stderr[-3000:]
    return json.loads(proceso.stdout.strip().splitlines()[-1])


def test_el_script_dice_que_escribio_y_cuantos_parametros(cache):
    for nombre in TODOS:
        assert nombre in cache["salida"]
    assert cache["salida"].count("parámetros") == len(TODOS)
    assert "pesos aleatorios" in cache["salida"]


def test_escribir_dos_veces_da_lo_mismo(cache):
    assert cache["antes"] == cache["despues"]


def test_estructura_real_de_la_cache(cache, hechos):
    hub = cache["carpeta"] / "hub"
    for nombre in TODOS:
        repo = hub / ("models--" + nombre.replace("/", "--"))
        revision = (repo / "refs" / "main").read_text(encoding="utf-8")
        assert len(revision) == 40 and int(revision, 16) >= 0
        instantanea = repo / "snapshots" / revision
        assert (instantanea / "config.json").is_file()
        for archivo in instantanea.rglob("*"):
            if archivo.is_symlink():
                assert archivo.resolve().parent == (repo / "blobs").resolve()
    assert hechos["cache"]["repos"] == sorted(TODOS)
    assert hechos["cache"]["avisos"] == []


@pytest.mark.parametrize("nombre", TODOS)
def test_resolver_modelo_base_usa_la_cache(hechos, nombre):
    h = hechos["modelos"][nombre]
    assert h["origen"] == "cache"
    assert h["nombre"] == h["ruta"] == nombre
    assert h["en_cache"]


@pytest.mark.parametrize("nombre", TODOS)
def test_config_dice_que_es_un_suplente(hechos, nombre):
    assert "pesos aleatorios" in hechos["modelos"][nombre]["marca"]


@pytest.mark.parametrize("nombre", CODIFICADORES)
def test_clasificador_de_tres_etiquetas_en_espanol_e_ingles(hechos, nombre):
    h = hechos["modelos"][nombre]
    assert h["forma_logits"] == [2, 3]
    assert h["logits_finitos"]
    assert h["capas_atencion"] == h["capas"]


def test_distilbert_ingles_como_en_el_hub(hechos):
    h = hechos["modelos"][INGLES]
    assert h["arquitecturas"] == ["DistilBertForMaskedLM"]
    assert h["clase_tokenizador"] == "DistilBertTokenizer"  # = DistilBertTokenizerFast
    assert h["clase_cuerpo"] == "DistilBertModel"
    assert h["clase_mlm"] == "DistilBertForMaskedLM"
    assert h["ids_como_minilm"], "el vocabulario sin mayúsculas debe ser el de all-MiniLM-L6-v2"
    assert "token_type_ids" not in h["claves"]
    assert h["ida_y_vuelta"] == "energia quimica nandu arbol"  # sin mayúsculas ni tildes


def test_minilm_como_el_respaldo(hechos):
    h = hechos["modelos"][MINILM]
    assert h["clase_cuerpo"] == "BertModel"
    assert h["ids_como_minilm"]
    assert "token_type_ids" in h["claves"]  # BERT sí los devuelve; DistilBERT no


def test_multilingue_conserva_mayusculas_y_tildes(hechos):
    h = hechos["modelos"][MULTILINGUE]
    assert h["arquitecturas"] == ["DistilBertForMaskedLM"]
    assert h["clase_tokenizador"] == "DistilBertTokenizer"
    assert h["clase_mlm"] == "DistilBertForMaskedLM"
    assert "token_type_ids" not in h["claves"]
    assert h["ida_y_vuelta"] == "Energía Química Ñandú Árbol"
    assert h["tokens"][0] == "Las"
    assert any("í" in t for t in h["tokens"])
    assert not h["ids_como_minilm"]


def test_bart_genera(hechos):
    h = hechos["modelos"][BART]
    assert h["clase_modelo"] == "BartForConditionalGeneration"
    assert h["arquitecturas"] == ["BartForConditionalGeneration"]
    assert h["forma_generado"][0] == 1 and h["forma_generado"][1] > 1
    assert isinstance(h["resumen"], str) and h["resumen"]


def test_no_sobrescribe_un_modelo_de_verdad(tmp_path):
    instantanea = (tmp_path / "hub" / "models--distilbert--distilbert-base-uncased"
                   / "snapshots" / ("0" * 40))
    instantanea.mkdir(parents=True)
    (instantanea / "config.json").write_text('{"model_type": "distilbert"}', encoding="utf-8")
    for opciones in (["--modelos", INGLES], ["--borrar"]):
        proceso = ejecutar_script(tmp_path, *opciones)
        assert proceso.returncode == 1
        assert "No se toca" in proceso.stderr
        assert (instantanea / "config.json").read_text(encoding="utf-8") == '{"model_type": "distilbert"}'


def test_borrar_quita_solo_los_suplentes(tmp_path):
    assert ejecutar_script(tmp_path, "--modelos", INGLES).returncode == 0
    repo = tmp_path / "hub" / "models--distilbert--distilbert-base-uncased"
    assert repo.is_dir()
    proceso = ejecutar_script(tmp_path, "--borrar")
    assert proceso.returncode == 0, proceso.stderr
    assert not repo.exists()
    assert INGLES in proceso.stdout


def test_el_resolvedor_avisa_de_que_es_un_suplente(cache):
    """Un suplente olvidado en la caché de siempre no se hace pasar por el modelo de verdad."""
    codigo = ("from transferencia.modelos import resolver_modelo_base; "
              "print(resolver_modelo_base('distilbert/distilbert-base-uncased').motivo)")
    salida = subprocess.run([sys.executable, "-c", codigo], capture_output=True, text=True,
                            env=entorno(cache["carpeta"]), cwd=RAIZ, check=True).stdout
    assert "suplente" in salida and "pesos al azar" in salida
