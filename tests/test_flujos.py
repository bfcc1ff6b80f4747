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
    paso = next(p for p in pasos(flujo) if "make test" in p.get("run", ""))
    # sudo borra el entorno: las variables que necesitan las pruebas deben conservarse.
    assert paso["env"]["TRANSFERENCIA_EXIGIR_NAVEGADOR"] == "1"
    for variable in paso["env"]:
        assert variable in paso["run"], f"sudo no conserva {variable}"


def test_readme_enlaza_el_sitio_y_las_insignias():
    """El README enlaza el sitio de GitHub Pages del repositorio de ``_config.yml`` y las
    insignias de Colab y Binder apuntan a ese repositorio y a un cuaderno que existe."""
    import re

    raiz = FLUJOS.parent.parent
    configuracion = yaml.safe_load((raiz / "_config.yml").read_text(encoding="utf-8"))
    propietario, nombre = configuracion["repository"]["url"].rstrip("/").split("/")[-2:]
    readme = (raiz / "README.md").read_text(encoding="utf-8")
    assert f"https://{propietario}.github.io/{nombre}/" in readme
    colab = re.search(r"colab\.research\.google\.com/github/([^/]+)/([^/]+)/blob/main/([^)\s]+)", readme)
    assert colab and colab.group(1, 2) == (propietario, nombre)
    assert (raiz / colab.group(3)).is_file()
    assert f"mybinder.org/v2/gh/{propietario}/{nombre}/main" in readme
