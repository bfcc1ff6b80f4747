"""Argumentos de entrenamiento con `TrainingArguments`.

Completa ``crear_argumentos(carpeta, tasa_aprendizaje, epocas)`` para que devuelva un
objeto ``transformers.TrainingArguments`` que cumpla todo esto:

- guarda lo que haga falta en ``carpeta`` (``output_dir``);
- usa la tasa de aprendizaje ``tasa_aprendizaje`` y entrena ``epocas`` épocas;
- lotes de 16 frases en entrenamiento y de 64 en evaluación (por dispositivo);
- **evalúa al final de cada época** y registra la pérdida también en cada época;
- **no guarda** puntos de control (*checkpoints*) durante el entrenamiento;
- no envía informes a ningún servicio externo (``report_to="none"``);
- semilla 42.

Atención: el curso usa transformers 5. El argumento que decide cuándo evaluar se llama
``eval_strategy`` (el antiguo ``evaluation_strategy`` ya no existe).

Ejemplo::

    >>> argumentos = crear_argumentos("salidas/prueba", 5e-5, 3)
    >>> argumentos.learning_rate, argumentos.num_train_epochs, argumentos.eval_strategy.value
    (5e-05, 3, 'epoch')

Capítulo: «Clasificador binario», sección 7 (`TrainingArguments` y `Trainer`).
"""

from transformers import TrainingArguments


def crear_argumentos(carpeta, tasa_aprendizaje, epocas):
    return TrainingArguments(
        output_dir=str(carpeta),
        learning_rate=tasa_aprendizaje,
        num_train_epochs=epocas,
        per_device_train_batch_size=16,
        per_device_eval_batch_size=64,
        eval_strategy="epoch",
        logging_strategy="epoch",
        save_strategy="no",
        report_to="none",
        seed=42,
    )
