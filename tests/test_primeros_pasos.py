"""Capítulos «Primeros pasos con Hugging Face» y «Hugging Face más allá del texto».

- Los modelos diminutos sin entrenar de ``transferencia.multimodal`` funcionan sin conexión
  con ``pipeline()`` y dan entradas y salidas con las formas documentadas.
- Ninguna celda de código visible de los capítulos pasa de :data:`MAXIMO_LINEAS` líneas.
"""

from pathlib import Path

import jupytext
import numpy as np
import pytest

from transferencia import multimodal

RAIZ = Path(__file__).resolve().parent.parent
#: Líneas máximas de una celda de código que el lector ve.
MAXIMO_LINEAS = 20
#: Etiquetas que ocultan (o pliegan) el código de una celda.
OCULTAS = {"hide-input", "remove-cell", "remove-input"}
#: Los capítulos nuevos de esta parte del curso (deben estar en el índice).
CAPITULOS_CORTOS = {"primeros_pasos", "mas_alla_del_texto"}


@pytest.fixture(scope="module")
def carpeta(tmp_path_factory):
    return tmp_path_factory.mktemp("diminutos")


def _pipeline(tarea, ruta):
    from transformers import pipeline

    return pipeline(tarea, model=ruta, device="cpu")


def _comprobar_puntuaciones(salida, etiquetas):
    assert [set(s) for s in salida] == [{"label", "score"}] * len(etiquetas), salida
    assert {s["label"] for s in salida} == set(etiquetas)
    puntuaciones = [s["score"] for s in salida]
    assert puntuaciones == sorted(puntuaciones, reverse=True), "deben ir de mayor a menor"
    assert sum(puntuaciones) == pytest.approx(1, abs=1e-5), "son probabilidades (softmax)"


def test_clasificador_de_imagenes_diminuto(carpeta):
    from PIL import Image

    clasificador = _pipeline("image-classification",
                             multimodal.clasificador_imagenes_diminuto(carpeta))
    imagen = Image.new("RGB", (224, 160), (200, 30, 30))
    pixeles = clasificador.image_processor(imagen, return_tensors="pt")["pixel_values"]
    assert tuple(pixeles.shape) == (1, 3, multimodal.LADO, multimodal.LADO)
    _comprobar_puntuaciones(clasificador(imagen), multimodal.ETIQUETAS_IMAGEN)


def _tono(segundos=1.0, hercios=440):
    t = np.arange(int(segundos * multimodal.FRECUENCIA)) / multimodal.FRECUENCIA
    return (0.5 * np.sin(2 * np.pi * hercios * t)).astype(np.float32)


def test_reconocedor_de_voz_diminuto(carpeta):
    import torch

    reconocedor = _pipeline("automatic-speech-recognition",
                            multimodal.reconocedor_voz_diminuto(carpeta))
    audio = _tono()
    entrada = reconocedor.feature_extractor(audio, sampling_rate=multimodal.FRECUENCIA,
                                            return_tensors="pt")
    assert tuple(entrada["input_values"].shape) == (1, len(audio))
    with torch.no_grad():
        logits = reconocedor.model(**entrada).logits
    # un vector cada 5 × 2 × 2 = 20 muestras; una columna por símbolo (letras + 3 especiales)
    assert logits.shape[0] == 1 and abs(logits.shape[1] - len(audio) / 20) <= 2
    assert logits.shape[2] == len(multimodal.LETRAS) + 3
    texto = reconocedor({"raw": audio, "sampling_rate": multimodal.FRECUENCIA})["text"]
    assert isinstance(texto, str) and set(texto) <= set(multimodal.LETRAS) | {" "}


def test_clasificador_de_audio_diminuto(carpeta):
    clasificador = _pipeline("audio-classification",
                             multimodal.clasificador_audio_diminuto(carpeta))
    salida = clasificador({"raw": _tono(0.5), "sampling_rate": multimodal.FRECUENCIA})
    _comprobar_puntuaciones(salida, multimodal.ETIQUETAS_AUDIO)


def test_clasificador_de_video_diminuto(carpeta):
    import av

    archivo = carpeta / "video.mp4"
    with av.open(str(archivo), "w") as contenedor:
        pista = contenedor.add_stream("mpeg4", rate=8)
        pista.width, pista.height, pista.pix_fmt = 64, 64, "yuv420p"
        for i in range(8):
            cuadro = np.full((64, 64, 3), 30 * i, dtype=np.uint8)
            contenedor.mux(pista.encode(av.VideoFrame.from_ndarray(cuadro, format="rgb24")))
        contenedor.mux(pista.encode())
    clasificador = _pipeline("video-classification",
                             multimodal.clasificador_video_diminuto(carpeta))
    pixeles = clasificador.preprocess(str(archivo))["pixel_values"]
    assert tuple(pixeles.shape) == (1, multimodal.FOTOGRAMAS, 3, multimodal.LADO, multimodal.LADO)
    _comprobar_puntuaciones(clasificador(str(archivo)), multimodal.ETIQUETAS_VIDEO)


def test_los_diminutos_son_reproducibles_y_pequenos(tmp_path):
    from safetensors.numpy import load_file

    primero = load_file(Path(multimodal.clasificador_imagenes_diminuto(tmp_path / "a"))
                        / "model.safetensors")
    segundo = load_file(Path(multimodal.clasificador_imagenes_diminuto(tmp_path / "b"))
                        / "model.safetensors")
    assert primero.keys() == segundo.keys()
    assert all(np.array_equal(primero[k], segundo[k]) for k in primero), \
        "con la misma semilla, los pesos al azar deben ser los mismos"
    assert sum(v.size for v in primero.values()) < 100_000, "debe ser diminuto"


def test_contar_parametros():
    import torch

    assert multimodal.contar_parametros(torch.nn.Linear(3, 2)) == 3 * 2 + 2
    with torch.device("meta"):
        assert multimodal.contar_parametros(torch.nn.Linear(300, 200)) == 300 * 200 + 200


def _capitulos():
    casos = []
    for md in sorted((RAIZ / "book").glob("*.md")):
        texto = md.read_text(encoding="utf-8")
        if not (texto.startswith("---") and "kernelspec" in texto.split("---")[1]):
            continue
        casos.append(pytest.param(md, id=md.stem))  # todos los capítulos, sin excepciones
    return casos


def celdas_largas(md: Path, maximo: int = MAXIMO_LINEAS) -> list[tuple[int, int, str]]:
    """Celdas de código visibles de ``md`` con más de ``maximo`` líneas (contando las
    vacías): ``(número de celda, líneas, primera línea)``."""
    largas = []
    for numero, celda in enumerate(jupytext.read(md).cells):
        if celda.cell_type != "code" or OCULTAS & set(celda.metadata.get("tags", [])):
            continue
        lineas = celda.source.rstrip("\n").splitlines()
        if len(lineas) > maximo:
            largas.append((numero, len(lineas), lineas[0]))
    return largas


def test_mis_capitulos_estan_en_el_indice():
    toc = (RAIZ / "_toc.yml").read_text(encoding="utf-8")
    for capitulo in CAPITULOS_CORTOS:
        assert f"book/{capitulo}" in toc, f"falta book/{capitulo} en _toc.yml"


def test_el_contador_ve_una_celda_larga(tmp_path):
    md = tmp_path / "x.md"
    cuerpo = "\n".join(f"x = {i}" for i in range(MAXIMO_LINEAS + 1))
    md.write_text("---\nkernelspec:\n  name: python3\n  display_name: Python 3\n---\n\n"
                  f"```{{code-cell}} ipython3\n{cuerpo}\n```\n\n"
                  f"```{{code-cell}} ipython3\n:tags: [hide-input]\n\n{cuerpo}\n```\n",
                  encoding="utf-8")
    assert [n for n, _, _ in celdas_largas(md)] == [0]


@pytest.mark.parametrize("capitulo", _capitulos())
def test_celdas_de_codigo_cortas(capitulo):
    largas = celdas_largas(capitulo)
    assert not largas, (f"{capitulo.name}: celdas visibles con más de {MAXIMO_LINEAS} líneas "
                        f"(parte el código o pliega la celda con «:tags: [hide-input]»): {largas}")
