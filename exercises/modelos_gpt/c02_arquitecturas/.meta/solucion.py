"""Preguntas: codificador, decodificador o codificador-decodificador.

Responde cada pregunta asignando a su variable una sola letra entre comillas, por
ejemplo ``RESPUESTA_1 = "a"``.

**Pregunta 1** (``RESPUESTA_1``). Quieres **clasificar frases** (como `food` /
`not_food`). ¿Qué arquitectura es la habitual?

a) Solo decodificador, como GPT-2, porque genera texto.
b) Codificador-decodificador, como T5, porque tiene más partes y siempre es mejor.
c) Ninguna: los *transformers* no sirven para clasificar.
d) Solo codificador, como BERT o DistilBERT: lee la frase entera en ambas direcciones
   y su representación alimenta una cabeza de clasificación.

**Pregunta 2** (``RESPUESTA_2``). ¿Qué caracteriza a un **decodificador** como GPT?

a) Cada *token* atiende a todos los demás, los anteriores y los posteriores.
b) Su atención es causal: cada *token* solo atiende a los anteriores, lo que le permite
   generar texto *token* a *token*.
c) No tiene capas de atención, solo capas densas.
d) Necesita siempre un codificador delante para funcionar.

Capítulo: «Repaso de transformers», la parte sobre codificadores, decodificadores y
codificadores-decodificadores.
"""

RESPUESTA_1 = "d"
RESPUESTA_2 = "b"
