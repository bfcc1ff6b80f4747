"""Cuantización dinámica a int8 de las capas lineales.

La cuantización dinámica guarda los pesos de las capas ``torch.nn.Linear`` como enteros
de 8 bits en lugar de números de 32 bits: esas capas ocupan casi cuatro veces menos
(las demás, como la tabla de vectores de las piezas, se quedan igual) y las salidas cambian muy poco, sin
reentrenar. Completa ``cuantizar(modelo)``:

- usa ``torch.ao.quantization.quantize_dynamic`` para cuantizar **solo** las capas
  ``torch.nn.Linear`` (también las que están dentro de otros módulos) con
  ``dtype=torch.qint8``;
- devuelve el modelo cuantizado, que es una **copia**: el modelo original no debe
  cambiar (no uses ``inplace=True``).

Ejemplo::

    >>> modelo = torch.nn.Sequential(torch.nn.Linear(64, 128), torch.nn.ReLU(),
    ...                              torch.nn.Linear(128, 4))
    >>> cuantizar(modelo)
    Sequential(
      (0): DynamicQuantizedLinear(in_features=64, out_features=128, dtype=torch.qint8, ...)
      (1): ReLU()
      (2): DynamicQuantizedLinear(in_features=128, out_features=4, dtype=torch.qint8, ...)
    )

Capítulo: «Del cuaderno al mundo real», sección 5 (¿Cuánto ocupa? Cuantización dinámica
a int8).
"""

import torch


def cuantizar(modelo):
    raise NotImplementedError
