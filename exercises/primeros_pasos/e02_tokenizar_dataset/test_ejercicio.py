import datasets
from comprobaciones import comprobar, llamar, tokenizador_respaldo
from datasets import Dataset


datasets.disable_progress_bars()

FRASES = ["I love soup.",
          "The train to Madrid leaves at nine tomorrow morning from the main station.",
          "Grandma's homemade gnocchi were unbelievably fluffy!",
          "Hi",
          "We shared a huge bowl of spicy noodles after the concert.",
          "My phone fell into the swimming pool yesterday."]


class TokenizadorEspia:
    """Un tokenizador que funciona como el de verdad y anota cuántas frases recibe cada vez."""

    def __init__(self, tokenizador):
        self._tokenizador = tokenizador
        self.frases_por_llamada = []

    def __call__(self, textos, *args, **kwargs):
        self.frases_por_llamada.append(1 if isinstance(textos, str) else len(textos))
        return self._tokenizador(textos, *args, **kwargs)

    def __getattr__(self, nombre):
        if nombre.startswith("__") or nombre == "_tokenizador":
            raise AttributeError(nombre)
        return getattr(self._tokenizador, nombre)


def conjunto(frases=FRASES):
    return Dataset.from_dict({"text": list(frases), "label": [i % 2 for i in range(len(frases))]})


def comprobar_tipo(obtenido, tipo, entrada):
    """Falla con un mensaje claro si ``obtenido`` no es del tipo pedido."""
    if not isinstance(obtenido, tipo):
        comprobar(obtenido, tipo.__name__, entrada, tipo=tipo)


def entrada_de(datos, longitud):
    return f"un Dataset de {datos.num_rows} frases (columnas text y label), tokenizador, {longitud}"


def test_columnas_del_resultado(ejercicio):
    datos = conjunto()
    entrada = entrada_de(datos, 8)
    tokenizado = llamar(ejercicio, "tokenizar_dataset", datos, tokenizador_respaldo(), 8)
    comprobar_tipo(tokenizado, Dataset, entrada)
    columnas = set(tokenizado.column_names)
    comprobar(sorted(c for c in ["attention_mask", "input_ids", "label", "text"] if c in columnas),
              ["attention_mask", "input_ids", "label", "text"], entrada + " (columnas del resultado)",
              pista="Devuelve lo que da dataset.map(...): conserva las columnas de antes y añade "
                    "las que devuelve el tokenizador. No quites text ni label.")
    comprobar(tokenizado.num_rows, datos.num_rows, entrada + " (número de filas)")


def test_trunca_a_la_longitud_maxima(ejercicio):
    for longitud in (8, 12):
        datos = conjunto()
        entrada = entrada_de(datos, longitud)
        tokenizado = llamar(ejercicio, "tokenizar_dataset", datos, tokenizador_respaldo(), longitud)
        comprobar_tipo(tokenizado, Dataset, entrada)
        esperado = tokenizador_respaldo()(FRASES, truncation=True, max_length=longitud)["input_ids"]
        filas = tokenizado.to_list()
        # Si alguien rellena hasta longitud_maxima, se comparan solo las piezas reales.
        obtenido = [[i for i, m in zip(f.get("input_ids") or [], f.get("attention_mask") or []) if m]
                    for f in filas]
        pista = (f"Llama al tokenizador con truncation=True y max_length={longitud} (usa el "
                 "argumento longitud_maxima, no un número fijo).")
        comprobar([len(ids) for ids in obtenido], [len(ids) for ids in esperado],
                  entrada + " (número de piezas de cada frase, con [CLS] y [SEP])", pista=pista)
        comprobar(obtenido, esperado, entrada + " (input_ids de cada frase)", pista=pista)
        comprobar(max(len(f["input_ids"]) for f in filas) <= longitud, True,
                  entrada + f" (¿todas las frases tienen como mucho {longitud} piezas?)")


def test_tokeniza_por_lotes(ejercicio):
    datos = conjunto()
    espia = TokenizadorEspia(tokenizador_respaldo())
    llamar(ejercicio, "tokenizar_dataset", datos, espia, 8)
    llamadas = espia.frases_por_llamada
    obtenido = ("no se llamó al tokenizador" if not llamadas else
                "listas de varias frases" if max(llamadas) > 1 else "una frase cada vez")
    comprobar(obtenido, "listas de varias frases",
              entrada_de(datos, 8) + f" (qué recibió el tokenizador en sus {len(llamadas)} "
                                     "llamadas)",
              pista="Pasa batched=True a dataset.map: así tu función recibe lotes, "
                    "lote['text'] es una lista de frases y el tokenizador las procesa juntas.")
