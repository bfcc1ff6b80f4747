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
import sys
from pathlib import Path

from transferencia.cifras import cifra
from transferencia.errores import ErrorCurso, ErrorEntrada

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


def _decimal(texto: str) -> float:
    """Admite la coma decimal española («0,2») además del punto."""
    return float(texto.replace(",", "."))


def _positivo(tipo):
    def convertir(texto):
        try:
            valor = _decimal(texto) if tipo is float else tipo(texto)
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
        valor = _decimal(texto)
    except ValueError:
        raise argparse.ArgumentTypeError(f"usa un número entre 0 y 1 o «auto», no {texto!r}") from None
    if not 0 <= valor <= 1:
        raise argparse.ArgumentTypeError(f"debe estar entre 0 y 1 (has puesto {texto})")
    return valor


def crear_analizador() -> argparse.ArgumentParser:
    from transferencia.entrenamiento import FRACCION_PRUEBA, Hiperparametros
    from transferencia.modelos import MODELO_MULTILINGUE, NOMBRE_RESPALDO

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
                               f"usa {MODELO_MULTILINGUE} o, sin conexión, "
                               f"el respaldo local {NOMBRE_RESPALDO}")
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
    entrenar.add_argument("--prueba", type=_fraccion, default=FRACCION_PRUEBA, metavar="F",
                          help="fracción de frases reservada para la prueba (por defecto "
                               f"{cifra(FRACCION_PRUEBA, 1)})")
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


def _cargar(carpeta: str, int8: bool = False):
    from transferencia.clasificador import cargar_clasificador

    return cargar_clasificador(carpeta, int8=int8)


def orden_entrenar(args) -> int:
    from transferencia.clasificador import NINGUNA
    from transferencia.datos import leer_csv
    from transferencia.entrenamiento import (Hiperparametros, MetodoAjuste, MetodoEmbeddings,
                                             entrenar_clasificador)
    from transferencia.modelos import MODELO_MULTILINGUE

    datos = leer_csv(args.datos)
    if args.umbral_ninguna is not None and NINGUNA not in set(datos["label"]):
        raise ErrorEntrada(f"--umbral-ninguna necesita la etiqueta {NINGUNA!r} en {args.datos}.")
    if args.metodo == "ajuste":
        hp = Hiperparametros(epocas=args.epocas, tasa_aprendizaje=args.tasa_aprendizaje,
                             lote=args.lote, semilla=args.semilla)
        base = MODELO_MULTILINGUE if args.modelo_base == "auto" else args.modelo_base
        metodo = MetodoAjuste(base, hp, progreso=not args.sin_progreso)
    else:
        metodo = MetodoEmbeddings(args.semilla)
    resultado = entrenar_clasificador(
        datos, args.salida, metodo, fraccion_prueba=args.prueba,
        umbral_ninguna=args.umbral_ninguna, semilla=args.semilla, origen_datos=str(args.datos),
        avisar=lambda mensaje: print(mensaje, flush=True))
    metricas, resumen = resultado.metricas, resultado.resumen
    print(f"Listo en {cifra(resumen['segundos_entrenamiento'], 1)} s. En la prueba "
          f"({metricas['n']} frases): exactitud {cifra(metricas['exactitud'])}, "
          f"F1 macro {cifra(metricas['f1_macro'])}.")
    if resumen["umbral_ninguna"] is not None:
        print(f"Umbral de «{NINGUNA}»: {cifra(resumen['umbral_ninguna'], 2)}")
    print(f"Clasificador guardado en {resultado.carpeta}")
    return 0


def _tabla_metricas(metricas: dict) -> str:
    lineas = [f"Frases evaluadas: {metricas['n']}",
              f"Exactitud: {cifra(metricas['exactitud'])}",
              f"F1 macro:  {cifra(metricas['f1_macro'])}", "",
              f"{'etiqueta':<24}{'precisión':>10}{'exhaust.':>10}{'F1':>8}{'frases':>8}"]
    for etiqueta, valores in metricas["por_clase"].items():
        lineas.append(f"{etiqueta:<24}{cifra(valores['precision']):>10}"
                      f"{cifra(valores['exhaustividad']):>10}{cifra(valores['f1']):>8}"
                      f"{valores['soporte']:>8}")
    return "\n".join(lineas)


def orden_evaluar(args) -> int:
    from transferencia.datos import leer_csv
    from transferencia.metricas import calcular_metricas

    clasificador = _cargar(args.modelo, args.int8)
    datos = leer_csv(args.datos)
    posibles = clasificador.etiquetas_posibles()
    desconocidas = sorted(set(datos["label"]) - set(posibles))
    if desconocidas:
        raise ErrorEntrada(
            f"{args.datos}: el modelo no conoce las etiquetas {', '.join(map(repr, desconocidas))}. "
            f"Conoce: {', '.join(posibles)}."
        )
    predichas = [etiqueta for etiqueta, _ in clasificador.predecir(datos["text"].tolist())]
    metricas = calcular_metricas(datos["label"].tolist(), predichas, posibles)
    print(json.dumps(metricas, ensure_ascii=False) if args.json else _tabla_metricas(metricas))
    return 0


def _leer_frases(ruta: Path) -> list[str]:
    try:
        contenido = ruta.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ErrorEntrada(f"{ruta}: el archivo no existe.") from None
    except IsADirectoryError:
        raise ErrorEntrada(f"{ruta}: es una carpeta, no un archivo de texto.") from None
    except PermissionError:
        raise ErrorEntrada(f"{ruta}: no tienes permiso para leer el archivo.") from None
    except UnicodeDecodeError:
        raise ErrorEntrada(f"{ruta}: el archivo no está en UTF-8.") from None
    return [linea.strip() for linea in contenido.splitlines() if linea.strip()]


def orden_predecir(args) -> int:
    frases = list(args.frases)
    if args.archivo:
        frases += _leer_frases(Path(args.archivo))
    if not frases:
        raise ErrorEntrada("no hay frases que clasificar: escríbelas al final de la orden o usa --archivo.")
    resultados = _cargar(args.modelo, args.int8).predecir(frases)
    if args.json:
        print(json.dumps([{"texto": f, "etiqueta": e, "probabilidad": round(p, 4)}
                          for f, (e, p) in zip(frases, resultados)], ensure_ascii=False))
    else:
        for frase, (etiqueta, probabilidad) in zip(frases, resultados):
            print(f"{etiqueta}\t{cifra(probabilidad)}\t{frase}")
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
    except ErrorCurso as error:
        print(f"Error: {error}", file=sys.stderr)
        return ERROR_ENTRADA
