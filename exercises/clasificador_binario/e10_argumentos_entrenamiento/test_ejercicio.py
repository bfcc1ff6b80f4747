from comprobaciones import comprobar, llamar
from transformers import Trainer, TrainingArguments  # noqa: F401 (Trainer: importa todo antes)


def comprobar_tipo(obtenido, tipo, entrada):
    """Falla con un mensaje claro si ``obtenido`` no es del tipo pedido."""
    if not isinstance(obtenido, tipo):
        comprobar(obtenido, tipo.__name__, entrada, tipo=tipo)


def valor(x):
    """El texto de una opción de ``TrainingArguments`` (``IntervalStrategy.EPOCH`` → ``"epoch"``)."""
    return getattr(x, "value", x)


def crear(ejercicio, carpeta, tasa, epocas):
    entrada = f"carpeta={str(carpeta)!r}, tasa_aprendizaje={tasa}, epocas={epocas}"
    argumentos = llamar(ejercicio, "crear_argumentos", carpeta, tasa, epocas)
    comprobar_tipo(argumentos, TrainingArguments, entrada)
    return argumentos, entrada


def test_devuelve_training_arguments_en_la_carpeta(ejercicio):
    carpeta = "salidas/argumentos_prueba"
    argumentos, entrada = crear(ejercicio, carpeta, 5e-5, 3)
    comprobar(str(argumentos.output_dir), carpeta, entrada + " (output_dir)",
              pista="Pasa la carpeta como output_dir.")


def test_hiperparametros(ejercicio):
    for tasa, epocas in [(5e-5, 3), (2e-5, 1)]:
        argumentos, entrada = crear(ejercicio, "salidas/argumentos_prueba", tasa, epocas)
        comprobar({"learning_rate": argumentos.learning_rate,
                   "num_train_epochs": argumentos.num_train_epochs,
                   "per_device_train_batch_size": argumentos.per_device_train_batch_size,
                   "per_device_eval_batch_size": argumentos.per_device_eval_batch_size,
                   "seed": argumentos.seed},
                  {"learning_rate": tasa, "num_train_epochs": epocas,
                   "per_device_train_batch_size": 16, "per_device_eval_batch_size": 64,
                   "seed": 42},
                  entrada, pista="Usa los valores que recibe la función, no números fijos, "
                                 "y revisa los tamaños de lote del enunciado.")


def test_evalua_cada_epoca_sin_guardar_ni_informar(ejercicio):
    argumentos, entrada = crear(ejercicio, "salidas/argumentos_prueba", 3e-5, 2)
    comprobar({"eval_strategy": valor(argumentos.eval_strategy),
               "logging_strategy": valor(argumentos.logging_strategy),
               "save_strategy": valor(argumentos.save_strategy),
               "report_to": list(argumentos.report_to or [])},
              {"eval_strategy": "epoch", "logging_strategy": "epoch", "save_strategy": "no",
               "report_to": []},
              entrada, pista='En transformers 5: eval_strategy="epoch", logging_strategy="epoch", '
                             'save_strategy="no" y report_to="none".')
