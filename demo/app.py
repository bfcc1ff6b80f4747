"""Demo web del curso: prueba un clasificador guardado o entrena el tuyo desde el navegador.

Dos pestañas:

- **Prueba el clasificador** (si se indica ``--modelo``): escribe una frase y mira las
  probabilidades de cada etiqueta.
- **Entrena el tuyo**: sube una tabla de frases etiquetadas (``.xlsx``, ``.csv`` con «,» o
  «;», ``.tsv``, ``.json`` o ``.jsonl``; las mismas que ``python -m transferencia
  entrenar``), mira qué se ha leído y limpiado, entrena (con embeddings, en segundos; con
  ajuste fino, con una barra de progreso; o eligiendo entre los dos por validación
  cruzada), mira la evaluación y la matriz de confusión, prueba frases y descarga el modelo
  en un ``.zip`` (se usa con ``--modelo`` después de descomprimirlo). Entrena con
  :func:`transferencia.entrenamiento.entrenar_clasificador`, lo mismo que la línea de
  órdenes.

Uso::

    .venv/bin/python demo/app.py [--modelo salidas/comida] [--puerto 7860]

Abre http://127.0.0.1:7860 en el navegador. Funciona sin conexión: desactiva la
analítica de Gradio y no carga fuentes ni scripts de fuera. Los archivos subidos y los
modelos entrenados se quedan en este ordenador, en una carpeta temporal que se borra al
cerrar la demo. Límites de los archivos: los de :mod:`transferencia.tablas` (50 MB y
200 000 filas).
"""

from __future__ import annotations

import argparse
import atexit
import os
import re
import shutil
import signal
import sys
import tempfile
from collections import OrderedDict
from pathlib import Path

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import gradio as gr  # noqa: E402

from transferencia.cifras import cifra, porcentaje  # noqa: E402
from transferencia.clasificador import cargar_clasificador  # noqa: E402
from transferencia.errores import ErrorCurso  # noqa: E402
from transferencia.tablas import FILAS_MAXIMAS, FORMATOS, TAMANO_MAXIMO, TAMANO_MAXIMO_MB  # noqa: E402

#: Tema con fuentes del sistema: sin peticiones a servidores de fuentes externos.
TEMA = gr.themes.Default(font=["system-ui", "sans-serif"], font_mono=["monospace"])

#: Separadores que se pueden elegir en la página (``None``: se detecta).
SEPARADORES = {"Detectar": None, "«,» (coma)": ",", "«;» (punto y coma)": ";",
               "Tabulador": "\t"}
#: Métodos de entrenamiento que se pueden elegir en la página.
METODOS = [("Embeddings: en segundos", "embeddings"),
           ("Ajuste fino: varios minutos, con barra de progreso", "ajuste"),
           ("Automático: prueba los dos con validación cruzada y elige (lo más lento)", "auto")]
#: Columnas de la tabla de métricas por clase.
COLUMNAS_POR_CLASE = ("etiqueta", "precisión", "exhaustividad", "F1", "frases")
#: Cuántos modelos entrenados se guardan cargados en memoria (los demás se cargan del disco).
MODELOS_EN_MEMORIA = 3

#: Opciones de la línea de órdenes que nombran los mensajes del paquete y el control de la
#: página que hace lo mismo (las más largas primero).
_CONTROLES = [
    ("--columna-texto NOMBRE", "el campo «Columna del texto» de las «Opciones de lectura»"),
    ("--columna-etiqueta NOMBRE", "el campo «Columna de la etiqueta» de las «Opciones de lectura»"),
    ("--columna-texto", "el campo «Columna del texto» de las «Opciones de lectura»"),
    ("--columna-etiqueta", "el campo «Columna de la etiqueta» de las «Opciones de lectura»"),
    ("--unificar-etiquetas", "la casilla «Unificar etiquetas» de las «Opciones de lectura»"),
    ("--separador", "el campo «Separador» de las «Opciones de lectura»"),
    ("--hoja", "el campo «Hoja» de las «Opciones de lectura»"),
    ("--metodo embeddings", "el método «Embeddings»"),
    (" o cambia --prueba", ""),
]

_modelos: OrderedDict[str, object] = OrderedDict()
_carpeta_trabajo: Path | None = None


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


# ---------------------------------------------------------------------------
# «Entrena el tuyo»: lo que hace cada botón (funciones normales, que se pueden probar)
# ---------------------------------------------------------------------------

def para_la_web(mensaje: str, ruta: str | Path | None = None) -> str:
    """Un mensaje del paquete tal como debe verlo quien usa la página.

    Cambia la ruta temporal del archivo subido por su nombre y las opciones de la línea de
    órdenes (``--unificar-etiquetas``...) por el control de la página que hace lo mismo.
    """
    if ruta:
        mensaje = mensaje.replace(str(ruta), Path(ruta).name)
    for opcion, control in _CONTROLES:
        mensaje = mensaje.replace(opcion, control)
    return mensaje


def carpeta_trabajo() -> Path:
    """Carpeta temporal (una por proceso) donde se guardan los modelos entrenados; se borra
    al cerrar la demo."""
    global _carpeta_trabajo
    if _carpeta_trabajo is None:
        _carpeta_trabajo = Path(tempfile.mkdtemp(prefix="transferencia_demo_"))
        atexit.register(shutil.rmtree, _carpeta_trabajo, ignore_errors=True)
    return _carpeta_trabajo


def _texto_o_nada(valor) -> str | None:
    valor = (valor or "").strip() if isinstance(valor, str) else valor
    return valor or None


def leer_archivo(ruta, columna_texto="", columna_etiqueta="", hoja="", separador="Detectar",
                 unificar=False):
    """Lee el archivo subido con :func:`transferencia.tablas.leer_tabla` y las opciones de
    la página. Lanza :class:`~transferencia.errores.ErrorCurso` si no sirve."""
    from transferencia.tablas import leer_tabla

    return leer_tabla(ruta, separador=SEPARADORES.get(separador), hoja=_texto_o_nada(hoja),
                      columna_texto=_texto_o_nada(columna_texto),
                      columna_etiqueta=_texto_o_nada(columna_etiqueta),
                      unificar_etiquetas=bool(unificar))


def mostrar_lectura(ruta, columna_texto="", columna_etiqueta="", hoja="", separador="Detectar",
                    unificar=False) -> str:
    """El informe de lectura y limpieza del archivo subido (``gr.Error`` si no sirve)."""
    if not ruta:
        return ""
    try:
        lectura = leer_archivo(ruta, columna_texto, columna_etiqueta, hoja, separador, unificar)
    except ErrorCurso as error:
        raise gr.Error(para_la_web(str(error), ruta), title="No se puede usar este archivo") from None
    return para_la_web(lectura.informe.texto(), ruta)


def _nombre_de_modelo(ruta) -> str:
    """``modelo_<nombre del archivo>`` con solo letras, números, «_» y «-»."""
    base = re.sub(r"[^\w-]+", "_", Path(ruta).stem, flags=re.UNICODE).strip("_")
    return f"modelo_{base or 'propio'}"


def _metodo(nombre: str, epocas: float, progreso, avisos: list[str]):
    """El método de :mod:`transferencia.entrenamiento` elegido en la página."""
    from transferencia.entrenamiento import MetodoAjuste, MetodoAuto, MetodoEmbeddings

    if nombre == "embeddings":
        return MetodoEmbeddings()
    if nombre not in ("ajuste", "auto"):
        raise gr.Error(f"Método desconocido: {nombre!r}.")
    from transformers import TrainerCallback

    class Seguimiento(TrainerCallback):
        """Lleva los pasos del ``Trainer`` a la barra de progreso de la página."""

        def on_step_end(self, args, state, control, **kwargs):
            progreso((state.global_step, state.max_steps), desc=avisos[-1], unit="pasos")

    from transferencia.modelos import MODELO_MULTILINGUE

    # La receta del modelo base (la de USE-m3 sin conexión) con las épocas de la página.
    ajuste = MetodoAjuste(MODELO_MULTILINGUE, epocas=float(epocas), progreso=False,
                          callbacks=[Seguimiento()])
    return ajuste if nombre == "ajuste" else MetodoAuto(ajuste)


def _tabla_por_clase(metricas: dict):
    """Métricas por clase para la tabla de la página, con coma decimal."""
    import pandas as pd

    filas = [(etiqueta, cifra(v["precision"]), cifra(v["exhaustividad"]), cifra(v["f1"]),
              v["soporte"]) for etiqueta, v in metricas["por_clase"].items()]
    return pd.DataFrame(filas, columns=list(COLUMNAS_POR_CLASE))


def _resumen(resultado, avisos: list[str], nombre_archivo: str) -> str:
    """Texto (Markdown) con la evaluación en la prueba y cómo se entrenó."""
    resumen, metricas = resultado.resumen, resultado.metricas
    total = metricas["n"] + resumen["n_entrenamiento"] + resumen["n_validacion"]
    lineas = [
        "### Evaluación en la prueba",
        f"Estas **{metricas['n']} frases** ({porcentaje(metricas['n'] / total, 0)} de "
        f"{nombre_archivo}) se apartaron antes de entrenar: el modelo no las vio.",
        "",
        f"- Exactitud: **{cifra(metricas['exactitud'])}**",
        f"- F1 macro: **{cifra(metricas['f1_macro'])}**",
        "",
        f"Método **{resumen['metodo']}**, entrenado con {resumen['n_entrenamiento']} frases "
        f"en {cifra(resumen['segundos_entrenamiento'], 1)} s.",
    ]
    eleccion = resumen.get("eleccion_metodo")
    if eleccion:
        medias = eleccion["f1_macro_medio"]
        lineas.append(f"Validación cruzada ({eleccion['explicacion_pliegues']}, solo con las "
                      f"frases de entrenamiento): F1 macro medio del ajuste fino "
                      f"{cifra(medias['ajuste'])}, de embeddings {cifra(medias['embeddings'])}; "
                      f"se eligió **{eleccion['elegido']}** ({eleccion['motivo']}).")
    if resumen["umbral_ninguna"] is not None:
        lineas.append(f"Umbral de «Ninguna»: {cifra(resumen['umbral_ninguna'], 2)}.")
    modelo_base = [a for a in avisos if a.startswith("Modelo base:")]
    if modelo_base:
        lineas.append(modelo_base[-1])
    return "\n".join(lineas)


def entrenar_archivo(ruta, columna_texto="", columna_etiqueta="", hoja="", separador="Detectar",
                     unificar=False, metodo="embeddings", epocas=5, progreso=gr.Progress()):
    """Lee, entrena con :func:`entrenar_clasificador`, evalúa y empaqueta el modelo.

    Devuelve ``(informe de lectura, resumen, tabla por clase, matriz de confusión (PNG),
    .zip del modelo, carpeta del modelo)``. Si la entrada no sirve, ``gr.Error`` en español y
    no se guarda nada.
    """
    from transferencia.entrenamiento import entrenar_clasificador
    from transferencia.informes import escribir_informe

    if not ruta:
        raise gr.Error("Primero sube un archivo con tus frases.")
    nombre_archivo = Path(ruta).name
    avisos = ["Preparando el entrenamiento"]

    def avisar(mensaje: str) -> None:
        avisos.append(mensaje.strip())
        # Una estimación para los mensajes; el ajuste fino la cambia por los pasos de verdad.
        progreso(min(0.9, 0.1 * len(avisos)), desc=mensaje.strip())

    destino = None
    try:
        progreso(0, desc=f"Leyendo {nombre_archivo}")
        lectura = leer_archivo(ruta, columna_texto, columna_etiqueta, hoja, separador, unificar)
        informe = para_la_web(lectura.informe.texto(), ruta)
        elegido = _metodo(metodo, epocas, progreso, avisos)
        destino = Path(tempfile.mkdtemp(prefix="entrenamiento_", dir=carpeta_trabajo()))
        carpeta = destino / _nombre_de_modelo(ruta)
        resultado = entrenar_clasificador(lectura.datos, carpeta, elegido,
                                          origen_datos=nombre_archivo, avisar=avisar,
                                          informe_datos=lectura.informe.como_dict())
    except ErrorCurso as error:
        if destino is not None:
            shutil.rmtree(destino, ignore_errors=True)
        raise gr.Error(para_la_web(str(error), ruta), title="No se puede entrenar") from None
    except Exception:
        if destino is not None:
            shutil.rmtree(destino, ignore_errors=True)
        raise
    progreso(0.95, desc="Preparando la evaluación y el .zip")
    prueba = resultado.prueba
    escritos = escribir_informe(destino / "evaluacion", prueba["text"].tolist(),
                                prueba["label"].tolist(), prueba["predicha"].tolist(),
                                prueba["probabilidad"].tolist(),
                                resultado.clasificador.etiquetas_posibles())
    archivo_zip = shutil.make_archive(str(carpeta), "zip", root_dir=destino,
                                      base_dir=carpeta.name)
    _modelos[str(carpeta)] = resultado.clasificador
    while len(_modelos) > MODELOS_EN_MEMORIA:
        _modelos.popitem(last=False)
    return (informe, _resumen(resultado, avisos, nombre_archivo),
            _tabla_por_clase(resultado.metricas), str(escritos[1]), archivo_zip, str(carpeta))


def probar_frase(carpeta, frase) -> dict[str, float]:
    """Clasifica ``frase`` con el modelo entrenado en la página."""
    if not carpeta:
        raise gr.Error("Primero entrena un modelo con tu archivo (botón «Entrenar»).")
    if not Path(carpeta).resolve().is_relative_to(carpeta_trabajo().resolve()):
        raise gr.Error("Ese modelo no lo entrenó esta página.")  # solo sus propias carpetas
    clasificador = _modelos.get(carpeta)
    if clasificador is None:
        try:
            clasificador = cargar_clasificador(carpeta)
        except ErrorCurso as error:
            raise gr.Error(str(error)) from None
        _modelos[carpeta] = clasificador
    return clasificar_frase(clasificador, frase)


# ---------------------------------------------------------------------------
# La interfaz
# ---------------------------------------------------------------------------

def _pestana_probar(clasificador) -> None:
    def clasificar(frase: str) -> dict[str, float]:
        return clasificar_frase(clasificador, frase)

    gr.Markdown("# Clasificador de frases\nEscribe una frase y pulsa **Clasificar**. "
                f"Etiquetas: {', '.join(clasificador.etiquetas)}.")
    entrada = gr.Textbox(label="Frase", placeholder="Escribe aquí tu frase…", elem_id="frase")
    boton = gr.Button("Clasificar", variant="primary", elem_id="clasificar")
    salida = gr.Label(label="Probabilidades", num_top_classes=len(clasificador.etiquetas) + 1,
                      elem_id="resultado")
    boton.click(clasificar, inputs=entrada, outputs=salida, api_name="clasificar")
    entrada.submit(clasificar, inputs=entrada, outputs=salida, api_visibility="private")


def _pestana_entrenar() -> None:
    from transferencia.entrenamiento import FRACCION_PRUEBA

    formatos = ", ".join(FORMATOS)
    filas = f"{FILAS_MAXIMAS:,}".replace(",", " ")  # «200 000», a la española
    gr.Markdown(
        "# Entrena tu propio clasificador\n"
        "1. Sube una tabla con una columna de **frases** y otra de **etiquetas** "
        f"({formatos}; hasta {TAMANO_MAXIMO_MB} MB y {filas} filas). "
        "Se reconocen columnas como «texto», «frase», «etiqueta», «clase» o «asignatura».\n"
        "2. Revisa lo que se ha leído y limpiado.\n"
        f"3. Elige el método y pulsa **Entrenar**. Se aparta el {porcentaje(FRACCION_PRUEBA, 0)} "
        "de las frases para evaluar el modelo con frases que no ha visto.\n\n"
        "Todo se queda en este ordenador, en una carpeta temporal que se borra al cerrar la "
        "demo: descarga el .zip para quedarte con tu modelo.")
    archivo = gr.File(label="Tu archivo de frases", file_types=list(FORMATOS), type="filepath",
                      elem_id="archivo_datos")
    with gr.Accordion("Opciones de lectura", open=False):
        with gr.Row():
            columna_texto = gr.Textbox(label="Columna del texto", placeholder="se detecta",
                                       elem_id="columna_texto")
            columna_etiqueta = gr.Textbox(label="Columna de la etiqueta",
                                          placeholder="se detecta", elem_id="columna_etiqueta")
            hoja = gr.Textbox(label="Hoja", placeholder="la primera", info="solo en Excel",
                              elem_id="hoja")
            separador = gr.Dropdown(list(SEPARADORES), value="Detectar", label="Separador",
                                    info="solo en CSV", elem_id="separador")
        unificar = gr.Checkbox(label="Unificar etiquetas",
                               info="une las que solo se diferencian en mayúsculas o tildes "
                                    "(«Matemáticas» y «matematicas») en la más frecuente",
                               elem_id="unificar")
    informe = gr.Textbox(label="Lo que se ha leído y limpiado", lines=10, max_lines=30,
                         interactive=False, elem_id="informe_lectura")
    with gr.Row():
        metodo = gr.Radio(METODOS, value="embeddings", label="Método", elem_id="metodo")
        epocas = gr.Slider(1, 10, value=5, step=1, label="Épocas (ajuste fino)",
                           elem_id="epocas")
    boton = gr.Button("Entrenar", variant="primary", elem_id="entrenar")
    resumen = gr.Markdown(elem_id="resumen_evaluacion")
    with gr.Row():
        tabla = gr.Dataframe(headers=list(COLUMNAS_POR_CLASE), label="Métricas por clase (en "
                             "la prueba)", interactive=False, elem_id="tabla_evaluacion")
        matriz = gr.Image(label="Matriz de confusión",
                          type="filepath", interactive=False, elem_id="matriz_confusion")
    gr.Markdown("### Prueba tu modelo")
    frase = gr.Textbox(label="Frase", placeholder="Escribe una frase para tu modelo…",
                       elem_id="frase_propia")
    clasificar = gr.Button("Clasificar con mi modelo", elem_id="clasificar_propio")
    resultado = gr.Label(label="Probabilidades", num_top_classes=5, elem_id="resultado_propio")
    gr.Markdown("### Llévate tu modelo\nDescomprime el .zip y úsalo, por ejemplo, con "
                "`python -m transferencia predecir --modelo modelo_…` o abriendo esta demo con "
                "`--modelo modelo_…`.")
    descarga = gr.File(label="Tu modelo, en un .zip", interactive=False,
                       elem_id="descarga_modelo")
    # La carpeta del modelo entrenado en esta pestaña del navegador. Un Textbox oculto y no
    # gr.State: con gr.State, Gradio 6.31 deja peticiones abiertas al cargar la página.
    carpeta = gr.Textbox(visible=False, elem_id="carpeta_modelo")

    lectura = [archivo, columna_texto, columna_etiqueta, hoja, separador, unificar]
    privada = {"api_visibility": "private"}
    archivo.upload(lambda: "", outputs=informe, **privada).then(
        mostrar_lectura, inputs=lectura, outputs=informe, **privada)
    archivo.clear(lambda: "", outputs=informe, **privada)
    for control in (separador, unificar):
        control.change(mostrar_lectura, inputs=lectura, outputs=informe, **privada)
    for control in (columna_texto, columna_etiqueta, hoja):
        control.submit(mostrar_lectura, inputs=lectura, outputs=informe, **privada)
    boton.click(entrenar_archivo, inputs=[*lectura, metodo, epocas],
                outputs=[informe, resumen, tabla, matriz, descarga, carpeta],
                show_progress_on=resumen, **privada)
    clasificar.click(probar_frase, inputs=[carpeta, frase], outputs=resultado, **privada)
    frase.submit(probar_frase, inputs=[carpeta, frase], outputs=resultado, **privada)


def crear_demo(carpeta_modelo: str | Path | None = None) -> gr.Blocks:
    """Construye la interfaz: la pestaña del clasificador de ``carpeta_modelo`` (si se da) y
    la de entrenar uno propio."""
    clasificador = cargar_clasificador(carpeta_modelo) if carpeta_modelo else None
    with gr.Blocks(title="Clasificador del Curso de Transfer Learning", analytics_enabled=False) as demo:
        with gr.Tabs():
            if clasificador is not None:
                with gr.Tab("Prueba el clasificador", id="probar"):
                    _pestana_probar(clasificador)
            with gr.Tab("Entrena el tuyo", id="entrenar_propio"):
                _pestana_entrenar()
    return demo


def main(argv: list[str] | None = None) -> None:
    analizador = argparse.ArgumentParser(description="Demo web de un clasificador del curso.")
    analizador.add_argument("--modelo", help="carpeta de un clasificador guardado (si no se da, "
                                             "solo aparece la pestaña «Entrena el tuyo»)")
    analizador.add_argument("--puerto", type=int, default=7860, help="puerto (por defecto 7860)")
    args = analizador.parse_args(argv)
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()  # sin avisos ni barras de carga en la terminal
    hf_logging.disable_progress_bar()
    # Al terminar con SIGTERM (como al cerrar un servicio), salir de forma ordenada para que
    # se borre la carpeta temporal de los modelos entrenados.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    demo = crear_demo(args.modelo)
    demo.launch(server_name="127.0.0.1", server_port=args.puerto, share=False,
                theme=TEMA, footer_links=[], ssr_mode=False, max_file_size=TAMANO_MAXIMO)


if __name__ == "__main__":
    main()
