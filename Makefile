# Curso de Transfer Learning: órdenes para construir el libro y pasar las pruebas.
#   make libro     crea .venv si falta, instala requirements.txt y construye el libro HTML
#   make test      todo lo que comprueba la integración continua (pruebas + libro desde cero)
#   make pruebas   solo las pruebas que no necesitan el libro construido (bucle rápido)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALADO := $(VENV)/.instalado
JB_OPCIONES := -W -n --keep-going
PRUEBA := _build/prueba
# La ruta del Hub sin conexión: modelos suplentes (pesos al azar) con los identificadores del Hub.
PRUEBA_HUB := _build/prueba_hub
SUPLENTES := $(CURDIR)/_build/hf_suplentes
# Las celdas de ejercicios del libro se corrigen con los esqueletos: su resultado (cero puntos)
# va a un archivo aparte y no pisa el progreso de quien construye el libro.
LIBRO_ENTORNO := TRANSFERENCIA_PROGRESO=$(CURDIR)/_build/progreso_libro.json
# Doc2Vec (gensim) usa hash() de Python: con una semilla fija, dos construcciones coinciden.
export PYTHONHASHSEED := 0
# Con la máquina compartida, PyTorch no se queda esperando en bucle a sus hilos.
export OMP_WAIT_POLICY := PASSIVE

.PHONY: libro test pruebas pruebas-cuadernos pruebas-libro entorno navegador libro-limpio libro-hub prueba-instalacion corregir bench receta-use-m3 bloquear limpiar

entorno: $(INSTALADO)

$(INSTALADO): requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] >= (3, 11) else "Hace falta Python 3.11 (o posterior).")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	$(BIN)/python -m pip check
	touch $(INSTALADO)

libro: $(INSTALADO)
	$(LIBRO_ENTORNO) $(BIN)/jupyter-book build . $(JB_OPCIONES)
	@echo "Libro listo: abre file://$(CURDIR)/_build/html/index.html"

# Construye el libro desde una caché de ejecución vacía (como en CI).
libro-limpio: $(INSTALADO)
	rm -rf $(PRUEBA)
	$(LIBRO_ENTORNO) $(BIN)/jupyter-book build . --path-output $(PRUEBA) $(JB_OPCIONES)

# Chromium de Debian para las pruebas en el navegador; si no se puede instalar, se omiten.
# TRANSFERENCIA_CHROMIUM=/ruta/al/navegador usa otro (por ejemplo Google Chrome).
navegador:
	@[ -n "$$TRANSFERENCIA_CHROMIUM" ] || command -v chromium >/dev/null 2>&1 || { \
	  if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	    echo "Instalando Chromium (apt-get)..."; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	      || echo "Aviso: no se pudo instalar Chromium; se omitirán las pruebas en el navegador."; \
	  else \
	    echo "Aviso: sin Chromium (instálalo con tu gestor de paquetes); se omitirán las pruebas en el navegador."; \
	  fi; }

# El libro por la ruta de quien lo sigue en línea (Colab, el sitio publicado): cada capítulo
# pide su modelo del Hub (TRANSFERENCIA_MODELO_BASE=hub) y lo encuentra en una caché local con
# suplentes diminutos de la misma arquitectura. Sus cifras no significan nada; el código y
# las frases que dicen qué modelo se ejecutó, sí.
libro-hub: $(INSTALADO)
	rm -rf $(PRUEBA_HUB) $(SUPLENTES)
	$(BIN)/python scripts/modelos_suplentes.py --cache $(SUPLENTES)
	$(LIBRO_ENTORNO) HF_HOME=$(SUPLENTES) HF_HUB_OFFLINE=1 TRANSFERENCIA_MODELO_BASE=hub \
	  $(BIN)/jupyter-book build . --path-output $(PRUEBA_HUB) $(JB_OPCIONES)

# Todas las pruebas que no necesitan el libro construido: datos, paquete, línea de órdenes,
# ejercicios en los dos sentidos, demo (también en Chromium si está instalado).
pruebas: $(INSTALADO) navegador
	@inicio=$$(date +%s); $(BIN)/python -m pytest -m "not libro and not instalacion and not cuadernos" \
	  -n 2 --dist loadfile; codigo=$$?; \
	  echo "make pruebas: $$(( $$(date +%s) - inicio )) s"; exit $$codigo

# Los ejercicios de cada capítulo ejecutados en un núcleo de Jupyter, de arriba abajo: con los
# esqueletos (cero puntos) y con las soluciones de referencia (todos los puntos).
pruebas-cuadernos: $(INSTALADO)
	@inicio=$$(date +%s); $(BIN)/python -m pytest -m cuadernos -n 2; codigo=$$?; \
	  echo "make pruebas-cuadernos: $$(( $$(date +%s) - inicio )) s"; exit $$codigo

# La instalación de Colab en un entorno nuevo (pip install del curso, no editable) y un
# capítulo ejecutado con `jupyter execute`.
prueba-instalacion: $(INSTALADO)
	$(BIN)/python -m pytest -m instalacion

# Las pruebas del libro construido por libro-limpio (páginas, cifras, sitio en Chromium).
pruebas-libro:
	LIBRO_HTML=$(PRUEBA)/_build/html LIBRO_HTML_HUB=$(PRUEBA_HUB)/_build/html \
	  $(BIN)/python -m pytest -m libro

# La puerta completa (la que ejecuta CI): primero las pruebas rápidas, después el libro desde
# una caché vacía y sus pruebas. Un capítulo roto no oculta las demás pruebas ni al revés.
test: $(INSTALADO) navegador
	@inicio=$$(date +%s); fallos=""; \
	  $(MAKE) --no-print-directory pruebas || fallos="$$fallos pruebas"; \
	  $(MAKE) --no-print-directory pruebas-cuadernos || fallos="$$fallos pruebas-cuadernos"; \
	  $(MAKE) --no-print-directory libro-limpio || fallos="$$fallos libro"; \
	  $(MAKE) --no-print-directory libro-hub || fallos="$$fallos libro-hub"; \
	  $(MAKE) --no-print-directory pruebas-libro || fallos="$$fallos pruebas-libro"; \
	  $(MAKE) --no-print-directory prueba-instalacion || fallos="$$fallos prueba-instalacion"; \
	  echo "make test: $$(( $$(date +%s) - inicio )) s"; \
	  if [ -n "$$fallos" ]; then echo "make test: fallaron:$$fallos"; exit 1; fi; \
	  echo "make test: todo en verde"

corregir: $(INSTALADO)
	$(BIN)/python -m transferencia corregir

# Tiempos y calidad de los clasificadores (no forma parte de make test).
bench: $(INSTALADO)
	$(BIN)/python bench/clasificadores.py
	$(BIN)/python bench/suplentes_completos.py
	$(BIN)/python bench/libro.py

# Vuelve a elegir por validación cruzada la receta de ajuste de USE-m3 (unos 10 minutos).
receta-use-m3: $(INSTALADO)
	$(BIN)/python bench/receta_use_m3.py

# Vuelve a calcular requirements.txt (todas las versiones fijadas) desde pyproject.toml, en un
# entorno nuevo. Úsalo al cambiar una dependencia de pyproject.toml.
bloquear:
	rm -rf _build/bloqueo && $(PYTHON) -m venv _build/bloqueo
	_build/bloqueo/bin/python -m pip install --quiet --upgrade pip
	_build/bloqueo/bin/python -m pip install --quiet torch==2.13.0 ".[libro,demo,pruebas]"
	$(PYTHON) scripts/bloquear.py _build/bloqueo/bin/python > requirements.txt
	rm -rf build transferencia.egg-info
	rm -rf _build/bloqueo

limpiar:
	rm -rf _build salidas
