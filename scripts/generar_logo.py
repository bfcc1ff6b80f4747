"""Dibuja el logotipo y el favicon del curso con matplotlib.

Uso: ``python scripts/generar_logo.py``. Escribe ``imagenes/logo.png`` e
``imagenes/favicon.png``. Las figuras ya están en el repositorio; ejecuta este
script solo si cambias el diseño.
"""

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch  # noqa: E402

IMAGENES = Path(__file__).resolve().parent.parent / "imagenes"
AZUL, NARANJA, GRIS = "#1f5f8b", "#f28e2b", "#3a3a3a"


def dibujar_icono(ax) -> None:
    """Dos redes: la de origen (azul) pasa sus pesos a la nueva (naranja)."""
    for x, color in ((0.18, AZUL), (0.82, NARANJA)):
        for y in (0.25, 0.5, 0.75):
            ax.add_patch(plt.Circle((x, y), 0.09, color=color))
    ax.add_patch(FancyArrowPatch((0.3, 0.5), (0.7, 0.5), arrowstyle="-|>",
                                 mutation_scale=30, lw=4, color=GRIS))
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_aspect("equal")
    ax.axis("off")


def main() -> None:
    IMAGENES.mkdir(exist_ok=True)
    fig = plt.figure(figsize=(6, 2), dpi=100)
    ax_icono = fig.add_axes([0.0, 0.05, 0.3, 0.9])
    dibujar_icono(ax_icono)
    ax_texto = fig.add_axes([0.3, 0.0, 0.7, 1.0])
    ax_texto.axis("off")
    ax_texto.add_patch(FancyBboxPatch((0.02, 0.15), 0.96, 0.7, boxstyle="round,pad=0.02",
                                      fc="white", ec="white"))
    ax_texto.text(0.04, 0.62, "Curso de", fontsize=20, color=GRIS, va="center")
    ax_texto.text(0.04, 0.32, "Transfer Learning", fontsize=26, color=AZUL,
                  weight="bold", va="center")
    fig.savefig(IMAGENES / "logo.png", transparent=True)
    plt.close(fig)

    fig = plt.figure(figsize=(1, 1), dpi=64)
    dibujar_icono(fig.add_axes([0, 0, 1, 1]))
    fig.savefig(IMAGENES / "favicon.png", transparent=True)
    plt.close(fig)


if __name__ == "__main__":
    main()
