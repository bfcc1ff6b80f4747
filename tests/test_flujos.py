"""Los flujos de GitHub Actions son YAML válido y hacen lo que prometen."""

from pathlib import Path

import yaml

FLUJOS = Path(__file__).resolve().parent.parent / ".github" / "workflows"


def cargar(nombre):
    return yaml.safe_load((FLUJOS / nombre).read_text(encoding="utf-8"))


def pasos(flujo):
    return [p for trabajo in flujo["jobs"].values() for p in trabajo.get("steps", [])]


def test_publicar_construye_y_despliega():
    flujo = cargar("publicar.yml")
    ordenes = " ".join(p.get("run", "") for p in pasos(flujo))
    usos = [p.get("uses", "") for p in pasos(flujo)]
    assert "make libro" in ordenes
    assert any(u.startswith("actions/deploy-pages") for u in usos)
    assert any(u.startswith("actions/cache") for u in usos), "falta la caché de ejecución"
    assert flujo["permissions"]["pages"] == "write"


def test_pruebas_en_pull_requests():
    flujo = cargar("pruebas.yml")
    disparadores = flujo.get("on", flujo.get(True))  # YAML 1.1 lee «on» como True
    assert "pull_request" in disparadores
    assert "make test" in " ".join(p.get("run", "") for p in pasos(flujo))
