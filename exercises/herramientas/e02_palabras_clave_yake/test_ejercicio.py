import yake
from comprobaciones import comprobar, llamar

EJEMPLO = ("Los eclipses de sol ocurren cuando la Luna se interpone entre el Sol y la Tierra. "
           "Un eclipse total de sol es un fenómeno raro.")
SUENO = ("Dormir bien es tan importante como comer bien. Durante el sueño profundo, el cerebro "
         "ordena los recuerdos del día y el cuerpo repara los músculos. Los adultos necesitan "
         "entre siete y nueve horas de sueño cada noche, y los adolescentes, algo más. Las "
         "pantallas antes de dormir retrasan el sueño, porque su luz azul frena la melatonina. "
         "Un horario regular, una habitación oscura y poca cafeína por la tarde ayudan a "
         "dormir mejor.")
PISTA = ("Usa yake.KeywordExtractor(lan='es', n=palabras, top=n) y devuelve solo el texto de "
         "cada clave, en el orden en que las da extract_keywords (menor puntuación primero).")


def referencia(texto, n, palabras):
    extractor = yake.KeywordExtractor(lan="es", n=palabras, top=n)
    return [clave for clave, _ in extractor.extract_keywords(texto)]


def breve(texto):
    return repr(texto[:60] + "…")


def test_ejemplo_del_enunciado(ejercicio):
    comprobar(llamar(ejercicio, "palabras_clave", EJEMPLO, n=3, palabras=1),
              referencia(EJEMPLO, 3, 1), f"{breve(EJEMPLO)}, n=3, palabras=1", tipo=list,
              pista=PISTA)


def test_solo_el_texto_de_cada_clave(ejercicio):
    obtenido = llamar(ejercicio, "palabras_clave", SUENO, n=4, palabras=2)
    entrada = f"{breve(SUENO)}, n=4, palabras=2"
    if isinstance(obtenido, list):
        comprobar([type(clave).__name__ for clave in obtenido], ["str"] * len(obtenido),
                  entrada + " (tipo de cada elemento)",
                  pista="extract_keywords da pares (clave, puntuación): quédate solo con la "
                        "clave.")
    comprobar(obtenido, referencia(SUENO, 4, 2), entrada, tipo=list, pista=PISTA)


def test_valores_por_defecto_y_orden(ejercicio):
    obtenido = llamar(ejercicio, "palabras_clave", SUENO)
    comprobar(obtenido, referencia(SUENO, 5, 2), f"{breve(SUENO)} (sin n ni palabras)",
              tipo=list,
              pista="Por defecto, n=5 claves de hasta palabras=2 palabras. En YAKE, cuanto menor "
                    "es la puntuación, más relevante es la clave: no inviertas el orden.")


def test_claves_de_tres_palabras(ejercicio):
    obtenido = llamar(ejercicio, "palabras_clave", SUENO, n=6, palabras=3)
    entrada = f"{breve(SUENO)}, n=6, palabras=3"
    comprobar(obtenido, referencia(SUENO, 6, 3), entrada, tipo=list,
              pista="El parámetro n del extractor de YAKE es el número máximo de palabras de "
                    "cada clave (tu `palabras`), y top es cuántas claves (tu `n`).")
