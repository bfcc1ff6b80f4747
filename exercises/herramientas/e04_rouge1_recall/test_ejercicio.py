from comprobaciones import comprobar, llamar


def test_ejemplo_del_enunciado(ejercicio):
    comprobar(llamar(ejercicio, "rouge1_recall", "el gato come pescado", "el gato duerme"),
              2 / 3, "'el gato come pescado', 'el gato duerme'", tipo=float,
              pista="Hay 2 palabras comunes («el» y «gato») y la referencia tiene 3: el recall es "
                    "2/3. Si te sale 0.5, has dividido entre las palabras del resumen "
                    "(eso es la precisión).")


def test_cuenta_las_repeticiones(ejercicio):
    casos = {("el el el gato", "el perro y el gato"): 3 / 5,
             ("el gato", "el gato y el perro y el loro"): 2 / 8,
             ("la casa de la playa", "la playa"): 1.0}
    for (resumen, referencia), esperado in casos.items():
        comprobar(llamar(ejercicio, "rouge1_recall", resumen, referencia), esperado,
                  f"{resumen!r}, {referencia!r}", tipo=float,
                  pista="Cuenta con repeticiones (Counter) y, para cada palabra, toma como comunes "
                        "el mínimo de sus dos cuentas: (contador1 & contador2) lo hace. El "
                        "denominador son todas las palabras de la referencia, repetidas incluidas.")


def test_mayusculas_y_signos(ejercicio):
    casos = {("¡El Gato duerme!", "el gato duerme."): 1.0,
             ("Hoy llueve, ¿verdad?", "Mañana saldrá el sol."): 0.0,
             ("Los eclipses de Sol.", "«Eclipses» de sol y de luna"): 3 / 6}
    for (resumen, referencia), esperado in casos.items():
        comprobar(llamar(ejercicio, "rouge1_recall", resumen, referencia), esperado,
                  f"{resumen!r}, {referencia!r}", tipo=float,
                  pista="Parte en palabras con simple_preprocess(texto, min_len=1, max_len=30): "
                        "pasa a minúsculas y quita los signos, así «¡El» y «el» son la misma "
                        "palabra.")


def test_referencia_vacia(ejercicio):
    for referencia in ["", "¡¿...?!"]:
        comprobar(llamar(ejercicio, "rouge1_recall", "el gato duerme", referencia), 0.0,
                  f"'el gato duerme', {referencia!r}", tipo=float,
                  pista="Si la referencia no tiene ninguna palabra, devuelve 0.0 en lugar de "
                        "dividir entre cero.")
