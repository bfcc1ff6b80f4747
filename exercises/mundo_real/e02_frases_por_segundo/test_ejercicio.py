import time

from comprobaciones import comprobar, llamar


class RelojFalso:
    """Un reloj que solo avanza cuando el clasificador falso «trabaja»."""

    def __init__(self, inicio):
        self.inicio = self.ahora = inicio

    def __call__(self):
        return self.ahora

    def __repr__(self):
        return f"RelojFalso(empieza en {self.inicio})"


class ClasificadorFalso:
    """Tarda 0,1 s por llamada más 0,01 s por cada frase del lote (en el reloj falso)."""

    def __init__(self, reloj):
        self.reloj, self.lotes = reloj, []

    def __call__(self, lote):
        lote = list(lote)
        self.lotes.append(lote)
        self.reloj.ahora += 0.1 + 0.01 * len(lote)
        return ["etiqueta"] * len(lote)

    def __repr__(self):
        return "ClasificadorFalso(0.1 s por llamada + 0.01 s por frase)"


FRASES = [f"f{i}" for i in range(10)]


def medir(ejercicio, frases, tamano_lote, inicio):
    reloj = RelojFalso(inicio)
    clasificador = ClasificadorFalso(reloj)
    resultado = llamar(ejercicio, "frases_por_segundo", clasificador, list(frases),
                       tamano_lote=tamano_lote, reloj=reloj)
    return resultado, clasificador.lotes


def test_una_frase_cada_vez(ejercicio):
    frases = FRASES[:6]
    obtenido, lotes = medir(ejercicio, frases, 1, 1000.0)
    entrada = (f"{len(frases)} frases, tamano_lote=1, un clasificador que tarda 0.1 s por llamada "
               "+ 0.01 s por frase y un reloj falso que empieza en 1000.0")
    comprobar(lotes, [[f] for f in frases], entrada + " (lotes que recibió el clasificador)",
              pista="Llama a clasificar una vez por lote, con una lista: [frase] si tamano_lote=1.")
    comprobar(obtenido, 6 / (6 * 0.11), entrada, tipo=float,
              pista="Lee reloj() antes del primer lote y después del último, y divide el número "
                    "de frases entre la diferencia (no entre la última lectura).")


def test_por_lotes(ejercicio):
    obtenido, lotes = medir(ejercicio, FRASES, 4, 50.0)
    entrada = ("10 frases, tamano_lote=4, un clasificador que tarda 0.1 s por llamada + 0.01 s "
               "por frase y un reloj falso que empieza en 50.0")
    comprobar(lotes, [FRASES[0:4], FRASES[4:8], FRASES[8:10]],
              entrada + " (lotes que recibió el clasificador)",
              pista="Forma los lotes con cortes: for i in range(0, len(frases), tamano_lote): "
                    "clasificar(frases[i:i + tamano_lote]).")
    comprobar(obtenido, 10 / (3 * 0.1 + 10 * 0.01), entrada, tipo=float,
              pista="3 lotes: 0.3 s de coste fijo + 0.1 s por las 10 frases = 0.4 s; 10 / 0.4.")


def test_lista_vacia_y_reloj_por_defecto(ejercicio):
    obtenido, lotes = medir(ejercicio, [], 8, 0.0)
    comprobar(obtenido, 0.0, "[] (ninguna frase), tamano_lote=8", tipo=float,
              pista="Con una lista vacía, devuelve 0.0 antes de medir nada (sin dividir entre 0).")
    comprobar(lotes, [], "[] (lotes que recibió el clasificador)",
              pista="Con una lista vacía no hay que llamar al clasificador.")

    def clasificar_de_verdad(lote):
        time.sleep(0.001)
        return [len(frase) for frase in lote]

    obtenido = llamar(ejercicio, "frases_por_segundo", clasificar_de_verdad, FRASES[:3])
    entrada = "3 frases que tardan 1 ms cada una, sin tamano_lote ni reloj (el reloj real)"
    comprobar(type(obtenido).__name__, "float", entrada + " (tipo del resultado)",
              pista="Devuelve un número decimal (float): frases / segundos.")
    comprobar(0 < obtenido < 2000, True, entrada + f" (¿0 < {obtenido:.1f} < 2000 frases/s?)",
              pista="Tres llamadas que duermen 1 ms cada una tardan al menos 3 ms: como mucho "
                    "1000 frases por segundo. Usa reloj=time.perf_counter por defecto.")
