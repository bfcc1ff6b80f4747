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

a) Cada pieza atiende a todas las demás, las anteriores y las posteriores.
b) Su atención es causal: cada pieza solo atiende a las anteriores, lo que le permite
   generar texto pieza a pieza.
c) No tiene capas de atención, solo capas densas.
d) Necesita siempre un codificador delante para funcionar.

Capítulo: «Repaso de transformers», la parte sobre codificadores, decodificadores y
codificadores-decodificadores.
"""

RESPUESTA_1 = None
RESPUESTA_2 = None
