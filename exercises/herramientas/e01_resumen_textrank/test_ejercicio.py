from comprobaciones import comprobar, llamar
from sumy.nlp.stemmers import Stemmer
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.text_rank import TextRankSummarizer

from transferencia.texto import TokenizadorEspanol, stop_words_es

TOKENIZADOR = TokenizadorEspanol()  # carga ya las palabras vacías de spaCy (tarda un poco)

EJEMPLO = ("Los eclipses de sol ocurren cuando la Luna tapa el Sol. "
           "Durante un eclipse total, el cielo se oscurece y aparecen las estrellas. "
           "Mi vecino prefiere la tortilla con cebolla. "
           "Un eclipse total de sol es un fenómeno raro en un mismo lugar de la Tierra. "
           "Nunca mires el sol sin unas gafas homologadas.")
ECLIPSES = ("Los eclipses de sol ocurren cuando la Luna se interpone entre el Sol y la Tierra. "
            "Un eclipse total de sol es un fenómeno raro en un mismo lugar de la Tierra. "
            "Durante un eclipse total, el cielo se oscurece y aparecen las estrellas. "
            "Mi vecino, en cambio, prefiere la tortilla con cebolla. "
            "Los eclipses de luna se ven desde toda la mitad nocturna de la Tierra. "
            "¿Por qué no hay un eclipse cada mes? "
            "Porque la órbita de la Luna está inclinada respecto a la de la Tierra. "
            "Nunca mires el sol sin unas gafas homologadas.")
INSTITUTO = ("El Sr. García vive en EE. UU. desde hace años y enseña historia en un instituto. "
             "Sus alumnos estudian la historia de España y la de otros países de Europa. "
             "La Dra. López, su compañera, enseña biología y química a los mismos alumnos. "
             "¡Qué buen equipo forman los dos! "
             "Cada viernes, los alumnos presentan un trabajo de historia o de biología. "
             "El instituto organiza una excursión al museo de historia natural en mayo.")
PISTA = ("Usa TextRankSummarizer(Stemmer('spanish')) con stop_words = stop_words_es(), y "
         "PlaintextParser.from_string(texto, TokenizadorEspanol()).")


def referencia(texto, n):
    documento = PlaintextParser.from_string(texto, TOKENIZADOR).document
    resumidor = TextRankSummarizer(Stemmer("spanish"))
    resumidor.stop_words = stop_words_es()
    return [str(oracion) for oracion in resumidor(documento, n)]


def comprobar_resumen(ejercicio, texto, n, descripcion, pista=PISTA):
    """Comprueba el resumen paso a paso; compara las posiciones para que el mensaje sea breve."""
    oraciones = list(TOKENIZADOR.to_sentences(texto))
    esperado = referencia(texto, n)
    entrada = f"{texto[:40]!r}… ({descripcion}), n={n}"
    obtenido = llamar(ejercicio, "resumir", texto, n)
    if not isinstance(obtenido, list):
        comprobar(obtenido, esperado, entrada, tipo=list)
    comprobar([type(o).__name__ for o in obtenido], ["str"] * len(obtenido),
              entrada + " (tipo de cada elemento)",
              pista="Sumy devuelve objetos Sentence: conviértelos con str(oracion).")
    ajenas = [o for o in obtenido if o not in oraciones]
    comprobar(ajenas[:1], [], entrada + " (elementos que no son una oración entera del texto)",
              pista="Parte el texto con TokenizadorEspanol(), que no corta en «Sr.» ni «EE. UU.».")
    posiciones = [oraciones.index(o) for o in obtenido]
    comprobar(posiciones, sorted(posiciones), entrada + " (posición de cada oración, desde 0)",
              pista="Devuelve las oraciones en el orden del texto, no por importancia.")
    comprobar(posiciones, [oraciones.index(o) for o in esperado],
              entrada + " (posición de cada oración elegida, desde 0)", pista=pista)


def test_ejemplo_del_enunciado(ejercicio):
    comprobar_resumen(ejercicio, EJEMPLO, 2, "el texto del enunciado, 5 oraciones")


def test_oraciones_del_texto_en_su_orden(ejercicio):
    comprobar_resumen(ejercicio, ECLIPSES, 3, "8 oraciones")


def test_abreviaturas_espanolas(ejercicio):
    comprobar_resumen(ejercicio, INSTITUTO, 2, "6 oraciones, con «Sr.», «EE. UU.» y «Dra.»")


def test_menos_oraciones_que_n(ejercicio):
    comprobar_resumen(ejercicio, "Hoy llueve en Madrid. Mañana saldrá el sol. El fin de semana "
                      "hará frío.", 5, "3 oraciones",
                      pista="Si el texto tiene menos de n oraciones, Sumy las devuelve todas.")
