"""Preguntas: las dos fases de un modelo GPT.

Responde cada pregunta asignando a su variable una sola letra entre comillas, por
ejemplo ``RESPUESTA_1 = "a"``.

**Pregunta 1** (``RESPUESTA_1``). ¿Qué aprende un GPT en la **fase 1**, el
preentrenamiento?

a) A predecir la siguiente pieza (*token*) de enormes cantidades de texto sin etiquetar.
b) A clasificar frases que unas personas etiquetaron a mano.
c) A adivinar palabras tapadas en mitad de la frase mirando a ambos lados.
d) Un diccionario para traducir palabra por palabra.

**Pregunta 2** (``RESPUESTA_2``). ¿Qué ocurre en la **fase 2**, el ajuste fino
(*fine-tuning*)?

a) Se vuelve a entrenar el modelo desde cero con los datos de la tarea.
b) Se sustituye el tokenizador por uno nuevo aprendido de los datos de la tarea.
c) Se sigue entrenando el modelo preentrenado con un conjunto mucho más pequeño de
   datos de la tarea concreta, normalmente con una tasa de aprendizaje pequeña.
d) Solo se cambian los hiperparámetros, sin entrenar nada.

Capítulo: «Modelos GPT», las partes sobre el preentrenamiento y el ajuste fino.
"""

RESPUESTA_1 = "a"
RESPUESTA_2 = "c"
