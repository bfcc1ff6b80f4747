"""La raíz del curso se encuentra con el paquete editable, instalado o clonado en Colab."""

from pathlib import Path

from transferencia import rutas


def curso_falso(carpeta: Path) -> Path:
    (carpeta / "data").mkdir(parents=True)
    (carpeta / "data" / "comida.csv").write_text("text,label\n", encoding="utf-8")
    return carpeta


def test_editable_la_raiz_es_la_del_paquete(monkeypatch):
    monkeypatch.delenv("TRANSFERENCIA_RAIZ", raising=False)
    assert rutas.buscar_raiz() == Path(rutas.__file__).resolve().parent.parent
    assert (rutas.DATOS / "comida.csv").exists()


def test_instalado_busca_en_la_carpeta_de_trabajo(monkeypatch, tmp_path):
    monkeypatch.delenv("TRANSFERENCIA_RAIZ", raising=False)
    paquete = tmp_path / "site-packages" / "transferencia"
    paquete.mkdir(parents=True)
    curso = curso_falso(tmp_path / "proyecto")
    (curso / "book").mkdir()
    assert rutas.buscar_raiz(paquete, curso / "book") == curso


def test_instalado_en_colab_usa_el_clon(monkeypatch, tmp_path):
    monkeypatch.delenv("TRANSFERENCIA_RAIZ", raising=False)
    paquete = tmp_path / "site-packages" / "transferencia"
    paquete.mkdir(parents=True)
    contenido = tmp_path / "content"
    curso = curso_falso(contenido / rutas.CLON_COLAB)
    assert rutas.buscar_raiz(paquete, contenido) == curso


def test_la_variable_manda(monkeypatch, tmp_path):
    monkeypatch.setenv("TRANSFERENCIA_RAIZ", str(tmp_path))
    assert rutas.buscar_raiz() == tmp_path.resolve()
