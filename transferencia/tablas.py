"""Lectura y limpieza de las tablas de datos que trae un docente, con un informe.

:func:`leer_tabla` acepta una hoja de cálculo tal como la guarda un docente y devuelve
las frases limpias (:class:`Lectura`) junto con un :class:`Informe` que cuenta todo lo que
se ha leído y cambiado. Nada se arregla en silencio.

- **Formatos**: ``.csv`` (separado por ``,`` o ``;``, que se detecta), ``.tsv``, ``.xlsx``
  (la primera hoja u otra elegida), ``.json`` (una lista de objetos) y ``.jsonl`` (un objeto
  por línea).
- **Codificaciones**: UTF-8 (con o sin BOM); si no es UTF-8, charset-normalizer decide entre
  Windows-1252, Latin-1 y UTF-16, y el informe dice cuál se usó.
- **Columnas**: ``text`` y ``label`` por defecto; también se reconocen los nombres
  españoles habituales (``texto``, ``frase``, ``etiqueta``, ``clase``, ``categoría``,
  ``asignatura``...), sin distinguir mayúsculas ni tildes, o se eligen a mano.
- **Limpieza**: se quitan los espacios de los extremos, las filas vacías y las filas
  repetidas (mismo texto y misma etiqueta); se avisa de las etiquetas que solo se
  diferencian en mayúsculas o tildes (y se unifican si se pide) y de los textos muy cortos
  o muy largos.
- **Errores** (:class:`~transferencia.datos.ErrorDatos`, con el archivo y la fila): un mismo
  texto con dos etiquetas, una celda vacía y la otra llena, una sola clase, un archivo que
  no existe, dañado, binario, vacío, demasiado grande o de un formato que no se admite.

Las filas se numeran como las ve el docente en su hoja de cálculo: la cabecera es la fila 1
y la primera frase, la fila 2 (una celda con saltos de línea sigue siendo una sola fila). En
``.jsonl`` la fila es el número de línea y en ``.json``, la línea donde empieza el objeto.

:func:`huella_texto` y :func:`filas_compartidas` sirven para anotar con qué textos se
entrenó un modelo y avisar si se evalúa con frases que ya vio.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pandas as pd

from transferencia.cifras import cifra
from transferencia.datos import COLUMNAS, ErrorDatos
from transferencia.errores import ErrorEntrada

#: Tamaño máximo del archivo, en megabytes (se comprueba antes de leerlo).
TAMANO_MAXIMO_MB = 50
#: El mismo límite, en bytes.
TAMANO_MAXIMO = TAMANO_MAXIMO_MB * 1024 * 1024
#: Número máximo de filas de datos (sin contar la cabecera).
FILAS_MAXIMAS = 200_000
#: Un texto con menos palabras que esto se considera muy corto (es decir, una sola
#: palabra; así entran también todos los de menos de 3 caracteres). Se avisa, no se quita.
PALABRAS_MINIMAS = 2
#: Un texto con más caracteres que esto se considera muy largo: los modelos del curso solo
#: leen el principio de cada texto (por defecto, 64 piezas: unas pocas decenas de palabras).
#: Se avisa, no se quita.
CARACTERES_MAXIMOS = 300
#: Cuántos números de fila se muestran como mucho en un mensaje.
FILAS_EN_MENSAJES = 10

#: Extensiones que se leen y el nombre del formato en el informe.
FORMATOS = {".csv": "CSV", ".tsv": "TSV", ".xlsx": "Excel", ".json": "JSON",
            ".jsonl": "JSON Lines"}
_PISTAS_EXTENSION = {
    ".xls": "Es un Excel antiguo: ábrelo y guárdalo como «Libro de Excel (.xlsx)».",
    ".xlsm": "Guárdalo como «Libro de Excel (.xlsx)», sin macros.",
    ".ods": "En LibreOffice, guárdalo como .xlsx o como CSV.",
    ".txt": "Si las columnas van separadas por tabuladores, cámbiale la extensión a .tsv.",
}
#: Nombres de columna que se reconocen sin indicarlos (se comparan sin mayúsculas ni tildes).
NOMBRES_TEXTO = ("text", "texto", "textos", "frase", "frases")
NOMBRES_ETIQUETA = ("label", "etiqueta", "etiquetas", "clase", "clases", "categoria",
                    "categorias", "asignatura", "asignaturas")
#: Codificaciones entre las que elige charset-normalizer si el archivo no está en UTF-8 (sin
#: limitarlas, con pocas frases elige a veces cp1250 o cp775). Un archivo Latin-1 sin los
#: caracteres de Windows (€, “ ”...) se lee igual en Windows-1252, y así se anuncia.
CODIFICACIONES = {"cp1252": "Windows-1252", "latin_1": "Latin-1 (ISO-8859-1)",
                  "utf_16": "UTF-16"}
_FIRMAS = (
    (b"\x89PNG", "una imagen PNG"), (b"\xff\xd8\xff", "una imagen JPEG"),
    (b"GIF8", "una imagen GIF"), (b"%PDF", "un documento PDF"),
    (b"PK\x03\x04", "un archivo comprimido (un Excel .xlsx, un Word .docx o un .zip)"),
    (b"\xd0\xcf\x11\xe0", "un documento de Office antiguo (.xls, .doc) o con contraseña"),
    (b"\x1f\x8b", "un archivo comprimido .gz"),
)
_NO_ES_TEXTO = ("no parece un archivo de texto: tiene bytes que no forman letras en ninguna "
                "codificación conocida. ¿Es otro tipo de archivo con la extensión cambiada? "
                "Ábrelo en tu hoja de cálculo y guárdalo como «CSV UTF-8».")
_NOMBRES_SEPARADOR = {",": "«,» (coma)", ";": "«;» (punto y coma)", "\t": "tabulador"}
#: Para cada papel de columna: nombre por defecto, nombres reconocidos y cómo se nombra.
_PAPELES = {"texto": (COLUMNAS[0], NOMBRES_TEXTO, "del texto", "el texto"),
            "etiqueta": (COLUMNAS[1], NOMBRES_ETIQUETA, "de la etiqueta", "la etiqueta")}
_ENTRE_ELEMENTOS_JSON = re.compile(r"[ \t\r\n,]*")


@dataclass
class Informe:
    """Lo que se ha leído y limpiado de un archivo (todo se enseña al docente).

    - ``archivo``, ``formato`` y, según el formato, ``codificacion``, ``separador`` y
      ``hoja``.
    - ``columna_texto`` y ``columna_etiqueta``: nombres de las columnas usadas.
    - ``filas_leidas``: filas de datos del archivo (sin la cabecera), vacías incluidas.
    - ``filas_vacias``: filas con el texto y la etiqueta vacíos (saltadas).
    - ``celdas_recortadas``: celdas a las que se quitaron espacios de los extremos.
    - ``repetidas_quitadas`` y ``filas_repetidas``: filas que repetían texto y etiqueta de
      otra anterior (se queda la primera).
    - ``variantes_etiquetas``: grupos de etiquetas que solo se diferencian en mayúsculas o
      tildes (la más frecuente primero); ``etiquetas_unificadas``: ``{variante: elegida}``
      si se unificaron.
    - ``textos_cortos`` y ``textos_largos``: filas con textos de menos de
      :data:`PALABRAS_MINIMAS` palabras o más de :data:`CARACTERES_MAXIMOS` caracteres.
    - ``filas_finales`` y ``clases`` (``{etiqueta: número de frases}``): lo que queda.
    - ``avisos``: frases en español con todo lo anterior que merece atención.
    """

    archivo: str
    formato: str = ""
    codificacion: str | None = None
    separador: str | None = None
    hoja: str | None = None
    columna_texto: str | None = None
    columna_etiqueta: str | None = None
    filas_leidas: int = 0
    filas_vacias: int = 0
    celdas_recortadas: int = 0
    repetidas_quitadas: int = 0
    filas_repetidas: list[int] = field(default_factory=list)
    variantes_etiquetas: list[list[str]] = field(default_factory=list)
    etiquetas_unificadas: dict[str, str] = field(default_factory=dict)
    textos_cortos: list[int] = field(default_factory=list)
    textos_largos: list[int] = field(default_factory=list)
    filas_finales: int = 0
    clases: dict[str, int] = field(default_factory=dict)
    avisos: list[str] = field(default_factory=list)

    def texto(self) -> str:
        """El informe en varias líneas, para enseñarlo en la terminal."""
        lineas = [f"Archivo leído: {self.archivo} ({', '.join(self._origen())})"]
        columnas = [f"texto = «{self.columna_texto}»"]
        if self.columna_etiqueta is not None:
            columnas.append(f"etiqueta = «{self.columna_etiqueta}»")
        lineas += [f"Columnas: {', '.join(columnas)}",
                   f"Filas leídas: {_miles(self.filas_leidas)} (sin contar la cabecera)",
                   f"Filas vacías saltadas: {_miles(self.filas_vacias)}",
                   f"Filas repetidas quitadas: {_miles(self.repetidas_quitadas)}",
                   f"Filas que quedan: {_miles(self.filas_finales)}"]
        if self.clases:
            lineas[-1] += f", en {_cuenta(len(self.clases), 'clase', 'clases')}:"
            lineas += [f"  - {etiqueta}: {_miles(n)}" for etiqueta, n in self.clases.items()]
        if self.avisos:
            lineas += ["Avisos:"] + [f"  - {aviso}" for aviso in self.avisos]
        return "\n".join(lineas)

    def como_dict(self) -> dict:
        """El informe como diccionario (para guardarlo en JSON)."""
        return asdict(self)

    def _origen(self) -> list[str]:
        partes = [self.formato]
        if self.hoja is not None:
            partes.append(f"hoja «{self.hoja}»")
        if self.codificacion is not None:
            partes.append(f"codificación detectada: {self.codificacion}")
        if self.separador is not None:
            partes.append(f"separador {_nombre_separador(self.separador)}")
        return partes


@dataclass
class Lectura:
    """Resultado de :func:`leer_tabla`.

    - ``datos``: ``DataFrame`` con las columnas ``text`` y ``label`` (solo ``text`` en
      :func:`leer_textos`), en el orden del archivo, ya limpio.
    - ``informe``: el :class:`Informe` de la lectura.
    - ``filas``: número de fila del archivo de cada fila de ``datos``.
    - ``originales``: en :func:`leer_textos`, todas las columnas del archivo para esas
      mismas filas (para copiarlas junto a las predicciones); ``None`` en :func:`leer_tabla`.
    """

    datos: pd.DataFrame
    informe: Informe
    filas: list[int] = field(default_factory=list)
    originales: pd.DataFrame | None = None


@dataclass
class _Tabla:
    """Celdas en bruto: cabecera y ``(número de fila, celdas)`` de cada fila de datos."""

    cabecera: list[str]
    filas: list[tuple[int, list[str]]]
    fila_cabecera: int | None = 1


# ---------------------------------------------------------------------------
# Funciones públicas
# ---------------------------------------------------------------------------

def leer_tabla(ruta: str | Path, *, separador: str | None = None, hoja: str | int | None = None,
               columna_texto: str | None = None, columna_etiqueta: str | None = None,
               unificar_etiquetas: bool = False,
               etiquetas: Iterable[str] | None = None) -> Lectura:
    """Lee, comprueba y limpia una tabla de frases etiquetadas.

    - ``separador``: fuerza el separador de un CSV (``","``, ``";"``, ``"\\t"``...); sin él
      se detecta.
    - ``hoja``: hoja de un ``.xlsx``, por nombre o por número (la primera es 1).
    - ``columna_texto`` y ``columna_etiqueta``: nombres de las columnas que se usan.
    - ``unificar_etiquetas``: une las etiquetas que solo se diferencian en mayúsculas o
      tildes en la forma más frecuente (o en la de ``etiquetas``, si se da).
    - ``etiquetas``: etiquetas admitidas (por ejemplo, las de un modelo ya entrenado).

    Devuelve una :class:`Lectura`. Lanza :class:`~transferencia.datos.ErrorDatos` si el
    archivo no se puede usar.

    >>> lectura = leer_tabla("frases.xlsx", unificar_etiquetas=True)  # doctest: +SKIP
    >>> print(lectura.informe.texto())  # doctest: +SKIP
    """
    ruta = Path(ruta)
    informe = Informe(archivo=str(ruta))
    tabla = _leer(ruta, informe, separador, hoja)
    i_texto = _elegir_columna(ruta, tabla, informe, "texto", columna_texto)
    i_etiqueta = _elegir_columna(ruta, tabla, informe, "etiqueta", columna_etiqueta)
    if i_texto == i_etiqueta:
        raise ErrorEntrada(f"{ruta}: la columna del texto y la de la etiqueta no pueden ser la "
                           f"misma («{tabla.cabecera[i_texto]}»).")
    filas = _pares(ruta, tabla, i_texto, i_etiqueta, informe)
    filas = _revisar_etiquetas(ruta, filas, informe, unificar_etiquetas, etiquetas)
    filas = _quitar_repetidas(ruta, filas, informe, unificar_etiquetas)
    _revisar_longitudes([texto for _, texto, _ in filas], [n for n, _, _ in filas], informe)
    _revisar_clases(ruta, [etiqueta for _, _, etiqueta in filas], informe)
    datos = pd.DataFrame([(t, e) for _, t, e in filas], columns=list(COLUMNAS))
    return Lectura(datos, informe, [n for n, _, _ in filas])


def leer_textos(ruta: str | Path, *, separador: str | None = None, hoja: str | int | None = None,
                columna_texto: str | None = None) -> Lectura:
    """Lee solo los textos de una tabla (para etiquetarlos con un modelo).

    Admite los mismos formatos y opciones que :func:`leer_tabla`, pero no necesita
    etiquetas ni quita repeticiones: cada fila con texto recibirá su predicción. Salta las
    filas sin texto (y las cuenta). ``Lectura.datos`` tiene solo la columna ``text`` y
    ``Lectura.originales``, todas las columnas del archivo para esas filas.
    """
    ruta = Path(ruta)
    informe = Informe(archivo=str(ruta))
    tabla = _leer(ruta, informe, separador, hoja)
    i_texto = _elegir_columna(ruta, tabla, informe, "texto", columna_texto)
    numeros, textos, originales = [], [], []
    for numero, celdas in tabla.filas:
        texto = _recortar(_celda_de(celdas, i_texto), informe)
        if not texto:
            informe.filas_vacias += 1
            continue
        numeros.append(numero)
        textos.append(texto)
        originales.append([_celda_de(celdas, i) for i in range(len(tabla.cabecera))])
    if not textos:
        raise ErrorDatos(ruta, "no hay ningún texto en la columna "
                               f"«{tabla.cabecera[i_texto]}».")
    _avisar_vacias(informe)
    _revisar_longitudes(textos, numeros, informe)
    informe.filas_finales = len(textos)
    nombres = [nombre or f"columna {i + 1}" for i, nombre in enumerate(tabla.cabecera)]
    return Lectura(pd.DataFrame({"text": textos}), informe, numeros,
                   pd.DataFrame(originales, columns=nombres))


def huella_texto(texto: str) -> str:
    """Huella estable de un texto: SHA-256 del texto normalizado.

    Antes de calcularla se unifican las formas Unicode (NFC), los espacios (cualquier
    secuencia cuenta como uno y se ignoran los de los extremos) y las mayúsculas
    (``casefold``), de modo que «Hola  Mundo» y «hola mundo» tienen la misma huella. Sirve
    para guardar con qué textos se entrenó un modelo sin guardar los textos.

    >>> huella_texto("Hola  Mundo ") == huella_texto("hola mundo")
    True
    """
    normalizado = " ".join(unicodedata.normalize("NFC", texto).split()).casefold()
    return hashlib.sha256(normalizado.encode("utf-8")).hexdigest()


def filas_compartidas(textos: Iterable[str], huellas: Iterable[str]) -> list[int]:
    """Posiciones (desde 0) de los ``textos`` cuya huella está en ``huellas``.

    Por ejemplo, las frases de prueba que ya estaban en los datos de entrenamiento.

    >>> filas_compartidas(["uno", "Dos", "tres"], [huella_texto("dos")])
    [1]
    """
    conocidas = set(huellas)
    return [i for i, texto in enumerate(textos) if huella_texto(texto) in conocidas]


# ---------------------------------------------------------------------------
# Lectura del archivo en bruto
# ---------------------------------------------------------------------------

def _leer(ruta: Path, informe: Informe, separador: str | None, hoja) -> _Tabla:
    """Comprueba el archivo y lo lee según su extensión."""
    extension = _comprobar_archivo(ruta)
    informe.formato = FORMATOS[extension]
    if separador is not None and extension not in (".csv", ".tsv"):
        raise ErrorEntrada(f"{ruta}: el separador solo sirve para archivos .csv y .tsv.")
    if hoja is not None and extension != ".xlsx":
        raise ErrorEntrada(f"{ruta}: la hoja solo se puede elegir en archivos .xlsx.")
    if extension == ".xlsx":
        tabla = _leer_excel(ruta, informe, hoja)
    else:
        crudo = _leer_bytes(ruta)
        texto, informe.codificacion = _decodificar(ruta, crudo)
        if informe.codificacion not in ("UTF-8", "UTF-8 con BOM"):
            informe.avisos.append(
                f"Codificación detectada: {informe.codificacion} (no es UTF-8). Si ves letras "
                "cambiadas, guarda el archivo como «CSV UTF-8».")
        if extension == ".json":
            tabla = _leer_json(ruta, texto)
        elif extension == ".jsonl":
            tabla = _leer_jsonl(ruta, texto)
        else:
            tabla = _leer_delimitado(ruta, texto, informe, separador, extension)
    informe.filas_leidas = len(tabla.filas)
    return tabla


def _comprobar_archivo(ruta: Path) -> str:
    """Comprueba que ``ruta`` sea un archivo admitido y no demasiado grande (sin leerlo)."""
    if ruta.is_dir():
        raise ErrorDatos(ruta, "es una carpeta, no un archivo de datos.")
    if not ruta.exists():
        raise ErrorDatos(ruta, "el archivo no existe. Revisa la ruta y el nombre.")
    extension = ruta.suffix.lower()
    if extension not in FORMATOS:
        pista = _PISTAS_EXTENSION.get(extension, "")
        raise ErrorDatos(ruta, f"no se pueden leer archivos «{extension or 'sin extensión'}»: "
                               f"usa {', '.join(list(FORMATOS)[:-1])} o .jsonl. {pista}".strip())
    tamano = ruta.stat().st_size
    if tamano > TAMANO_MAXIMO:
        raise ErrorDatos(ruta, f"el archivo ocupa {cifra(tamano / 2**20, 1)} MB y el máximo es "
                               f"{TAMANO_MAXIMO_MB} MB. Divídelo en varios o quita las columnas "
                               "que no hagan falta.")
    if tamano == 0:
        raise ErrorDatos(ruta, "el archivo está vacío.")
    return extension


def _leer_bytes(ruta: Path, cuantos: int = -1) -> bytes:
    """Los bytes del archivo (o los ``cuantos`` primeros)."""
    try:
        with ruta.open("rb") as archivo:
            return archivo.read(cuantos)
    except PermissionError:
        raise ErrorDatos(ruta, "no tienes permiso para leer el archivo.") from None


def _demasiadas_filas(ruta: Path) -> ErrorDatos:
    return ErrorDatos(ruta, f"tiene más de {_miles(FILAS_MAXIMAS)} filas, el máximo que se "
                            "admite. Usa una parte del archivo.")


def _decodificar(ruta: Path, crudo: bytes) -> tuple[str, str]:
    """Texto del archivo y nombre de su codificación (UTF-8 o la que diga charset-normalizer)."""
    for firma, tipo in _FIRMAS:
        if crudo.startswith(firma):
            raise ErrorDatos(ruta, f"no es un archivo de texto: parece {tipo} con la extensión "
                                   "cambiada.")
    try:
        texto = crudo.decode("utf-8-sig")
        nombre = "UTF-8 con BOM" if crudo.startswith(codecs.BOM_UTF8) else "UTF-8"
    except UnicodeDecodeError:
        texto, nombre = _detectar_codificacion(ruta, crudo)
    if "\x00" in texto:
        raise ErrorDatos(ruta, _NO_ES_TEXTO)
    return texto, nombre


def _detectar_codificacion(ruta: Path, crudo: bytes) -> tuple[str, str]:
    """Pide a charset-normalizer la codificación entre :data:`CODIFICACIONES`."""
    import charset_normalizer

    utf16 = crudo.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if b"\x00" in crudo and not utf16:
        raise ErrorDatos(ruta, _NO_ES_TEXTO)
    mejor = charset_normalizer.from_bytes(crudo, cp_isolation=list(CODIFICACIONES)).best()
    if mejor is None:
        raise ErrorDatos(ruta, _NO_ES_TEXTO)
    return str(mejor), CODIFICACIONES.get(mejor.encoding, mejor.encoding)


def _leer_delimitado(ruta: Path, texto: str, informe: Informe, separador: str | None,
                     extension: str) -> _Tabla:
    """Lee un CSV o un TSV con el módulo ``csv`` (las filas vacías cuentan)."""
    if separador is not None:
        informe.separador = _normalizar_separador(separador)
    elif extension == ".tsv":
        informe.separador = "\t"
    else:
        informe.separador = _detectar_separador(texto)
    lector = csv.reader(io.StringIO(texto, newline=""), delimiter=informe.separador)
    filas, numero = [], 0
    try:
        for numero, celdas in enumerate(lector, start=1):
            if numero > FILAS_MAXIMAS + 1:
                raise _demasiadas_filas(ruta)
            filas.append((numero, celdas))
    except csv.Error:
        raise ErrorDatos(ruta, "no se puede leer esta fila: seguramente unas comillas («\"») "
                               "sin cerrar juntan muchas filas en una.", numero + 1) from None
    tabla = _con_cabecera(ruta, filas)
    _comprobar_celdas_de_mas(ruta, tabla, informe.separador)
    return tabla


def _normalizar_separador(separador: str) -> str:
    separador = {"\\t": "\t", "tab": "\t", "tabulador": "\t"}.get(separador.lower(), separador)
    if len(separador) != 1 or separador in "\"\r\n":
        raise ErrorEntrada(f"el separador debe ser un solo carácter, como «,» o «;» (para el "
                           f"tabulador, escribe \\t), no {separador!r}.")
    return separador


def _detectar_separador(texto: str) -> str:
    """``,``, ``;`` o tabulador: lo que diga ``csv.Sniffer`` si separa la cabecera en varias
    columnas; si no, el que más aparece en la cabecera (``,`` si no aparece ninguno)."""
    muestra = "\n".join(texto[:65536].splitlines()[:50])
    cabecera = next((linea for linea in muestra.splitlines() if linea.strip()), "")
    try:
        detectado = csv.Sniffer().sniff(muestra, delimiters=",;\t").delimiter
    except csv.Error:
        detectado = None
    if detectado is not None and detectado in cabecera:
        return detectado
    return max(",;\t", key=cabecera.count)


def _con_cabecera(ruta: Path, filas: list[tuple[int, list]]) -> _Tabla:
    """Toma como cabecera la primera fila que no esté vacía; las siguientes son los datos."""
    filas = [(numero, [_texto_celda(c) for c in celdas]) for numero, celdas in filas]
    for posicion, (numero, celdas) in enumerate(filas):
        if any(celda.strip() for celda in celdas):
            cabecera = [celda.strip() for celda in celdas]
            return _Tabla(cabecera, filas[posicion + 1:], numero)
    raise ErrorDatos(ruta, "el archivo está vacío: no tiene ni cabecera ni filas.")


def _comprobar_celdas_de_mas(ruta: Path, tabla: _Tabla, separador: str) -> None:
    """Error si alguna fila tiene más celdas llenas que columnas la cabecera."""
    ancho = len(tabla.cabecera)
    malas = [numero for numero, celdas in tabla.filas
             if any(celda.strip() for celda in celdas[ancho:])]
    if malas:
        otras = f" (también pasa {_en_filas(malas[1:])})" if len(malas) > 1 else ""
        raise ErrorDatos(ruta, f"esta fila tiene más celdas llenas que columnas la cabecera "
                               f"({ancho}){otras}. Seguramente el texto lleva el separador "
                               f"{_nombre_separador(separador)} y no está entre comillas: ponlo "
                               "entre comillas («\"») o usa otro separador.", malas[0])


def _leer_excel(ruta: Path, informe: Informe, hoja) -> _Tabla:
    """Lee una hoja de un ``.xlsx`` con pandas y openpyxl."""
    inicio = _leer_bytes(ruta, 4096)
    if not inicio.startswith(b"PK\x03\x04"):
        raise ErrorDatos(ruta, _motivo_excel_falso(inicio))
    try:
        with pd.ExcelFile(ruta, engine="openpyxl") as libro:
            nombres = libro.sheet_names
            informe.hoja = _elegir_hoja(ruta, nombres, hoja)
            hoja_leida = libro.parse(informe.hoja, header=None, dtype=object,
                                     nrows=FILAS_MAXIMAS + 2)
    except ErrorDatos:
        raise
    except Exception:  # openpyxl lanza errores muy distintos según el daño del archivo
        raise ErrorDatos(ruta, "no se puede abrir como libro de Excel (.xlsx): el archivo está "
                               "dañado o no es un .xlsx de verdad. Ábrelo en tu hoja de cálculo "
                               "y guárdalo de nuevo como «Libro de Excel (.xlsx)».") from None
    if len(hoja_leida) > FILAS_MAXIMAS + 1:
        raise _demasiadas_filas(ruta)
    if hoja is None and len(nombres) > 1:
        informe.avisos.append(f"El libro tiene {len(nombres)} hojas y se ha leído la primera, "
                              f"«{informe.hoja}». Para leer otra, elígela con --hoja.")
    filas = [(numero, list(valores)) for numero, valores in
             enumerate(hoja_leida.itertuples(index=False, name=None), start=1)]
    try:
        return _con_cabecera(ruta, filas)
    except ErrorDatos:
        otras = [nombre for nombre in nombres if nombre != informe.hoja]
        pista = f" Las otras hojas son: {_lista(otras)}; elige una con --hoja." if otras else ""
        raise ErrorDatos(ruta, f"la hoja «{informe.hoja}» está vacía.{pista}") from None


def _motivo_excel_falso(inicio: bytes) -> str:
    """Por qué un ``.xlsx`` que no empieza como un ZIP no es un libro de Excel."""
    if inicio.startswith(b"\xd0\xcf\x11\xe0"):
        return ("es un Excel antiguo (.xls) o un libro protegido con contraseña: quítale la "
                "contraseña y guárdalo como «Libro de Excel (.xlsx)».")
    if b"\x00" not in inicio and not any(inicio.startswith(f) for f, _ in _FIRMAS):
        return ("no es un libro de Excel sino un archivo de texto con la extensión .xlsx: si es "
                "un CSV, cámbiale la extensión a .csv.")
    return ("no se puede abrir como libro de Excel (.xlsx): el archivo está dañado o es otro "
            "tipo de archivo con la extensión cambiada.")


def _elegir_hoja(ruta: Path, nombres: list[str], hoja) -> str:
    """Nombre de la hoja pedida (por nombre o número desde 1); la primera si no se pide."""
    if hoja is None:
        return nombres[0]
    if str(hoja).strip() in nombres:
        return str(hoja).strip()
    if str(hoja).strip().isdigit() and 1 <= int(hoja) <= len(nombres):
        return nombres[int(hoja) - 1]
    raise ErrorDatos(ruta, f"no hay ninguna hoja «{hoja}». Las hojas del libro son: "
                           f"{_lista(nombres)}. Elige una por su nombre o por su número (la "
                           "primera es 1) con --hoja.")


def _leer_json(ruta: Path, texto: str) -> _Tabla:
    """Lee una lista de objetos JSON; la fila de cada objeto es la línea donde empieza."""
    try:
        elementos = json.loads(texto)
    except json.JSONDecodeError as error:
        raise ErrorDatos(ruta, f"no es un JSON válido (el error está en la columna "
                               f"{error.colno} de esta línea).", error.lineno) from None
    if not isinstance(elementos, list):
        raise ErrorDatos(ruta, "el JSON debe ser una lista de objetos, así: "
                               '[{"text": "...", "label": "..."}, ...].')
    if len(elementos) > FILAS_MAXIMAS:
        raise _demasiadas_filas(ruta)
    return _tabla_de_objetos(ruta, list(zip(_lineas_de_elementos(texto), elementos)))


def _lineas_de_elementos(texto: str) -> list[int]:
    """Línea en la que empieza cada elemento de una lista JSON (ya comprobada)."""
    decodificador = json.JSONDecoder()
    posicion, linea, lineas = texto.index("[") + 1, 1 + texto.count("\n", 0, texto.index("[")), []
    while True:
        siguiente = _ENTRE_ELEMENTOS_JSON.match(texto, posicion).end()
        linea += texto.count("\n", posicion, siguiente)
        if texto[siguiente] == "]":
            return lineas
        lineas.append(linea)
        _, posicion = decodificador.raw_decode(texto, siguiente)
        linea += texto.count("\n", siguiente, posicion)


def _leer_jsonl(ruta: Path, texto: str) -> _Tabla:
    """Lee un objeto JSON por línea; la fila es el número de línea."""
    objetos = []
    for numero, linea in enumerate(texto.splitlines(), start=1):
        if numero > FILAS_MAXIMAS:
            raise _demasiadas_filas(ruta)
        if not linea.strip():
            objetos.append((numero, {}))
            continue
        try:
            objetos.append((numero, json.loads(linea)))
        except json.JSONDecodeError as error:
            raise ErrorDatos(ruta, f"esta línea no es un objeto JSON válido (el error está en "
                                   f"la columna {error.colno}).", numero) from None
    return _tabla_de_objetos(ruta, objetos)


def _tabla_de_objetos(ruta: Path, objetos: list[tuple[int, object]]) -> _Tabla:
    """Convierte ``(fila, objeto)`` en una tabla cuyas columnas son las claves."""
    cabecera: dict[str, None] = {}
    for numero, objeto in objetos:
        if not isinstance(objeto, dict):
            raise ErrorDatos(ruta, "cada elemento debe ser un objeto con claves, así: "
                                   '{"text": "...", "label": "..."}.', numero)
        cabecera.update(dict.fromkeys(objeto))
    if not cabecera:
        raise ErrorDatos(ruta, "no hay ninguna fila de datos: no hay ningún objeto con claves.")
    filas = [(numero, [_texto_celda(objeto.get(clave), ruta, numero) for clave in cabecera])
             for numero, objeto in objetos]
    return _Tabla([clave.strip() for clave in cabecera], filas, None)


def _texto_celda(valor, ruta: Path | None = None, numero: int | None = None) -> str:
    """Una celda como texto: vacía si falta, y los números enteros sin «.0»."""
    if valor is None or (isinstance(valor, float) and valor != valor):
        return ""
    if isinstance(valor, (dict, list)):
        raise ErrorDatos(ruta, "una celda contiene una lista u objeto; debe ser un texto.", numero)
    if isinstance(valor, float) and valor.is_integer():
        return str(int(valor))
    return str(valor)


# ---------------------------------------------------------------------------
# Columnas
# ---------------------------------------------------------------------------

def _elegir_columna(ruta: Path, tabla: _Tabla, informe: Informe, papel: str,
                    pedida: str | None) -> int:
    """Posición de la columna del ``papel`` («texto» o «etiqueta»), pedida o reconocida."""
    opcion, exacta = f"--columna-{papel}", _PAPELES[papel][0]
    nombres = tabla.cabecera
    if pedida is not None:
        candidatas = [i for i, nombre in enumerate(nombres) if nombre == pedida.strip()]
        candidatas = candidatas or [i for i, n in enumerate(nombres) if _clave(n) == _clave(pedida)]
        falta = f"no hay ninguna columna «{pedida.strip()}»."
    else:
        conocidas = _PAPELES[papel][1]
        candidatas = [i for i, nombre in enumerate(nombres) if nombre == exacta]
        candidatas = candidatas or [i for i, n in enumerate(nombres) if _clave(n) in conocidas]
        falta = (f"no encuentro la columna {_PAPELES[papel][2]} (se reconocen: "
                 f"{', '.join(conocidas)}).")
    if not candidatas:
        raise ErrorDatos(ruta, f"{falta} Las columnas del archivo son: {_lista(nombres)}. "
                               f"Indica cuál usar con {opcion} NOMBRE."
                               f"{_pista_columnas(tabla, informe)}",
                         tabla.fila_cabecera)
    if len(candidatas) > 1:
        raise ErrorDatos(ruta, f"hay varias columnas que podrían ser {_PAPELES[papel][3]}: "
                               f"{_lista([nombres[i] for i in candidatas])}. Elige una con "
                               f"{opcion} NOMBRE.", tabla.fila_cabecera)
    nombre = nombres[candidatas[0]]
    setattr(informe, f"columna_{papel}", nombre)
    if pedida is None and nombre != exacta:
        informe.avisos.append(f"Se usa la columna «{nombre}» como {papel} (para usar otra, "
                              f"elígela con {opcion}).")
    return candidatas[0]


def _pista_columnas(tabla: _Tabla, informe: Informe) -> str:
    """Pista para dos errores habituales: otro separador o una cabecera que falta."""
    if len(tabla.cabecera) == 1 and informe.separador is not None:
        return (" Solo hay una columna: si van separadas por otro carácter, indícalo con "
                "--separador.")
    if len(tabla.cabecera) == 2 and tabla.fila_cabecera is not None:
        return (" Si la primera fila ya es una frase, añade encima una fila de cabecera con los "
                "nombres de las columnas (por ejemplo, «text» y «label»).")
    return ""


# ---------------------------------------------------------------------------
# Limpieza
# ---------------------------------------------------------------------------

def _pares(ruta: Path, tabla: _Tabla, i_texto: int, i_etiqueta: int,
           informe: Informe) -> list[tuple[int, str, str]]:
    """``(fila, texto, etiqueta)`` recortados; salta las vacías; error si falta una celda."""
    pares, sin_texto, sin_etiqueta = [], [], []
    for numero, celdas in tabla.filas:
        texto = _recortar(_celda_de(celdas, i_texto), informe)
        etiqueta = _recortar(_celda_de(celdas, i_etiqueta), informe)
        if not texto and not etiqueta:
            informe.filas_vacias += 1
        elif not texto:
            sin_texto.append((numero, etiqueta))
        elif not etiqueta:
            sin_etiqueta.append((numero, texto))
        else:
            pares.append((numero, texto, etiqueta))
    if sin_texto or sin_etiqueta:
        raise _error_celdas_vacias(ruta, sin_texto, sin_etiqueta)
    if not pares:
        raise ErrorDatos(ruta, "no hay ninguna fila de datos después de la cabecera.")
    _avisar_vacias(informe)
    return pares


def _celda_de(celdas: list[str], posicion: int) -> str:
    return celdas[posicion] if posicion < len(celdas) else ""


def _recortar(celda: str, informe: Informe) -> str:
    recortada = celda.strip()
    if recortada and recortada != celda:
        informe.celdas_recortadas += 1
    return recortada


def _avisar_vacias(informe: Informe) -> None:
    if informe.celdas_recortadas:
        informe.avisos.append(f"Se han quitado los espacios sobrantes de los extremos de "
                              f"{_cuenta(informe.celdas_recortadas, 'celda', 'celdas')}.")
    if informe.filas_vacias:
        vacias = _cuenta(informe.filas_vacias, "fila vacía saltada", "filas vacías saltadas")
        informe.avisos.append(f"{vacias}.")


def _error_celdas_vacias(ruta: Path, sin_texto, sin_etiqueta) -> ErrorDatos:
    """Un solo error que nombra la primera fila con una celda vacía y cuenta las demás."""
    todas = sorted([n for n, _ in sin_texto] + [n for n, _ in sin_etiqueta])
    if sin_texto and sin_texto[0][0] == todas[0]:
        problema = f"el texto está vacío, pero la etiqueta es «{sin_texto[0][1]}»."
    else:
        problema = f"la etiqueta está vacía (texto: «{_corto(sin_etiqueta[0][1])}»)."
    if len(todas) > 1:
        problema += (f" Hay {len(todas)} filas con el texto o la etiqueta vacíos: "
                     f"{_lista_numeros(todas)}. Rellénalas o bórralas.")
    else:
        problema += " Rellénala o bórrala."
    return ErrorDatos(ruta, problema, todas[0])


def _revisar_etiquetas(ruta: Path, filas, informe: Informe, unificar: bool,
                       permitidas: Iterable[str] | None) -> list[tuple[int, str, str]]:
    """Avisa de las variantes de una etiqueta, las unifica si se pide y comprueba las admitidas."""
    cuenta = Counter(etiqueta for _, _, etiqueta in filas)
    grupos: dict[str, list[str]] = {}
    for etiqueta in cuenta:  # en orden de aparición
        grupos.setdefault(_clave(etiqueta), []).append(etiqueta)
    oficiales = {} if permitidas is None else {_clave(e): e for e in permitidas}
    cambios = {}
    for clave, variantes in grupos.items():
        variantes.sort(key=lambda e: -cuenta[e])  # estable: si empatan, la primera que aparece
        elegida = oficiales.get(clave, variantes[0])
        if len(variantes) > 1 or elegida not in variantes:
            informe.variantes_etiquetas.append(variantes)
            _avisar_variantes(informe, variantes, cuenta, elegida, clave in oficiales,
                              unificar)
            if unificar:
                cambios.update({v: elegida for v in variantes if v != elegida})
    informe.etiquetas_unificadas = cambios
    filas = [(n, texto, cambios.get(etiqueta, etiqueta)) for n, texto, etiqueta in filas]
    if permitidas is not None:
        _comprobar_permitidas(ruta, filas, set(oficiales.values()), oficiales)
    return filas


def _avisar_variantes(informe: Informe, variantes: list[str], cuenta: Counter, elegida: str,
                      esperada: bool, unificar: bool) -> None:
    """Aviso de un grupo de variantes de una etiqueta (y de su unificación)."""
    detalle = ", ".join(f"«{v}» ({_cuenta(cuenta[v], 'fila', 'filas')})" for v in variantes)
    if elegida not in variantes:
        detalle += f" y «{elegida}» (la esperada)"
    aviso = f"Etiquetas que solo se diferencian en mayúsculas o tildes: {detalle}."
    if unificar:
        cambiadas = sum(cuenta[v] for v in variantes if v != elegida)
        origen = "la esperada" if esperada else "la más frecuente"
        aviso += (f" Se han unificado en «{elegida}», {origen} "
                  f"({_cuenta(cambiadas, 'fila cambiada', 'filas cambiadas')}).")
    else:
        aviso += " Se tratan como clases distintas; para unirlas, usa --unificar-etiquetas."
    informe.avisos.append(aviso)


def _comprobar_permitidas(ruta: Path, filas, permitidas: set[str], oficiales: dict) -> None:
    malas = [(n, etiqueta) for n, _, etiqueta in filas if etiqueta not in permitidas]
    if not malas:
        return
    numero, etiqueta = malas[0]
    problema = (f"la etiqueta «{etiqueta}» no está entre las esperadas "
                f"({_lista(sorted(permitidas))}).")
    if _clave(etiqueta) in oficiales:
        problema += (f" ¿Es «{oficiales[_clave(etiqueta)]}»? Para unificar mayúsculas y "
                     "tildes, usa --unificar-etiquetas.")
    if len(malas) > 1:
        filas = _lista_numeros([n for n, _ in malas])
        problema += f" Hay {len(malas)} filas con etiquetas desconocidas: {filas}."
    raise ErrorDatos(ruta, problema, numero)


def _quitar_repetidas(ruta: Path, filas, informe: Informe,
                      unificar: bool) -> list[tuple[int, str, str]]:
    """Quita las filas que repiten texto y etiqueta; error si un texto tiene dos etiquetas."""
    primera: dict[str, tuple[int, str]] = {}
    conflictos: dict[str, list[tuple[int, str]]] = {}
    limpias = []
    for numero, texto, etiqueta in filas:
        if texto not in primera:
            primera[texto] = (numero, etiqueta)
            limpias.append((numero, texto, etiqueta))
        elif primera[texto][1] == etiqueta:
            informe.filas_repetidas.append(numero)
        else:
            conflictos.setdefault(texto, [primera[texto]]).append((numero, etiqueta))
    if conflictos:
        raise _error_conflictos(ruta, conflictos, unificar)
    informe.repetidas_quitadas = len(informe.filas_repetidas)
    if informe.filas_repetidas:
        quitadas = _cuenta(informe.repetidas_quitadas, "fila repetida quitada",
                           "filas repetidas quitadas")
        informe.avisos.append(f"{quitadas} (mismo texto y misma etiqueta que una fila anterior, "
                              f"que se conserva): {_lista_numeros(informe.filas_repetidas)}.")
    return limpias


def _error_conflictos(ruta: Path, conflictos: dict, unificar: bool) -> ErrorDatos:
    """Error que enumera los textos que aparecen con etiquetas distintas y sus filas."""
    detalles = []
    for texto, apariciones in list(conflictos.items())[:5]:
        filas = _y([f"{n} («{e}»)" for n, e in apariciones])
        detalles.append(f"«{_corto(texto)}» en las filas {filas}")
    problema = ("el mismo texto aparece con etiquetas distintas, y cada texto solo puede tener "
                f"una: {'; '.join(detalles)}")
    if len(conflictos) > 5:
        problema += f"; y {len(conflictos) - 5} textos más"
    problema += ". Decide cuál es la buena y corrige o borra las demás."
    solo_grafia = any(len({_clave(e) for _, e in ap}) == 1 for ap in conflictos.values())
    if solo_grafia and not unificar:
        problema += (" Si solo cambian mayúsculas o tildes de la etiqueta, usa "
                     "--unificar-etiquetas.")
    segunda_fila = min(apariciones[1][0] for apariciones in conflictos.values())
    return ErrorDatos(ruta, problema, segunda_fila)


def _revisar_longitudes(textos: list[str], numeros: list[int], informe: Informe) -> None:
    """Anota (sin quitarlos) los textos muy cortos y muy largos."""
    pares = list(zip(numeros, textos))
    informe.textos_cortos = [n for n, t in pares if len(t.split()) < PALABRAS_MINIMAS]
    informe.textos_largos = [n for n, t in pares if len(t) > CARACTERES_MAXIMOS]
    if informe.textos_cortos:
        cortos = _cuenta(len(informe.textos_cortos), "texto muy corto", "textos muy cortos")
        informe.avisos.append(
            f"{cortos} (una sola palabra), {_en_filas(informe.textos_cortos)}: con tan poco "
            "contexto el modelo apenas aprende; revisa que no sean restos o errores.")
    if informe.textos_largos:
        largos = _cuenta(len(informe.textos_largos), "texto muy largo", "textos muy largos")
        informe.avisos.append(
            f"{largos} (más de {CARACTERES_MAXIMOS} caracteres), "
            f"{_en_filas(informe.textos_largos)}: el modelo solo lee el principio de cada "
            "texto, así que el final no cuenta.")


def _revisar_clases(ruta: Path, etiquetas: list[str], informe: Informe) -> None:
    """Cuenta las frases de cada clase; error si solo hay una clase."""
    informe.clases = dict(sorted(Counter(etiquetas).items()))
    informe.filas_finales = len(etiquetas)
    if len(informe.clases) < 2:
        raise ErrorDatos(ruta, f"solo hay una clase («{etiquetas[0]}»): un clasificador "
                               "necesita al menos dos etiquetas distintas.")
    solas = [etiqueta for etiqueta, n in informe.clases.items() if n < 2]
    if solas:
        informe.avisos.append(f"{_cuenta(len(solas), 'clase tiene', 'clases tienen')} una sola "
                              f"frase ({_lista(solas)}): no se puede separar una parte para la "
                              "prueba; añade más ejemplos.")


# ---------------------------------------------------------------------------
# Utilidades de texto
# ---------------------------------------------------------------------------

def _clave(texto: str) -> str:
    """Texto sin tildes, en minúsculas y con los espacios normalizados (para comparar)."""
    descompuesto = unicodedata.normalize("NFD", texto)
    sin_tildes = "".join(c for c in descompuesto if not unicodedata.combining(c))
    return " ".join(sin_tildes.casefold().split())


def _miles(numero: int) -> str:
    """Número entero a la española: «1000», «12 000», «200 000»."""
    return str(numero) if abs(numero) < 10_000 else f"{numero:,}".replace(",", " ")


def _cuenta(numero: int, singular: str, plural: str) -> str:
    return f"{_miles(numero)} {singular if numero == 1 else plural}"


def _lista(nombres: list[str]) -> str:
    return ", ".join(f"«{nombre}»" for nombre in nombres)


def _y(partes: list[str]) -> str:
    """«a», «a y b», «a, b y c»."""
    return partes[0] if len(partes) == 1 else f"{', '.join(partes[:-1])} y {partes[-1]}"


def _lista_numeros(numeros: list[int]) -> str:
    """«3», «3 y 8», «3, 8 y 12» o, si son muchos, los primeros y «y N más»."""
    mostrados = [_miles(n) for n in numeros[:FILAS_EN_MENSAJES]]
    if len(numeros) > FILAS_EN_MENSAJES:
        return f"{', '.join(mostrados)} y {_miles(len(numeros) - FILAS_EN_MENSAJES)} más"
    return _y(mostrados)


def _en_filas(numeros: list[int]) -> str:
    return f"en la fila {_lista_numeros(numeros)}" if len(numeros) == 1 else \
        f"en las filas {_lista_numeros(numeros)}"


def _nombre_separador(separador: str) -> str:
    return _NOMBRES_SEPARADOR.get(separador, f"«{separador}»")


def _corto(texto: str, largo: int = 60) -> str:
    return texto if len(texto) <= largo else texto[: largo - 1] + "…"
