"""Preguntas: elegir el modelo base para textos en español.

Responde cada pregunta asignando a su variable una sola letra entre comillas, por
ejemplo ``RESPUESTA_1 = "a"``.

**Pregunta 1** (``RESPUESTA_1``). Vas a clasificar frases escolares **en español**.
¿Qué modelo base del Hub eliges para ajustar?

a) ``distilbert/distilbert-base-uncased``, preentrenado solo con textos en inglés.
b) ``distilbert/distilbert-base-multilingual-cased``, preentrenado con la Wikipedia de
   más de cien idiomas, entre ellos el español.
c) ``openai-community/gpt2``, un modelo generativo preentrenado en inglés.
d) Un *transformer* nuevo sin preentrenar, para que no arrastre nada de otros idiomas.

**Pregunta 2** (``RESPUESTA_2``). ¿Qué problema tiene ajustar un modelo con un
tokenizador *uncased* preentrenado solo en inglés para frases en español?

a) Que no puede procesar frases de más de diez palabras.
b) Solo que es más lento en CPU.
c) Parte muchas palabras españolas en trozos poco significativos y, al ser *uncased*,
   además quita tildes y mayúsculas: el modelo aprovecha poco de lo que aprendió.
d) Ninguno: el tokenizador no influye en el resultado.

Capítulo: «Clasificador multiclase», la parte sobre el modelo base (y «Modelos GPT»:
elegir un modelo base para el idioma).
"""

RESPUESTA_1 = None
RESPUESTA_2 = None
