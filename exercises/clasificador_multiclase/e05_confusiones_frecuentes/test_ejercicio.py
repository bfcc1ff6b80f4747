from comprobaciones import comprobar, llamar


def test_ejemplo_del_enunciado(ejercicio):
    reales = ["Historia", "Historia", "Artes", "Historia", "Artes"]
    predichas = ["Artes", "Artes", "Historia", "Historia", "Artes"]
    comprobar(llamar(ejercicio, "confusiones_frecuentes", reales, predichas, 2),
              [(("Historia", "Artes"), 2), (("Artes", "Historia"), 1)],
              f"{reales!r}, {predichas!r}, 2", tipo=list)


def test_los_aciertos_no_cuentan(ejercicio):
    reales = ["Matemáticas", "Historia", "Ninguna", "Historia", "Ninguna", "Ninguna"]
    predichas = ["Matemáticas", "Historia", "Ninguna", "Historia", "Ninguna", "Geografía"]
    comprobar(llamar(ejercicio, "confusiones_frecuentes", reales, predichas, 3),
              [(("Ninguna", "Geografía"), 1)], f"{reales!r}, {predichas!r}, 3", tipo=list,
              pista="Los aciertos (real == predicha) no son confusiones: aquí solo hay un "
                    "error, así que la lista tiene un solo par aunque n sea 3.")


def test_empates_en_orden_alfabetico(ejercicio):
    reales = ["Geografía", "Historia", "Artes", "Geografía", "Historia", "Artes", "Ninguna"]
    predichas = ["Historia", "Geografía", "Historia", "Historia", "Artes", "Historia", "Ninguna"]
    pares = ", ".join(f"{r}→{p}" for r, p in zip(reales, predichas))
    comprobar(llamar(ejercicio, "confusiones_frecuentes", reales, predichas, 3),
              [(("Artes", "Historia"), 2), (("Geografía", "Historia"), 2),
               (("Historia", "Artes"), 1)],
              f"pares real→predicha: {pares}; n=3", tipo=list,
              pista="Con empate, ordena por el par (real, predicha) en orden alfabético.")
