from comprobaciones import comprobar_respuesta


def test_pregunta_1_fase_1_preentrenamiento(ejercicio):
    comprobar_respuesta(ejercicio, "RESPUESTA_1",
                        "86a136c710c1971213ace2b3ace748615466a90ef7769661f773ff0dc86856cf")


def test_pregunta_2_fase_2_ajuste_fino(ejercicio):
    comprobar_respuesta(ejercicio, "RESPUESTA_2",
                        "fe5e7109970069569e326b81dc8c26c1d161a8402a7b511f6845e0754e392d99")
