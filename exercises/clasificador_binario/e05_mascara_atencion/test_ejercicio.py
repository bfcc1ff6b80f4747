import copy

from comprobaciones import comprobar, llamar, tokenizador_respaldo


def test_ejemplo_del_enunciado(ejercicio):
    secuencias = [[101, 1045, 2293, 102], [101, 102]]
    entrada = f"{secuencias!r}, id_relleno=0"  # antes de llamar, por si se modifican
    comprobar(llamar(ejercicio, "rellenar_con_mascara", secuencias, 0),
              {"input_ids": [[101, 1045, 2293, 102], [101, 102, 0, 0]],
               "attention_mask": [[1, 1, 1, 1], [1, 1, 0, 0]]},
              entrada, tipo=dict)


def test_igual_que_el_tokenizador(ejercicio):
    frases = ["Pizza!", "I love soup."]
    sin_relleno = tokenizador_respaldo()(frases)["input_ids"]
    con_relleno = tokenizador_respaldo()(frases, padding=True)
    entrada = (f"{sin_relleno!r}, id_relleno={tokenizador_respaldo().pad_token_id} "
               "(de 'Pizza!' y 'I love soup.')")
    comprobar(llamar(ejercicio, "rellenar_con_mascara", sin_relleno, tokenizador_respaldo().pad_token_id),
              {"input_ids": con_relleno["input_ids"],
               "attention_mask": con_relleno["attention_mask"]},
              entrada, tipo=dict,
              pista="Rellena por la derecha hasta la longitud de la más larga.")


def test_otro_id_de_relleno_y_no_modifica_la_entrada(ejercicio):
    secuencias = [[5, 6], [7], [8, 9, 10, 11], [1, 2, 3]]
    original = copy.deepcopy(secuencias)
    resultado = llamar(ejercicio, "rellenar_con_mascara", secuencias, -1)
    comprobar(resultado,
              {"input_ids": [[5, 6, -1, -1], [7, -1, -1, -1], [8, 9, 10, 11], [1, 2, 3, -1]],
               "attention_mask": [[1, 1, 0, 0], [1, 0, 0, 0], [1, 1, 1, 1], [1, 1, 1, 0]]},
              f"{original!r}, id_relleno=-1", tipo=dict)
    comprobar(secuencias, original, "las listas de entrada después de llamar a tu función",
              pista="No modifiques las listas que recibes (nada de `append` o `extend` sobre "
                    "ellas): construye listas nuevas.")
