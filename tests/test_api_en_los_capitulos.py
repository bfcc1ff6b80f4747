"""Los capítulos de clasificación enseñan la API de Hugging Face, no la del curso."""

import re
from pathlib import Path

import jupytext
import pytest

RAIZ = Path(__file__).resolve().parent.parent
CLASIFICADORES = {"clasificador_binario": "distilbert/distilbert-base-uncased",
                  "clasificador_multiclase": "distilbert/distilbert-base-multilingual-cased"}
#: Llamadas de Hugging Face que cada capítulo de clasificación muestra en su código.
API = [r"load_dataset\(\s*\"csv\"", r"cast_column\(\s*\"label\",\s*ClassLabel\(",
       r"train_test_split\([^)]*stratify_by_column=\"label\"", r"\.map\([\s\S]{0,200}?batched=True",
       r"AutoTokenizer\.from_pretrained\(", r"AutoModelForSequenceClassification\.from_pretrained\(",
       r"transformers\.set_seed\(", r"Trainer\(", r"TrainingArguments\("]
#: Ayudantes del curso que estos capítulos ya no usan (la API de datasets los sustituye).
AYUDANTES = ["leer_csv", "dividir_estratificado", "mapas_etiquetas", "fijar_semilla"]


def codigo_visible(capitulo: str) -> str:
    """El código de las celdas visibles, sin la sección final de ejercicios (donde el
    alumno escribe sus propias funciones)."""
    texto = (RAIZ / "book" / f"{capitulo}.md").read_text(encoding="utf-8").split("\n## Ejercicios")[0]
    celdas = jupytext.reads(texto, fmt="md:myst").cells
    return "\n".join(c.source for c in celdas if c.cell_type == "code"
                     and "remove-cell" not in c.metadata.get("tags", []))


@pytest.mark.parametrize("capitulo", CLASIFICADORES)
def test_usa_la_api_de_hugging_face(capitulo):
    codigo = codigo_visible(capitulo)
    faltan = [patron for patron in API if not re.search(patron, codigo)]
    assert not faltan, f"{capitulo}: no se ve en el código {faltan}"
    usados = [nombre for nombre in AYUDANTES if nombre in codigo]
    assert not usados, f"{capitulo}: usa ayudantes del curso en lugar de datasets: {usados}"


@pytest.mark.parametrize("capitulo, modelo", CLASIFICADORES.items())
def test_nombra_su_modelo_del_hub_y_muestra_el_ayudante(capitulo, modelo):
    texto = (RAIZ / "book" / f"{capitulo}.md").read_text(encoding="utf-8")
    assert f'resolver_modelo_base("{modelo}")' in codigo_visible(capitulo)
    # El único ayudante que decide qué pasar a from_pretrained se enseña entero, plegado.
    assert ":pyobject: resolver_modelo_base" in texto


def test_el_detector_ve_lo_que_falta(tmp_path):
    assert not re.search(API[2], 'train_test_split(test_size=0.2, seed=42)')
    assert re.search(API[2], 'train_test_split(test_size=0.2, stratify_by_column="label", seed=1)')
