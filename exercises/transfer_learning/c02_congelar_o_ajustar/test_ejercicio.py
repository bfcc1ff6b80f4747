from comprobaciones import comprobar_respuesta


def test_pregunta_1_que_es_congelar(ejercicio):
    comprobar_respuesta(ejercicio, "RESPUESTA_1",
                        "cfe06226ea4f8e58c94da610fb770fe76a0385054d7e27fcf2bc2f964c6159a2")


def test_pregunta_2_transferencia_gradual(ejercicio):
    comprobar_respuesta(ejercicio, "RESPUESTA_2",
                        "4eed4b042771dbceaf3089959e92240a0b32dad4ea8acd01e792c35a96f80b29")
