"""El resolvedor de modelos cae al respaldo local deprisa y sin colgarse."""

import socket
import threading
import time

import pytest

from transferencia import modelos

NOMBRE = "distilbert/distilbert-base-uncased"
# Sin la espera acotada, los reintentos de huggingface_hub tardan unos 47 s. El margen sobre
# ESPERA_MAXIMA cubre una máquina cargada (CI) sin dejar pasar un cuelgue.
LIMITE = modelos.ESPERA_MAXIMA + 3


@pytest.fixture
def sin_cache(monkeypatch, tmp_path):
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(modelos, "_en_cache", lambda nombre: False)
    monkeypatch.delenv(modelos.VARIABLE, raising=False)


def test_red_rechazada_cae_al_respaldo(monkeypatch, sin_cache):
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")  # puerto cerrado
    inicio = time.monotonic()
    elegido = modelos.resolver_modelo_base(NOMBRE)
    assert time.monotonic() - inicio < LIMITE
    assert elegido.es_respaldo and elegido.origen == "respaldo"
    assert elegido.solicitado == NOMBRE
    assert "no responde" in elegido.motivo


def test_servidor_mudo_no_bloquea(monkeypatch, sin_cache):
    """Un servidor que acepta la conexión pero nunca contesta."""
    servidor = socket.socket()
    servidor.bind(("127.0.0.1", 0))
    servidor.listen()
    conexiones = []
    hilo = threading.Thread(target=lambda: conexiones.append(servidor.accept()), daemon=True)
    hilo.start()
    monkeypatch.setenv("HF_ENDPOINT", f"http://127.0.0.1:{servidor.getsockname()[1]}")
    try:
        inicio = time.monotonic()
        elegido = modelos.resolver_modelo_base(NOMBRE)
        assert time.monotonic() - inicio < LIMITE
        assert elegido.es_respaldo
    finally:
        servidor.close()


def test_respaldo_se_carga_y_clasifica(monkeypatch, sin_cache):
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")
    elegido = modelos.resolver_modelo_base(NOMBRE)
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    tokenizador = AutoTokenizer.from_pretrained(elegido.ruta)
    modelo = AutoModelForSequenceClassification.from_pretrained(elegido.ruta, num_labels=2)
    with torch.no_grad():
        salida = modelo(**tokenizador(["I like soup"], return_tensors="pt"))
    assert salida.logits.shape == (1, 2)
    import os

    assert os.environ["HF_HUB_OFFLINE"] == "1"


def test_forzar_local_sin_consultar_la_red(monkeypatch, sin_cache):
    monkeypatch.setenv(modelos.VARIABLE, "local")
    monkeypatch.setattr(modelos, "hub_accesible", lambda *a: pytest.fail("no debía consultar la red"))
    assert modelos.resolver_modelo_base(NOMBRE).es_respaldo


def test_forzar_hub_sin_conexion_da_error_claro(monkeypatch, sin_cache):
    monkeypatch.setenv(modelos.VARIABLE, "hub")
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")
    with pytest.raises(modelos.ErrorModelo, match="exige"):
        modelos.resolver_modelo_base(NOMBRE)


def test_valor_no_valido(monkeypatch):
    monkeypatch.setenv(modelos.VARIABLE, "quizas")
    with pytest.raises(modelos.ErrorModelo, match="no es válido"):
        modelos.resolver_modelo_base(NOMBRE)


def test_hub_accesible_usa_el_modelo_del_hub(monkeypatch, sin_cache):
    monkeypatch.setattr(modelos, "hub_accesible", lambda *a: True)
    elegido = modelos.resolver_modelo_base(NOMBRE)
    assert (elegido.origen, elegido.ruta, elegido.es_respaldo) == ("hub", NOMBRE, False)


def test_en_cache_sin_conexion(monkeypatch):
    monkeypatch.delenv(modelos.VARIABLE, raising=False)
    monkeypatch.setattr(modelos, "hub_accesible", lambda *a: False)
    monkeypatch.setattr(modelos, "_en_cache", lambda nombre: True)
    elegido = modelos.resolver_modelo_base(NOMBRE)
    assert elegido.origen == "cache" and elegido.ruta == NOMBRE


def test_disponible_si_esta_en_cache(monkeypatch):
    monkeypatch.setattr(modelos, "_en_cache", lambda nombre: nombre == "org/en-cache")
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")  # sin Hub
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    inicio = time.monotonic()
    assert modelos.disponible("org/en-cache")
    assert not modelos.disponible("org/otro")
    assert time.monotonic() - inicio < LIMITE


def test_el_respaldo_del_multilingue_es_use_m3(monkeypatch, sin_cache, tmp_path):
    """Sin conexión, el DistilBERT multilingüe se sustituye por un modelo multilingüe."""
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")
    import transferencia.use_m3 as use_m3

    monkeypatch.setattr(use_m3, "ruta_use_m3", lambda carpeta=None: tmp_path / "use-m3")
    elegido = modelos.resolver_modelo_base(modelos.MODELO_MULTILINGUE)
    assert elegido.es_respaldo and elegido.nombre == modelos.NOMBRE_USE_M3
    assert elegido.ruta == str(tmp_path / "use-m3") and "USE-m3" in elegido.motivo
    ingles = modelos.resolver_modelo_base(modelos.MODELO_INGLES)
    assert ingles.nombre == modelos.NOMBRE_RESPALDO


def test_use_m3_se_pide_por_su_nombre(monkeypatch, tmp_path):
    import transferencia.use_m3 as use_m3

    monkeypatch.setattr(use_m3, "ruta_use_m3", lambda carpeta=None: tmp_path)
    elegido = modelos.resolver_modelo_base("use-m3")
    assert (elegido.nombre, elegido.origen, elegido.ruta) == ("use-m3", "paquete", str(tmp_path))
