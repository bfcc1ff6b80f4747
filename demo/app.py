"""Demo web del curso: escribe una frase y mira las probabilidades de cada etiqueta.

Uso (con un clasificador guardado por ``python -m transferencia entrenar``)::

    .venv/bin/python demo/app.py --modelo salidas/comida [--puerto 7860]

Abre http://127.0.0.1:7860 en el navegador. Funciona sin conexión: desactiva la
analítica de Gradio y no carga fuentes ni scripts de fuera.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import gradio as gr  # noqa: E402

from transferencia.clasificador import cargar_clasificador  # noqa: E402

#: Tema con fuentes del sistema: sin peticiones a servidores de fuentes externos.
TEMA = gr.themes.Default(font=["system-ui", "sans-serif"], font_mono=["monospace"])


def clasificar_frase(clasificador, frase: str) -> dict[str, float]:
    """Probabilidad de cada etiqueta para ``frase``, con una sola pasada del modelo.

    Si el umbral de confianza convierte la respuesta en «Ninguna», esta aparece primero con
    la probabilidad que le falta a la etiqueta más probable.
    """
    frase = (frase or "").strip()
    if not frase:
        raise gr.Error("Escribe una frase para clasificarla.")
    probabilidades = clasificador.probabilidades([frase])
    resultado = {e: float(p) for e, p in zip(clasificador.etiquetas, probabilidades[0])}
    etiqueta, _ = clasificador.decidir(probabilidades)[0]
    if etiqueta not in resultado:  # «Ninguna» por el umbral de confianza
        resultado = {etiqueta: 1.0 - max(resultado.values()), **resultado}
    return resultado


def crear_demo(carpeta_modelo: str | Path) -> gr.Blocks:
    """Construye la interfaz de Gradio para el clasificador guardado en ``carpeta_modelo``."""
    clasificador = cargar_clasificador(carpeta_modelo)

    def clasificar(frase: str) -> dict[str, float]:
        return clasificar_frase(clasificador, frase)

    with gr.Blocks(title="Clasificador del Curso de Transfer Learning", analytics_enabled=False) as demo:
        gr.Markdown("# Clasificador de frases\nEscribe una frase y pulsa **Clasificar**. "
                    f"Etiquetas: {', '.join(clasificador.etiquetas)}.")
        entrada = gr.Textbox(label="Frase", placeholder="Escribe aquí tu frase…", elem_id="frase")
        boton = gr.Button("Clasificar", variant="primary", elem_id="clasificar")
        salida = gr.Label(label="Probabilidades", num_top_classes=len(clasificador.etiquetas) + 1,
                          elem_id="resultado")
        boton.click(clasificar, inputs=entrada, outputs=salida, api_name="clasificar")
        entrada.submit(clasificar, inputs=entrada, outputs=salida, api_visibility="private")
    return demo


def main(argv: list[str] | None = None) -> None:
    analizador = argparse.ArgumentParser(description="Demo web de un clasificador del curso.")
    analizador.add_argument("--modelo", required=True, help="carpeta del clasificador guardado")
    analizador.add_argument("--puerto", type=int, default=7860, help="puerto (por defecto 7860)")
    args = analizador.parse_args(argv)
    demo = crear_demo(args.modelo)
    demo.launch(server_name="127.0.0.1", server_port=args.puerto, share=False,
                theme=TEMA, footer_links=[], ssr_mode=False)


if __name__ == "__main__":
    main()
