from comprobaciones import comprobar_respuesta


def test_pregunta_1_modelo_base_para_espanol(ejercicio):
    comprobar_respuesta(ejercicio, "RESPUESTA_1",
                        "cfe06226ea4f8e58c94da610fb770fe76a0385054d7e27fcf2bc2f964c6159a2")


def test_pregunta_2_tokenizador_ingles_con_espanol(ejercicio):
    comprobar_respuesta(ejercicio, "RESPUESTA_2",
                        "fe5e7109970069569e326b81dc8c26c1d161a8402a7b511f6845e0754e392d99")
