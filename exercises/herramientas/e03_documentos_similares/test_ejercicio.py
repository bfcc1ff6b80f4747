import gensim.similarities  # noqa: F401 - importa Gensim antes de las pruebas
from comprobaciones import comprobar, llamar

from transferencia.texto import stop_words_es

stop_words_es()  # carga ya las palabras vacías de spaCy (tarda un poco)

DOCUMENTOS = [
    "La tortilla de patatas lleva huevo, patata y cebolla.",
    "Los eclipses de sol ocurren cuando la Luna tapa el Sol.",
    "Compramos electrodomésticos nuevos para la cocina: una nevera y un horno.",
    "El fútbol se juega con once jugadores en cada equipo.",
    "La Luna gira alrededor de la Tierra y provoca las mareas.",
    "Limpiamos la cocina de casa.",
    "En el partido de fútbol de ayer marcaron tres goles.",
]
ENTRADA = ("7 documentos (0 tortilla, 1 eclipses, 2 electrodomésticos, 3 fútbol, 4 Luna, "
           "5 cocina, 6 partido)")
PISTA = ("Dictionary → doc2bow → TfidfModel → MatrixSimilarity(tfidf[bolsas], "
         "num_features=len(diccionario)); la consulta, con preprocesar, doc2bow y tfidf.")


def test_preprocesar(ejercicio):
    casos = {
        "Compramos electrodomésticos para la cocina": ["compramos", "electrodomésticos", "cocina"],
        "¿Cuándo hay eclipses de sol?": ["eclipses", "sol"],
        "Mi vecino prefiere la tortilla con cebolla.":
            ["vecino", "prefiere", "tortilla", "cebolla"],
    }
    for texto, esperado in casos.items():
        comprobar(llamar(ejercicio, "preprocesar", texto), esperado, repr(texto), tipo=list,
                  pista="simple_preprocess(texto, min_len=3, max_len=30) y quita las palabras que "
                        "estén en stop_words_es(). Con el max_len=15 por defecto se pierde "
                        "«electrodomésticos» (17 letras).")


def test_consulta_clara(ejercicio):
    consulta = "¿Cuándo hay eclipses de sol?"
    comprobar(llamar(ejercicio, "mas_similares", list(DOCUMENTOS), consulta, k=1), [1],
              f"{ENTRADA}, {consulta!r}, k=1", tipo=list,
              pista="Devuelve una lista de posiciones (int) de `documentos`, no los textos ni las "
                    "similitudes. " + PISTA)


def test_del_mas_parecido_al_menos(ejercicio):
    casos = {"La Luna y los eclipses": [1, 4], "goles del equipo de fútbol": [3, 6]}
    for consulta, esperado in casos.items():
        comprobar(llamar(ejercicio, "mas_similares", list(DOCUMENTOS), consulta, k=2), esperado,
                  f"{ENTRADA}, {consulta!r}, k=2", tipo=list,
                  pista="Ordena de mayor a menor similitud: np.argsort(-similitudes). Quita las "
                        "palabras vacías («con», «cada», «los»...): si no, también cuentan en "
                        "TF-IDF.")


def test_palabras_largas(ejercicio):
    consulta = "Los electrodomésticos de la cocina"
    comprobar(llamar(ejercicio, "mas_similares", list(DOCUMENTOS), consulta, k=2), [2, 5],
              f"{ENTRADA}, {consulta!r}, k=2", tipo=list,
              pista="«electrodomésticos» tiene 17 letras: con el max_len=15 por defecto, "
                    "simple_preprocess la descarta. Usa max_len=30 en preprocesar, y usa "
                    "preprocesar también para la consulta.")
