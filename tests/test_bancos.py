"""Las frases del libro sobre tiempos medidos salen de los JSON de make bench."""

import json

from transferencia import bancos


def test_sin_medidas_lo_dice(monkeypatch, tmp_path):
    monkeypatch.setattr(bancos, "SUPLENTES", tmp_path / "no_existe.json")
    assert "todavía no hay medida" in bancos.tiempo_en_linea("binario")


def test_con_medidas_cita_el_modelo_el_tiempo_y_la_memoria(monkeypatch, tmp_path):
    archivo = tmp_path / "r.json"
    archivo.write_text(json.dumps({"maquina": {"nucleos": 2}, "capitulos": [
        {"capitulo": "binario", "modelo": "distilbert/distilbert-base-uncased",
         "parametros": 66_955_010, "segundos": 95.4, "pico_rss_entrenamiento_mb": 1536},
        {"capitulo": "multiclase", "modelo": "m", "parametros": 1e8, "segundos": 600}]}),
        encoding="utf-8")
    monkeypatch.setattr(bancos, "SUPLENTES", archivo)
    frase = bancos.tiempo_en_linea("binario")
    assert "`distilbert/distilbert-base-uncased`, 67 millones" in frase
    assert "unos 95 s y unos 1,5 GB de memoria en una CPU de 2 núcleos" in frase
    assert "unos 10 minutos" in bancos.tiempo_en_linea("multiclase")
    assert bancos.medida_en_linea("otro") is None
