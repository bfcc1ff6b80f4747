"""Entrenar con varios procesos: ``python -m transferencia entrenar --procesos N``.

- Las piezas de :mod:`transferencia.distribuido` (lote por proceso, orden de lanzamiento,
  quién escribe).
- Las opciones que no se pueden repartir dan un error claro **antes** de lanzar nada.
- Con 2 procesos de CPU (``accelerate launch`` + gloo), un BERT diminuto sin *dropout* se
  entrena de verdad: cada proceso dice quién es y qué parte de cada lote recibe, se guarda
  un solo modelo y predice lo mismo (con una tolerancia) que el entrenado con 1 proceso.
"""

import json
import subprocess
import sys

import pytest

from transferencia import distribuido, rutas
from transferencia.clasificador import cargar_clasificador
from transferencia.cli import main
from transferencia.errores import ErrorEntrada

COMIDA = str(rutas.DATOS / "comida.csv")
#: Diferencia máxima admitida entre las probabilidades de los modelos de 1 y 2 procesos.
TOLERANCIA = 1e-4
#: Lote global que se reparte a partes iguales: 180 frases de entrenamiento = 9 lotes de 20,
#: y cada proceso recibe 10 frases por paso (ningún paso queda cojo).
LOTE = 20


def test_lote_por_proceso():
    assert distribuido.lote_por_proceso(16, 2) == 8
    assert distribuido.lote_por_proceso(16, 1) == 16
    with pytest.raises(ErrorEntrada, match="múltiplo de 3"):
        distribuido.lote_por_proceso(16, 3)


def test_fuera_de_un_lanzamiento_hay_un_proceso(monkeypatch):
    monkeypatch.delenv("WORLD_SIZE", raising=False)
    monkeypatch.delenv("RANK", raising=False)
    assert (distribuido.procesos(), distribuido.rango(), distribuido.es_principal()) == (1, 0, True)
    monkeypatch.setenv("WORLD_SIZE", "4")
    monkeypatch.setenv("RANK", "3")
    assert (distribuido.procesos(), distribuido.rango(), distribuido.es_principal()) == (4, 3, False)


def test_orden_de_lanzamiento():
    orden = distribuido.orden_lanzamiento(["entrenar", "--datos", "x.csv"], 2, puerto=29999)
    assert orden[:3] == [sys.executable, "-m", "accelerate.commands.launch"]
    assert orden[orden.index("--num_processes") + 1] == "2"
    assert orden[orden.index("--main_process_port") + 1] == "29999"
    assert "--multi_gpu" in orden  # torchrun arranca los procesos (también los de CPU)
    assert orden[-5:] == ["-m", "transferencia", "entrenar", "--datos", "x.csv"]
    assert "--multi_gpu" not in distribuido.orden_lanzamiento(["entrenar"], 1)


def test_solo_el_principal_escribe(monkeypatch, capsys):
    monkeypatch.setenv("RANK", "1")
    with distribuido.solo_el_principal_escribe():
        print("no se ve")
    monkeypatch.setenv("RANK", "0")
    with distribuido.solo_el_principal_escribe():
        print("se ve")
    assert capsys.readouterr().out == "se ve\n"


@pytest.mark.parametrize("opciones, mensaje", [
    (["--procesos", "3", "--lote", "16"], "múltiplo de 3"),
    (["--procesos", "2", "--metodo", "embeddings"], "--metodo ajuste"),
    (["--procesos", "2", "--metodo", "auto"], "--metodo ajuste"),
])
def test_opciones_que_no_se_pueden_repartir(opciones, mensaje, tmp_path, capsys):
    salida = tmp_path / "modelo"
    assert main(["entrenar", "--datos", COMIDA, "--salida", str(salida), *opciones]) == 2
    assert mensaje in capsys.readouterr().err
    assert not salida.exists(), "no se escribe nada si la entrada no vale"


def test_procesos_debe_ser_positivo(tmp_path, capsys):
    with pytest.raises(SystemExit) as salida:
        main(["entrenar", "--datos", COMIDA, "--salida", str(tmp_path / "m"), "--procesos", "0"])
    assert salida.value.code == 2
    assert "debe ser mayor que 0" in capsys.readouterr().err


@pytest.fixture(scope="module")
def modelo_sin_dropout(tmp_path_factory):
    """Un BERT diminuto (aleatorio) sin *dropout*: dos entrenamientos iguales dan los mismos
    pesos, así que 1 y 2 procesos se pueden comparar número a número."""
    import torch
    from transformers import AutoTokenizer, BertConfig, BertModel

    from transferencia.modelos import ruta_respaldo

    carpeta = tmp_path_factory.mktemp("bert_sin_dropout")
    tokenizador = AutoTokenizer.from_pretrained(ruta_respaldo())
    configuracion = BertConfig(vocab_size=tokenizador.vocab_size, hidden_size=32,
                               num_hidden_layers=2, num_attention_heads=2, intermediate_size=64,
                               max_position_embeddings=128, hidden_dropout_prob=0.0,
                               attention_probs_dropout_prob=0.0)
    torch.manual_seed(0)
    BertModel(configuracion).save_pretrained(carpeta)
    tokenizador.save_pretrained(carpeta)
    return carpeta


def _entrenar(modelo, salida):
    return ["entrenar", "--datos", COMIDA, "--salida", str(salida), "--modelo-base", str(modelo),
            "--epocas", "1", "--lote", str(LOTE), "--sin-progreso"]


def test_entrenar_con_dos_procesos(modelo_sin_dropout, tmp_path):
    uno, dos = tmp_path / "un_proceso", tmp_path / "dos_procesos"
    assert main(_entrenar(modelo_sin_dropout, uno)) == 0
    hecho = subprocess.run([sys.executable, "-m", "transferencia",
                            *_entrenar(modelo_sin_dropout, dos), "--procesos", "2"],
                           capture_output=True, text=True, timeout=500)
    assert hecho.returncode == 0, hecho.stdout[-3000:] + hecho.stderr[-3000:]

    # Cada proceso dice quién es y qué parte de cada lote recibe.
    for rango in (0, 1):
        assert (f"Proceso {rango} de 2 (cpu, se comunica por gloo): {LOTE // 2} frases de cada "
                f"lote de {LOTE}.") in hecho.stdout, hecho.stdout
    # Los mensajes del entrenamiento solo los escribe el proceso principal.
    assert hecho.stdout.count("Clasificador guardado en") == 1
    assert "Entrenado con 2 procesos" in hecho.stdout

    # Un solo modelo, con lo mismo que deja un entrenamiento con 1 proceso.
    assert sorted(p.name for p in dos.iterdir()) == sorted(p.name for p in uno.iterdir())
    assert len(list(dos.glob("*.safetensors"))) == 1
    metricas = json.loads((dos / "metricas.json").read_text(encoding="utf-8"))
    assert metricas["hiperparametros"]["lote"] == LOTE  # el lote global, no el de cada proceso
    assert metricas["n_entrenamiento"] == 180 and metricas["prueba"]["n"] == 50

    # Los mismos lotes y la misma receta: el mismo modelo, salvo el redondeo. La tolerancia
    # separa de verdad: otro entrenamiento (otra semilla) se aleja mucho más.
    otra_semilla = tmp_path / "otra_semilla"
    assert main([*_entrenar(modelo_sin_dropout, otra_semilla), "--semilla", "7"]) == 0
    frases = ["I love tomato soup.", "The train is late again.", "Grilled sardines by the sea."]
    p_uno, p_dos, p_otra = (cargar_clasificador(c).probabilidades(frases)
                            for c in (uno, dos, otra_semilla))
    assert abs(p_uno - p_dos).max() <= TOLERANCIA
    assert abs(p_uno - p_otra).max() > 10 * TOLERANCIA
