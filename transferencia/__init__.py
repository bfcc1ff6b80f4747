"""Paquete compartido del *Curso de Transfer Learning*.

Reúne lo que usan a la vez los capítulos, la línea de órdenes, los ejercicios
y las pruebas:

- :mod:`transferencia.rutas`: carpetas del repositorio (datos, imágenes, salidas).
- :mod:`transferencia.datos`: lectura y validación de CSV ``text,label``.
- :mod:`transferencia.modelos`: elección del modelo base (Hub o respaldo local).
- :mod:`transferencia.metricas`: métricas sin conexión (scikit-learn).
- :mod:`transferencia.semillas`: reproducibilidad.
- :mod:`transferencia.entrenamiento` y :mod:`transferencia.clasificador`: recetas de
  entrenamiento y clasificadores guardados (los usa la línea de órdenes).
- :mod:`transferencia.texto`: tokenizador español sin conexión para Sumy y palabras vacías.
- :mod:`transferencia.corrector`: corrector de los ejercicios.
- :mod:`transferencia.experimentos` y :mod:`transferencia.gpt_diminuto`: utilidades de los
  capítulos de teoría (curvas de aprendizaje, GPT diminuto).
- :mod:`transferencia.cli`: ``python -m transferencia entrenar|evaluar|predecir|corregir``.
"""

__version__ = "0.1.0"
