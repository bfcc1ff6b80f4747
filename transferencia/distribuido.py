"""Entrenar con varios procesos (paralelismo de datos) a través de ``accelerate``.

``python -m transferencia entrenar --procesos N`` vuelve a lanzar **la misma orden** con
``accelerate launch`` (:func:`orden_lanzamiento`); el curso no arranca ni vigila procesos por
su cuenta. ``accelerate`` los arranca con ``torchrun`` y le dice a cada uno, en variables de
entorno, cuántos son (``WORLD_SIZE``) y cuál es él (``RANK``). ``Trainer`` hace el resto:
da a cada proceso una parte distinta de cada lote, promedia los gradientes y guarda el
modelo solo desde el proceso 0.

Con GPU, cada proceso usa una. Sin GPU, ``accelerate launch --cpu`` solo arranca varios
procesos a través de MPI (``mpirun``); por eso sin GPU se lanza con ``--multi_gpu`` (que
usa ``torchrun``) y ``ACCELERATE_USE_CPU=1``: cada proceso entrena en la CPU y se comunica
con los demás por *gloo*.
"""

from __future__ import annotations

import contextlib
import io
import os
import socket
import subprocess
import sys
from collections.abc import Iterator

from transferencia.errores import ErrorEntrada


def procesos() -> int:
    """Cuántos procesos entrenan juntos (``WORLD_SIZE``; 1 fuera de un lanzamiento)."""
    return int(os.environ.get("WORLD_SIZE", "1"))


def rango() -> int:
    """El número de este proceso, de 0 a :func:`procesos` - 1 (``RANK``)."""
    return int(os.environ.get("RANK", "0"))


def es_principal() -> bool:
    """``True`` en el proceso 0, el único que escribe la carpeta del modelo."""
    return rango() == 0


def lote_por_proceso(lote: int, n: int | None = None) -> int:
    """Frases por paso de cada proceso para que el lote **global** siga siendo ``lote``."""
    n = procesos() if n is None else n
    if lote % n:
        raise ErrorEntrada(f"el lote ({lote} frases) no se puede repartir a partes iguales "
                           f"entre {n} procesos: usa un --lote múltiplo de {n}.")
    return lote // n


def esperar_a_todos() -> None:
    """Barrera: ningún proceso sigue hasta que todos llegan (no hace nada con uno solo)."""
    import torch.distributed as dist

    if dist.is_available() and dist.is_initialized():
        dist.barrier()


def puerto_libre() -> int:
    """Un puerto TCP libre en esta máquina, para que los procesos se encuentren."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as conexion:
        conexion.bind(("127.0.0.1", 0))
        return conexion.getsockname()[1]


def hay_gpu_para(n: int) -> bool:
    """``True`` si hay al menos ``n`` GPU (una por proceso)."""
    import torch

    return torch.cuda.is_available() and torch.cuda.device_count() >= n


def orden_lanzamiento(argumentos: list[str], n: int, puerto: int | None = None) -> list[str]:
    """``accelerate launch`` con ``n`` procesos de ``python -m transferencia ARGUMENTOS``."""
    orden = [sys.executable, "-m", "accelerate.commands.launch", "--num_processes", str(n),
             "--num_machines", "1", "--mixed_precision", "no", "--dynamo_backend", "no",
             "--num_cpu_threads_per_process", "1",
             "--main_process_port", str(puerto or puerto_libre())]
    if n > 1:
        orden.append("--multi_gpu")  # torchrun: también con procesos de CPU (véase arriba)
    return orden + ["-m", "transferencia", *argumentos]


def lanzar(argumentos: list[str], n: int) -> int:
    """Ejecuta :func:`orden_lanzamiento` y devuelve su código de salida."""
    # Sin avisos de rendimiento de PyTorch en C++ (por ejemplo, el de find_unused_parameters).
    entorno = {**os.environ, "TOKENIZERS_PARALLELISM": "false", "TORCH_CPP_LOG_LEVEL": "ERROR"}
    if not hay_gpu_para(n):
        entorno["ACCELERATE_USE_CPU"] = "1"
    return subprocess.run(orden_lanzamiento(argumentos, n), env=entorno).returncode


@contextlib.contextmanager
def solo_el_principal_escribe() -> Iterator[None]:
    """En los procesos distintos del 0, descarta lo que se imprime (todos harían lo mismo)."""
    if es_principal():
        yield
        return
    with contextlib.redirect_stdout(io.StringIO()):
        yield


def avisos_de_procesos() -> list:
    """Con varios procesos, un ``TrainerCallback`` con el que cada uno dice, al empezar,
    quién es y qué parte de cada lote recibe (escribe en la salida real aunque
    :func:`solo_el_principal_escribe` esté descartando lo demás). Con uno solo, ``[]``."""
    if procesos() == 1:
        return []
    from transformers import TrainerCallback

    class AvisoDeProcesos(TrainerCallback):
        def on_train_begin(self, args, state, control, **kwargs):
            import torch.distributed as dist

            comunicacion = (f", se comunica por {dist.get_backend()}"
                            if dist.is_available() and dist.is_initialized() else "")
            print(f"Proceso {args.process_index} de {args.world_size} ({args.device.type}"
                  f"{comunicacion}): {args.per_device_train_batch_size} frases de cada lote "
                  f"de {args.train_batch_size * args.world_size}.",
                  file=sys.__stdout__, flush=True)

    return [AvisoDeProcesos()]
