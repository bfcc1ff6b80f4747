"""Preguntas: las ventajas del aprendizaje por transferencia.

Responde cada pregunta asignando a su variable una sola letra entre comillas, por
ejemplo ``RESPUESTA_1 = "a"``.

**Pregunta 1** (``RESPUESTA_1``). ¿Cuál de estas afirmaciones **no** es una ventaja del
aprendizaje por transferencia?

a) Cuesta mucho menos cálculo y tiempo que entrenar un modelo desde cero.
b) Da buenos resultados con pocos ejemplos etiquetados.
c) Garantiza que el modelo acierte aunque los datos nuevos sean muy distintos de
   aquellos con los que se preentrenó.
d) Permite adaptar un modelo general a un dominio concreto (medicina, derecho, el
   aula...).

**Pregunta 2** (``RESPUESTA_2``). Tienes 250 frases etiquetadas para una tarea nueva de
clasificación. ¿Qué plan es el más sensato?

a) Ajustar un modelo preentrenado y compararlo con una línea base sencilla entrenada
   con las mismas frases.
b) Entrenar un *transformer* desde cero solo con esas 250 frases.
c) Usar el modelo preentrenado tal cual, sin ajustarlo ni añadirle cabeza: ya sabe
   clasificar cualquier cosa.
d) Añadir las frases de prueba al entrenamiento para tener más datos.

Capítulo: «Transfer learning» (las ventajas, con sus experimentos) y la sección 10 de
«Clasificador binario».
"""

RESPUESTA_1 = None
RESPUESTA_2 = None
