"""Preguntas: congelar capas o ajustarlas.

Responde cada pregunta asignando a su variable una sola letra entre comillas, por
ejemplo ``RESPUESTA_1 = "a"``.

**Pregunta 1** (``RESPUESTA_1``). ¿Qué significa **congelar** las capas del cuerpo
preentrenado de un modelo?

a) Guardarlas en disco para no perderlas.
b) No actualizar sus pesos durante el entrenamiento: conservan lo aprendido en el
   preentrenamiento y solo aprenden las demás partes (por ejemplo, la cabeza nueva).
c) Borrarlas para que el modelo ocupe menos.
d) Poner a cero la tasa de aprendizaje de todas las capas, incluida la cabeza.

**Pregunta 2** (``RESPUESTA_2``). Tienes muy pocos datos etiquetados. ¿Qué forma de
adaptar el modelo recomienda el curso (la transferencia gradual)?

a) Ajustar todas las capas a la vez con una tasa de aprendizaje alta, para aprender
   rápido.
b) Congelar la cabeza y entrenar solo el cuerpo.
c) Reiniciar los pesos del cuerpo y entrenarlo todo otra vez.
d) Entrenar primero la cabeza con el cuerpo congelado y después descongelar capas poco
   a poco, con una tasa de aprendizaje pequeña.

Capítulo: «Modelos GPT», la parte sobre los cinco pasos para adaptar un modelo.
"""

RESPUESTA_1 = "b"
RESPUESTA_2 = "d"
