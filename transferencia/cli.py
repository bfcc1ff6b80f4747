"""Línea de órdenes del curso: ``python -m transferencia ORDEN ...``.

Órdenes:

- ``entrenar``: entrena un clasificador con una tabla de frases etiquetadas (``.csv``,
  ``.tsv``, ``.xlsx``, ``.json`` o ``.jsonl``; véase :mod:`transferencia.tablas`).
- ``evaluar``: mide un clasificador guardado con una tabla etiquetada (y, con
  ``--informe``, deja las métricas por clase, la matriz de confusión y los errores en una
  carpeta).
- ``predecir``: clasifica frases nuevas, o un archivo entero (``--archivo``/``--salida``).
- ``corregir``: corrige los ejercicios del curso.

Antes de entrenar o evaluar se imprime el informe de lectura y limpieza de los datos
(qué se leyó, qué filas se quitaron y por qué).

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
AYUDA_DATOS = ("tabla de frases etiquetadas: .csv (separado por «,» o «;»), .tsv, .xlsx, "
               ".json o .jsonl, en UTF-8, Windows-1252 u otra codificación habitual (se "
               "detecta); columnas text,label o nombres en español como texto,etiqueta")
#: Frases por lote al predecir un archivo (la barra de progreso avanza de lote en lote).
LOTE_PREDICCION = 128

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


def _opciones_de_tabla(analizador: argparse.ArgumentParser, etiquetas: bool = True) -> None:
    """Opciones para leer la tabla de datos (véase :func:`transferencia.tablas.leer_tabla`)."""
    grupo = analizador.add_argument_group("lectura de la tabla de datos")
    grupo.add_argument("--separador", metavar="C",
                       help="separador de columnas de un .csv: «,», «;» o \\t (tabulador); por "
                            "defecto se detecta")
    grupo.add_argument("--hoja", metavar="NOMBRE|N",
                       help="hoja de un .xlsx, por nombre o por número (la primera es 1); por "
                            "defecto, la primera")
    grupo.add_argument("--columna-texto", metavar="NOMBRE",
                       help="columna con las frases; por defecto «text» o un nombre reconocido "
                            "(texto, frase...)")
    if etiquetas:
        grupo.add_argument("--columna-etiqueta", metavar="NOMBRE",
                           help="columna con las etiquetas; por defecto «label» o un nombre "
                                "reconocido (etiqueta, clase, categoría, asignatura...)")
        grupo.add_argument("--unificar-etiquetas", action="store_true",
                           help="une las etiquetas que solo se diferencian en mayúsculas o "
                                "tildes («Matemáticas», «matematicas») en la más frecuente")


def crear_analizador() -> argparse.ArgumentParser:
    from transferencia.entrenamiento import FRACCION_PRUEBA, Hiperparametros
    from transferencia.modelos import MODELO_MULTILINGUE

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
        "entrenar", help="entrena un clasificador con una tabla de frases etiquetadas",
        description="Entrena un clasificador de texto con una tabla de frases etiquetadas "
                    "(CSV, Excel o JSON) y lo guarda en una carpeta (modelo, etiquetas y "
                    "metricas.json). Antes de entrenar muestra qué se leyó y qué se limpió.",
        epilog="ejemplos:\n"
               "  python -m transferencia entrenar --datos data/comida.csv --salida salidas/comida\n"
               "  python -m transferencia entrenar --datos frases.xlsx --unificar-etiquetas "
               "--metodo embeddings --salida salidas/frases",
    )
    entrenar.add_argument("--datos", required=True, metavar="ARCHIVO", help=AYUDA_DATOS)
    entrenar.add_argument("--salida", required=True, metavar="CARPETA",
                          help="carpeta donde guardar el clasificador")
    entrenar.add_argument("--modelo-base", default="auto", metavar="NOMBRE",
                          help="modelo del Hub, carpeta local o «use-m3» que ajustar; «auto» "
                               f"(por defecto) usa {MODELO_MULTILINGUE} o, sin conexión, el "
                               "respaldo multilingüe use-m3 (USE multilingüe v3, que viene en "
                               "un paquete de PyPI)")
    entrenar.add_argument("--metodo", choices=["ajuste", "embeddings", "auto"], default="ajuste",
                          help="«ajuste» (por defecto): ajuste fino del modelo base; «embeddings»: "
                               "codificador multilingüe congelado + regresión logística; «auto»: "
                               "prueba los dos con validación cruzada (3 pliegues) sobre el "
                               "entrenamiento y se queda con el mejor (el ajuste fino se entrena "
                               "una vez por pliegue, con la misma receta)")
    entrenar.add_argument("--epocas", type=_positivo(float), default=None, metavar="N",
                          help=f"épocas de entrenamiento (por defecto {hp.epocas}; con use-m3, "
                               "las de su receta)")
    entrenar.add_argument("--tasa-aprendizaje", type=_positivo(float), default=None,
                          metavar="X", help=f"tasa de aprendizaje (por defecto {hp.tasa_aprendizaje}; "
                                            "con use-m3, la de su receta)")
    entrenar.add_argument("--lote", type=_positivo(int), default=None, metavar="N",
                          help=f"frases por lote (por defecto {hp.lote})")
    entrenar.add_argument("--semilla", type=int, default=hp.semilla, metavar="N",
                          help=f"semilla aleatoria (por defecto {hp.semilla})")
    entrenar.add_argument("--prueba", type=_fraccion, default=FRACCION_PRUEBA, metavar="F",
                          help="fracción de frases reservada para la prueba (por defecto "
                               f"{cifra(FRACCION_PRUEBA, 1)})")
    entrenar.add_argument("--umbral-ninguna", type=_umbral, default=None, metavar="X|auto",
                          help="si los datos tienen la etiqueta «Ninguna»: por debajo de esta "
                               "probabilidad la respuesta es «Ninguna»; «auto» lo elige con "
                               "datos de validación")
    entrenar.add_argument("--sin-progreso", action="store_true",
                          help="no muestra la barra de progreso")
    entrenar.add_argument("--procesos", type=_positivo(int), default=1, metavar="N",
                          help="entrena con N procesos a la vez (paralelismo de datos, lanzados "
                               "con accelerate launch: uno por GPU o, sin GPU, procesos de CPU); "
                               "cada uno recibe una parte de cada lote (por defecto 1)")
    _opciones_de_tabla(entrenar)

    evaluar = ordenes.add_parser(
        "evaluar", help="mide un clasificador guardado con una tabla etiquetada",
        description="Calcula exactitud, F1 macro, métricas por clase y matriz de confusión "
                    "de un clasificador guardado sobre una tabla de frases etiquetadas, y avisa "
                    "de las frases que el modelo ya vio al entrenar.",
        epilog="ejemplo:\n  python -m transferencia evaluar --modelo salidas/comida "
               "--datos nuevas.xlsx --informe informe_comida",
    )
    evaluar.add_argument("--modelo", required=True, metavar="CARPETA", help="carpeta del clasificador")
    evaluar.add_argument("--datos", required=True, metavar="ARCHIVO", help=AYUDA_DATOS)
    evaluar.add_argument("--json", action="store_true",
                         help="imprime un único objeto JSON (el informe de lectura y los avisos "
                              "van a la salida de errores)")
    evaluar.add_argument("--informe", metavar="CARPETA",
                         help="guarda en CARPETA por_clase.csv, matriz_confusion.png, errores.csv "
                              "y menos_seguras.csv")
    evaluar.add_argument("--int8", action="store_true", help=AYUDA_INT8)
    _opciones_de_tabla(evaluar)

    predecir = ordenes.add_parser(
        "predecir", help="clasifica frases nuevas o un archivo entero",
        description="Muestra la etiqueta y la probabilidad de cada frase o, con --salida, las "
                    "guarda en un archivo (con las columnas originales de --archivo).",
        epilog='ejemplos:\n  python -m transferencia predecir --modelo salidas/comida "I love soup"\n'
               "  python -m transferencia predecir --modelo salidas/comida --archivo "
               "frases.xlsx --salida etiquetadas.xlsx",
    )
    predecir.add_argument("--modelo", required=True, metavar="CARPETA", help="carpeta del clasificador")
    predecir.add_argument("--archivo", metavar="ARCHIVO",
                          help="frases que clasificar: .txt con una frase por línea, o una tabla "
                               ".csv, .tsv, .xlsx, .json o .jsonl (con una columna de texto)")
    salidas = predecir.add_mutually_exclusive_group()
    salidas.add_argument("--json", action="store_true", help="imprime una lista JSON")
    salidas.add_argument("--salida", metavar="ARCHIVO",
                         help="guarda las predicciones en ARCHIVO (.csv, .tsv, .xlsx, .json o "
                              ".jsonl, según la extensión), con una barra de progreso")
    predecir.add_argument("--sin-progreso", action="store_true",
                          help="no muestra la barra de progreso de --salida")
    predecir.add_argument("--int8", action="store_true", help=AYUDA_INT8)
    predecir.add_argument("frases", nargs="*", metavar="FRASE", help="frases que clasificar")
    _opciones_de_tabla(predecir, etiquetas=False)

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


def _leer_datos(args, etiquetas=None):
    """Lee la tabla de ``--datos`` con las opciones de lectura (:func:`leer_tabla`)."""
    from transferencia.tablas import leer_tabla

    return leer_tabla(args.datos, separador=args.separador, hoja=args.hoja,
                      columna_texto=args.columna_texto, columna_etiqueta=args.columna_etiqueta,
                      unificar_etiquetas=args.unificar_etiquetas, etiquetas=etiquetas)


def _filas(numeros: list[int], mostradas: int = 10) -> str:
    """«la fila 3», «las filas 3, 8 y 12» o «las filas 3, 8, ... y 40 más»."""
    if len(numeros) == 1:
        return f"la fila {numeros[0]}"
    partes = [str(n) for n in numeros[:mostradas]]
    if len(numeros) > mostradas:
        return f"las filas {', '.join(partes)} y {len(numeros) - mostradas} más"
    return f"las filas {', '.join(partes[:-1])} y {partes[-1]}"


def _lanzar_procesos(args, metodo) -> int:
    """``entrenar --procesos N``: la misma orden, N veces a la vez, con ``accelerate launch``
    (véase :mod:`transferencia.distribuido`)."""
    from transferencia import distribuido

    if metodo.nombre != "ajuste":
        raise ErrorEntrada("--procesos solo sirve con --metodo ajuste: es el único que entrena "
                           "con Trainer, que reparte los lotes entre los procesos.")
    distribuido.lote_por_proceso(metodo.hp.lote, args.procesos)
    print(f"Lanzando {args.procesos} procesos con accelerate launch...", flush=True)
    codigo = distribuido.lanzar(args.argv, args.procesos)
    if codigo != 0:
        print(f"Error: el entrenamiento con {args.procesos} procesos no terminó (código "
              f"{codigo}); los mensajes de arriba dicen por qué.", file=sys.stderr)
        return 1
    print(f"Entrenado con {args.procesos} procesos: un solo modelo, guardado por el proceso 0 "
          f"en {args.salida}")
    return 0


def orden_entrenar(args) -> int:
    from transferencia import distribuido
    from transferencia.clasificador import NINGUNA
    from transferencia.entrenamiento import (MetodoAjuste, MetodoAuto, MetodoEmbeddings,
                                             entrenar_clasificador)
    from transferencia.modelos import MODELO_MULTILINGUE

    lectura = _leer_datos(args)
    datos = lectura.datos
    if args.umbral_ninguna is not None and NINGUNA not in set(datos["label"]):
        raise ErrorEntrada(f"--umbral-ninguna necesita la etiqueta {NINGUNA!r} en {args.datos}.")
    if distribuido.procesos() == 1:  # con --procesos lo imprime solo la orden que los lanza
        print(lectura.informe.texto(), end="\n\n", flush=True)
    if args.metodo in ("ajuste", "auto"):
        cambios = {clave: valor for clave, valor in (("epocas", args.epocas), ("lote", args.lote),
                                                       ("tasa_aprendizaje", args.tasa_aprendizaje))
                   if valor is not None}
        base = MODELO_MULTILINGUE if args.modelo_base == "auto" else args.modelo_base
        metodo = MetodoAjuste(base, progreso=not args.sin_progreso, semilla=args.semilla,
                              callbacks=distribuido.avisos_de_procesos(), **cambios)
        if args.metodo == "auto":
            metodo = MetodoAuto(metodo, MetodoEmbeddings(args.semilla), semilla=args.semilla)
    else:
        metodo = MetodoEmbeddings(args.semilla)
    if args.procesos > 1 and distribuido.procesos() == 1:  # aún no lanzados: lanzarlos
        return _lanzar_procesos(args, metodo)
    resultado = entrenar_clasificador(
        datos, args.salida, metodo, fraccion_prueba=args.prueba,
        umbral_ninguna=args.umbral_ninguna, semilla=args.semilla, origen_datos=str(args.datos),
        avisar=lambda mensaje: print(mensaje, flush=True),
        informe_datos=lectura.informe.como_dict())
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


def _aviso_frases_vistas(clasificador, lectura, archivo) -> str:
    """Aviso si alguna frase evaluada ya estaba en el entrenamiento del modelo ('' si no)."""
    from transferencia.tablas import filas_compartidas

    huellas = clasificador.descripcion.huellas_entrenamiento
    if not huellas:
        return ("Nota: este modelo no guarda con qué frases se entrenó (lo guardó una versión "
                "anterior del curso), así que no se puede comprobar si estas frases ya las vio.")
    vistas = filas_compartidas(lectura.datos["text"], huellas)
    if not vistas:
        return ""
    total = len(lectura.datos)
    cuantas = f"{len(vistas)} de las {total} frases" if len(vistas) < total else \
        f"Las {total} frases"
    return (f"Aviso: {cuantas} de {archivo} ya estaban en los datos de entrenamiento del "
            f"modelo ({_filas([lectura.filas[i] for i in vistas])}). Con ellas la evaluación "
            "sale optimista: para medir de verdad, evalúa con frases que el modelo no haya visto.")


def _comprobar_carpeta_informe(carpeta: str | None) -> None:
    if carpeta is not None and Path(carpeta).exists() and not Path(carpeta).is_dir():
        raise ErrorEntrada(f"{carpeta}: ya existe y no es una carpeta; elige otra para --informe.")


def orden_evaluar(args) -> int:
    from transferencia.metricas import calcular_metricas

    _comprobar_carpeta_informe(args.informe)
    clasificador = _cargar(args.modelo, args.int8)
    posibles = clasificador.etiquetas_posibles()
    lectura = _leer_datos(args, etiquetas=posibles)
    datos = lectura.datos
    # Con --json la salida normal es solo el JSON; lo demás va a la salida de errores.
    mensajes = sys.stderr if args.json else sys.stdout
    print(lectura.informe.texto(), end="\n\n", file=mensajes)
    aviso = _aviso_frases_vistas(clasificador, lectura, args.datos)
    if aviso:
        print(aviso, end="\n\n", file=mensajes)
    decididas = clasificador.predecir(datos["text"].tolist())
    predichas = [etiqueta for etiqueta, _ in decididas]
    metricas = calcular_metricas(datos["label"].tolist(), predichas, posibles)
    print(json.dumps(metricas, ensure_ascii=False) if args.json else _tabla_metricas(metricas))
    if args.informe is not None:
        from transferencia.informes import escribir_informe

        escritos = escribir_informe(args.informe, datos["text"].tolist(), datos["label"].tolist(),
                                    predichas, [p for _, p in decididas], posibles)
        print(f"\nInforme guardado en {args.informe}: "
              f"{', '.join(ruta.name for ruta in escritos)}.", file=mensajes)
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


def _comprobar_salida_predicciones(args) -> Path | None:
    """La ruta de ``--salida``, comprobada antes de cargar el modelo (o ``None``)."""
    from transferencia.tablas import FORMATOS

    if args.salida is None:
        return None
    salida = Path(args.salida)
    if salida.is_dir():
        raise ErrorEntrada(f"{salida}: es una carpeta; --salida debe ser un archivo.")
    if salida.suffix.lower() not in FORMATOS:
        donde = f"«{salida.suffix}»" if salida.suffix else "un archivo sin extensión"
        raise ErrorEntrada(f"{salida}: no se pueden guardar predicciones en {donde}; usa "
                           f"{', '.join(list(FORMATOS)[:-1])} o {list(FORMATOS)[-1]}.")
    if args.archivo and salida.resolve() == Path(args.archivo).resolve():
        raise ErrorEntrada(f"{salida}: es el mismo archivo que --archivo y se perderían tus "
                           "datos; guarda las predicciones en otro archivo.")
    return salida


def _frases_de_archivo(args):
    """Frases de ``--archivo`` y sus columnas originales (``None`` en un .txt)."""
    ruta = Path(args.archivo)
    if ruta.suffix.lower() in ("", ".txt"):
        if args.separador or args.hoja or args.columna_texto:
            raise ErrorEntrada(f"{ruta}: --separador, --hoja y --columna-texto solo sirven para "
                               "tablas (.csv, .tsv, .xlsx, .json, .jsonl); un .txt lleva una "
                               "frase por línea.")
        return _leer_frases(ruta), None
    from transferencia.tablas import leer_textos

    lectura = leer_textos(ruta, separador=args.separador, hoja=args.hoja,
                          columna_texto=args.columna_texto)
    print(lectura.informe.texto(), end="\n\n", file=sys.stderr)
    return lectura.datos["text"].tolist(), lectura.originales


def orden_predecir(args) -> int:
    import pandas as pd

    from transferencia.informes import en_lotes, escribir_predicciones

    salida = _comprobar_salida_predicciones(args)
    frases = list(args.frases)
    originales = None
    if args.archivo:
        del_archivo, originales = _frases_de_archivo(args)
        if originales is not None and frases:  # las frases de la orden, sin columnas originales
            originales = pd.concat([pd.DataFrame("", index=range(len(frases)),
                                                 columns=originales.columns), originales],
                                   ignore_index=True)
        frases += del_archivo
    if not frases:
        raise ErrorEntrada("no hay frases que clasificar: escríbelas al final de la orden o usa --archivo.")
    clasificador = _cargar(args.modelo, args.int8)
    resultados = en_lotes(frases, LOTE_PREDICCION, clasificador.predecir,
                          progreso=salida is not None and not args.sin_progreso)
    if salida is not None:
        escribir_predicciones(salida, frases, [e for e, _ in resultados],
                              [p for _, p in resultados], originales)
        cuenta = pd.Series([e for e, _ in resultados]).value_counts()
        resumen = ", ".join(f"{etiqueta} {n}" for etiqueta, n in cuenta.items())
        print(f"{len(frases)} frases etiquetadas ({resumen}). Predicciones guardadas en {salida}")
    elif args.json:
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
    from transferencia.distribuido import solo_el_principal_escribe

    args = crear_analizador().parse_args(argv)
    args.argv = list(sys.argv[1:] if argv is None else argv)  # para relanzarla (--procesos)
    if args.orden != "corregir":
        _silenciar_bibliotecas()
    orden = {"entrenar": orden_entrenar, "evaluar": orden_evaluar,
             "predecir": orden_predecir, "corregir": orden_corregir}[args.orden]
    try:
        with solo_el_principal_escribe():  # con --procesos, el proceso 0 habla por todos
            return orden(args)
    except ErrorCurso as error:
        print(f"Error: {error}", file=sys.stderr)
        return ERROR_ENTRADA
