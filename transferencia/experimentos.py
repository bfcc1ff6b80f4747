"""Experimentos del capítulo de *transfer learning*: curvas de aprendizaje.

Reúne las piezas que se repiten al comparar métodos con pocos datos:

- :func:`submuestra_estratificada`: ``n`` frases de entrenamiento con todas las clases.
- :func:`embeddings_medios`: vectores de frase de un codificador (media de sus *tokens*).
- :func:`ajustar_y_predecir`: bucle de PyTorch que ajusta un clasificador y predice.
- :func:`curva_aprendizaje`: F1 macro y segundos de cada método para cada tamaño.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence

import numpy as np
import pandas as pd


def submuestra_estratificada(df: pd.DataFrame, n: int, semilla: int = 0) -> pd.DataFrame:
    """Elige ``n`` filas de ``df`` con al menos una de cada etiqueta.

    Reparte las ``n`` filas entre las clases en proporción a su tamaño (como
    mínimo una por clase) y las escoge al azar con ``semilla``. La misma
    semilla da siempre la misma muestra. Lanza ``ValueError`` si ``n`` es menor
    que el número de clases o mayor que el número de filas.
    """
    recuento = df["label"].value_counts().sort_index()
    if n < len(recuento):
        raise ValueError(f"hacen falta al menos {len(recuento)} frases (una por clase), no {n}.")
    if n > len(df):
        raise ValueError(f"solo hay {len(df)} frases: no se pueden elegir {n}.")
    # Cuota proporcional con un mínimo de 1; el resto se reparte por mayor residuo.
    ideal = recuento / recuento.sum() * n
    cuota = np.maximum(1, np.floor(ideal)).astype(int)
    cuota = np.minimum(cuota, recuento)
    residuo = (ideal - np.floor(ideal)).sort_values(ascending=False, kind="stable")
    while cuota.sum() < n:
        for etiqueta in residuo.index:
            if cuota.sum() < n and cuota[etiqueta] < recuento[etiqueta]:
                cuota[etiqueta] += 1
    while cuota.sum() > n:  # los mínimos de 1 pueden pasarse: se quita a las clases grandes
        etiqueta = (cuota - 1).idxmax()
        cuota[etiqueta] -= 1
    generador = np.random.default_rng(semilla)
    partes = []
    for etiqueta, cantidad in cuota.items():
        grupo = df[df["label"] == etiqueta]
        elegidas = generador.choice(len(grupo), size=int(cantidad), replace=False)
        partes.append(grupo.iloc[np.sort(elegidas)])
    muestra = pd.concat(partes)
    orden = generador.permutation(len(muestra))
    return muestra.iloc[orden].reset_index(drop=True)


def embeddings_medios(textos: Sequence[str], modelo, tokenizador, lote: int = 64,
                      longitud_maxima: int = 64) -> np.ndarray:
    """Vector de cada frase: media de los estados ocultos de sus *tokens* reales.

    ``modelo`` es un codificador de ``transformers`` (por ejemplo ``AutoModel``);
    el relleno (``[PAD]``) no cuenta en la media gracias a la máscara de
    atención. Un codificador de frases que ya devuelve **un solo vector por frase** (una
    «secuencia» de longitud 1, como USE-m3) se usa tal cual. Devuelve una matriz
    ``(len(textos), tamaño_oculto)``.
    """
    import torch

    modelo.eval()
    partes = []
    with torch.no_grad():
        for inicio in range(0, len(textos), lote):
            entrada = tokenizador(list(textos[inicio:inicio + lote]), padding=True,
                                  truncation=True, max_length=longitud_maxima,
                                  return_tensors="pt")
            estados = modelo(**entrada).last_hidden_state
            if estados.shape[1] == 1 and entrada["input_ids"].shape[1] != 1:
                partes.append(estados[:, 0].numpy())  # ya es el vector de la frase
                continue
            mascara = entrada["attention_mask"].unsqueeze(-1).to(estados.dtype)
            partes.append(((estados * mascara).sum(1) / mascara.sum(1)).numpy())
    if not partes:
        return np.zeros((0, modelo.config.hidden_size), dtype=np.float32)
    return np.concatenate(partes)


def ajustar_y_predecir(modelo, tokenizador, textos: Sequence[str], etiquetas: Sequence[int],
                       textos_prueba: Sequence[str], epocas: int = 5, tasa: float = 5e-5,
                       lote: int = 16, semilla: int = 0,
                       longitud_maxima: int = 64) -> np.ndarray:
    """Ajusta ``modelo`` (``AutoModelForSequenceClassification``) y predice la prueba.

    Es un bucle de entrenamiento de PyTorch mínimo: AdamW con tasa constante,
    lotes barajados con ``semilla`` y ``epocas`` pasadas por los datos.
    Devuelve los identificadores de clase predichos para ``textos_prueba``.
    """
    import torch

    generador = torch.Generator().manual_seed(semilla)
    y = torch.as_tensor(list(etiquetas), dtype=torch.long)
    # fused=True: en CPU, la actualización de AdamW es varias veces más rápida.
    optimizador = torch.optim.AdamW(modelo.parameters(), lr=tasa, fused=True)
    modelo.train()
    for _ in range(epocas):
        orden = torch.randperm(len(textos), generator=generador)
        for inicio in range(0, len(textos), lote):
            indices = orden[inicio:inicio + lote].tolist()
            entrada = tokenizador([textos[i] for i in indices], padding=True, truncation=True,
                                  max_length=longitud_maxima, return_tensors="pt")
            perdida = modelo(**entrada, labels=y[indices]).loss
            optimizador.zero_grad()
            perdida.backward()
            optimizador.step()
    modelo.eval()
    predicciones = []
    with torch.no_grad():
        for inicio in range(0, len(textos_prueba), 64):
            entrada = tokenizador(list(textos_prueba[inicio:inicio + 64]), padding=True,
                                  truncation=True, max_length=longitud_maxima,
                                  return_tensors="pt")
            predicciones.append(modelo(**entrada).logits.argmax(-1).numpy())
    return np.concatenate(predicciones) if predicciones else np.zeros(0, dtype=int)


Metodo = Callable[[pd.DataFrame, pd.DataFrame, int], Sequence[str]]


def curva_aprendizaje(metodos: dict[str, Metodo], entrenamiento: pd.DataFrame,
                      prueba: pd.DataFrame, tamanos: Iterable[int],
                      semillas: Iterable[int] = (0,)) -> pd.DataFrame:
    """Mide cada método con ``n`` frases de entrenamiento, para cada ``n`` de ``tamanos``.

    Cada método es una función ``metodo(muestra, prueba, semilla) -> etiquetas predichas``
    que entrena con la submuestra (:func:`submuestra_estratificada`) y predice las frases de
    ``prueba``; ``semilla`` sirve para que el azar del propio método (pesos iniciales, orden
    de los lotes) cambie con cada repetición. Para cada tamaño y semilla, todos los métodos
    reciben **la misma** submuestra. Devuelve una tabla con las columnas ``metodo``, ``n``,
    ``semilla``, ``f1_macro``, ``segundos`` (entrenar y predecir) y ``predichas`` (la lista
    de etiquetas predichas, para compararlas después frase a frase).
    """
    from transferencia.metricas import f1_macro

    filas = []
    reales = prueba["label"].tolist()
    clases = sorted(set(entrenamiento["label"]))
    for n in tamanos:
        for semilla in semillas:
            muestra = submuestra_estratificada(entrenamiento, n, semilla)
            for nombre, metodo in metodos.items():
                inicio = time.perf_counter()
                predichas = list(metodo(muestra, prueba, semilla))
                segundos = time.perf_counter() - inicio
                if len(predichas) != len(reales):
                    raise ValueError(f"el método {nombre!r} devolvió {len(predichas)} "
                                     f"predicciones para {len(reales)} frases de prueba.")
                filas.append({
                    "metodo": nombre, "n": int(n), "semilla": int(semilla),
                    "f1_macro": f1_macro(reales, predichas, clases),
                    "segundos": segundos, "predichas": predichas,
                })
    return pd.DataFrame(filas, columns=["metodo", "n", "semilla", "f1_macro", "segundos",
                                        "predichas"])
