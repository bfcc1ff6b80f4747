from comprobaciones import comprobar, llamar, tokenizador_respaldo


def test_ejemplo_del_enunciado(ejercicio):
    frase = "Homemade gnocchi!"
    comprobar(llamar(ejercicio, "contar_piezas", tokenizador_respaldo(), frase), 5,
              f"tokenizador, {frase!r}", tipo=int)
    comprobar(llamar(ejercicio, "palabras_partidas", tokenizador_respaldo(), frase), ["gnocchi!"],
              f"tokenizador, {frase!r}", tipo=list)


def test_contar_piezas_sin_tokens_especiales(ejercicio):
    casos = {"I love soup.": 4,
             "Grandma's homemade gnocchi were unbelievably fluffy!": 15,
             "Ayer comimos tortilla de patatas en Salamanca.": 15}
    for frase, esperado in casos.items():
        comprobar(llamar(ejercicio, "contar_piezas", tokenizador_respaldo(), frase), esperado,
                  f"tokenizador, {frase!r}", tipo=int,
                  pista="No cuentes [CLS] ni [SEP]: `tokenizador.tokenize(frase)` no los añade, "
                        "pero `tokenizador(frase)['input_ids']` sí.")


def test_palabras_partidas(ejercicio):
    casos = {"The quesadillas and the ratatouille were delicious.": ["quesadillas", "ratatouille"],
             "Ayer comimos tortilla de patatas en Salamanca.": ["Ayer", "comimos", "tortilla",
                                                                "patatas"]}
    for frase, esperado in casos.items():
        comprobar(llamar(ejercicio, "palabras_partidas", tokenizador_respaldo(), frase), esperado,
                  f"tokenizador, {frase!r}", tipo=list,
                  pista="Tokeniza cada palabra de frase.split() y mira si alguna pieza empieza "
                        "por '##'. Devuelve la palabra original, no las piezas.")
