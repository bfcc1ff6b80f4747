import numpy as np
import torch
from comprobaciones import comprobar, llamar
from transformers import VideoMAEConfig, VideoMAEForVideoClassification


class Video(np.ndarray):
    """Un array de numpy normal que, en los mensajes, se presenta en una línea."""

    def __repr__(self):
        return f"<array de numpy {self.shape} {self.dtype}>"


def video_de_colores(total, alto=48, ancho=64):
    """Un vídeo en el que el fotograma i es gris uniforme de nivel 20 × i (así se reconoce)."""
    return np.stack([np.full((alto, ancho, 3), 20 * i, dtype=np.uint8)
                     for i in range(total)]).view(Video)


def fotogramas_elegidos(pixeles):
    """Qué fotograma de :func:`video_de_colores` hay en cada posición del clip (media 0,5,
    desviación 0,5: el valor normalizado v corresponde al nivel (v × 0,5 + 0,5) × 255)."""
    return [round((float(pixeles[0, j].mean()) * 0.5 + 0.5) * 255 / 20) for j in range(pixeles.shape[1])]


def comprobar_clip(pixeles, forma, entrada):
    if not isinstance(pixeles, torch.Tensor):
        if pixeles is None:
            comprobar(pixeles, forma, entrada)  # explica el None (¿print en vez de return?)
        comprobar(type(pixeles).__name__, "Tensor", entrada + " (tipo del resultado)",
                  pista='Pide return_tensors="pt" y devuelve solo el tensor: '
                        'procesador(...)["pixel_values"], no el diccionario entero.')
    comprobar(list(pixeles.shape), forma, entrada + " (forma de pixel_values)",
              pista="La forma es (vídeos, fotogramas, canales, alto, ancho): elige num_fotogramas "
                    'fotogramas y recorta a lado × lado con crop_size={"height": lado, "width": lado}.')


def test_indices_repartidos_por_todo_el_video(ejercicio):
    for total, num in [(8, 4), (300, 16), (16, 16), (10, 4), (3, 5), (1, 4)]:
        obtenido = llamar(ejercicio, "indices_fotogramas", total, num)
        entrada = f"total={total}, num_fotogramas={num}"
        esperado = np.linspace(0, total - 1, num).astype(int).tolist()
        pista = ("Usa np.linspace(0, total - 1, num_fotogramas) y trunca con .astype(int): el "
                 "primero es 0 y el último, total - 1 (no total).")
        if total < num:
            pista += " Con menos fotogramas que los pedidos, algunos índices se repiten: está bien."
        comprobar(None if obtenido is None else np.asarray(obtenido).tolist(), esperado, entrada,
                  pista=pista)
        comprobar(np.issubdtype(np.asarray(obtenido).dtype, np.integer), True,
                  entrada + " (¿son números enteros, que sirven de índice?)",
                  pista="Convierte los índices a enteros con .astype(int).")


def test_clip_con_la_forma_que_espera_videomae(ejercicio):
    entrada = "10 fotogramas de 48 × 64 píxeles, num_fotogramas=4, lado=32"
    pixeles = llamar(ejercicio, "preparar_clip", video_de_colores(10), 4, 32)
    comprobar_clip(pixeles, [1, 4, 3, 32, 32], entrada)
    torch.manual_seed(0)
    modelo = VideoMAEForVideoClassification(VideoMAEConfig(
        image_size=32, patch_size=8, num_frames=4, tubelet_size=2, hidden_size=32,
        num_hidden_layers=1, num_attention_heads=2, intermediate_size=64, num_labels=3)).eval()
    with torch.no_grad():
        logits = modelo(pixel_values=pixeles.float()).logits
    comprobar(list(logits.shape), [1, 3], entrada + " (logits de un VideoMAE diminuto con tu clip)")


def test_elige_los_fotogramas_repartidos(ejercicio):
    for total, num, lado in [(10, 4, 32), (12, 6, 16), (3, 5, 16)]:
        entrada = (f"un vídeo de {total} fotogramas grises de 48 × 64 píxeles (el i-ésimo, de nivel "
                   f"20 × i), num_fotogramas={num}, lado={lado}")
        pixeles = llamar(ejercicio, "preparar_clip", video_de_colores(total), num, lado)
        comprobar_clip(pixeles, [1, num, 3, lado, lado], entrada)
        comprobar(fotogramas_elegidos(pixeles), np.linspace(0, total - 1, num).astype(int).tolist(),
                  entrada + " (qué fotograma hay en cada posición del clip)",
                  pista="Elige los fotogramas con fotogramas[indices_fotogramas(len(fotogramas), "
                        "num_fotogramas)], no los primeros, y deja la normalización por defecto del "
                        "procesador (media 0,5 y desviación 0,5).")
