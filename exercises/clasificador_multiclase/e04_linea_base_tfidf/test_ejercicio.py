import numpy as np
from comprobaciones import comprobar, llamar

EJEMPLOS = {
    "Matemáticas": ["Resuelve la ecuación de segundo grado.",
                    "Calcula el área del triángulo rectángulo.",
                    "La derivada de una función cuadrática es lineal.",
                    "Simplifica la fracción antes de sumar.",
                    "Dibuja la gráfica de la función y marca sus cortes."],
    "Historia": ["Los romanos conquistaron la península ibérica.",
                 "La guerra civil española empezó en 1936.",
                 "Carlos V fue rey de España y emperador.",
                 "La revolución francesa acabó con el antiguo régimen.",
                 "Los Reyes Católicos unieron las coronas de Castilla y Aragón."],
    "Educación Física": ["Calentamos diez minutos antes de correr.",
                         "El partido de baloncesto tiene cuatro cuartos.",
                         "Estira bien los gemelos después de correr.",
                         "Haz veinte flexiones y treinta abdominales.",
                         "Hoy jugamos al voleibol en el gimnasio."],
}
TEXTOS = [t for frases in EJEMPLOS.values() for t in frases]
ETIQUETAS = [e for e, frases in EJEMPLOS.items() for _ in frases]
NUEVAS = {"Calcula la derivada de la función.": "Matemáticas",
          "¿Cuándo empezó la guerra de la independencia?": "Historia",
          "Después de correr, estira los brazos.": "Educación Física",
          "El área de un círculo.": "Matemáticas",
          "El emperador y el rey de Castilla.": "Historia",
          "Jugamos un partido en el gimnasio.": "Educación Física"}
ENTRADA = "15 frases de Matemáticas, Historia y Educación Física (5 de cada)"


def entrenar(ejercicio):
    modelo = llamar(ejercicio, "linea_base", list(TEXTOS), list(ETIQUETAS))
    comprobar(type(modelo).__name__, "Pipeline", ENTRADA + " (tipo del objeto devuelto)",
              pista="Devuelve el pipeline de scikit-learn ya entrenado: "
                    "make_pipeline(...).fit(textos, etiquetas) lo devuelve.")
    return modelo


def test_pipeline_tfidf_y_regresion_logistica(ejercicio):
    modelo = entrenar(ejercicio)
    comprobar([type(paso).__name__ for _, paso in modelo.steps],
              ["TfidfVectorizer", "LogisticRegression"], ENTRADA + " (pasos del pipeline)",
              pista="El pipeline tiene dos pasos: TfidfVectorizer y luego LogisticRegression.")
    comprobar(sorted(str(c) for c in getattr(modelo, "classes_", [])),
              sorted(EJEMPLOS), ENTRADA + " (clases que conoce el modelo entrenado)",
              pista="¿Has llamado a fit con los textos y las etiquetas?")


def test_acierta_frases_nuevas(ejercicio):
    modelo = entrenar(ejercicio)
    predichas = [str(p) for p in llamar(modelo, "predict", list(NUEVAS))]
    aciertos = sum(p == r for p, r in zip(predichas, NUEVAS.values()))
    if aciertos < 5:  # al menos 5 de 6
        comprobar(dict(zip(NUEVAS, predichas)), NUEVAS, ENTRADA + "; predicción de frases nuevas",
                  pista="Una línea base TF-IDF debería acertar al menos 5 de estas 6 frases, "
                        "que comparten palabras con las de entrenamiento.")


def test_da_probabilidades(ejercicio):
    modelo = entrenar(ejercicio)
    probabilidades = np.asarray(llamar(modelo, "predict_proba", list(NUEVAS)))
    comprobar([list(probabilidades.shape), probabilidades.sum(axis=1).round(6).tolist()],
              [[6, 3], [1.0] * 6], ENTRADA + "; predict_proba de 6 frases nuevas "
                                             "(forma y suma de cada fila)",
              pista="LogisticRegression da probabilidades con predict_proba; cada fila suma 1.")
