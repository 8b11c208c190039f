# Two entry points (see README): `make run` ingests the bundled fixtures, `make test` runs the tests.
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
OUT ?= extracted

# Prefect runs serverless and offline: a temporary local server, no analytics, state in the tree.
export PREFECT_HOME ?= $(CURDIR)/.prefect
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export DO_NOT_TRACK := 1
export PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS ?= 180

.PHONY: run test lint bench fixtures clean ocr

OCR_PACKAGES := tesseract-ocr tesseract-ocr-rus tesseract-ocr-eng

# OCR of scanned pages needs Tesseract with Russian and English models (Debian packages).
# Installed when apt and root are available; otherwise a clear message and scans stay `no_text`.
ocr:
	@if command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx rus \
	    && tesseract --list-langs 2>/dev/null | grep -qx eng; then :; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = "0" ]; then \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(OCR_PACKAGES) >/dev/null) \
	    || echo "Tesseract could not be installed: scanned pages will be reported as no_text"; \
	else \
	  echo "Tesseract (rus+eng) is missing: scanned pages will be reported as no_text." \
	       "Install it with: sudo apt-get install $(OCR_PACKAGES)"; \
	fi

$(BIN)/python:
	$(PY) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --upgrade pip
	$(BIN)/pip install -e '.[dev]'
	touch $@

# The fixtures include bad files on purpose (not a PDF, encrypted, empty): their `failures` rows are
# expected, so the run exits 0 with --allow-failures.
run: $(VENV)/.installed ocr
	$(BIN)/indikator ingest fixtures/pdf fixtures/txt --out $(OUT) --allow-failures
	$(BIN)/indikator eval fixtures/gold --out $(OUT)

# --durations shows the slow tests; pytest's exit 5 ("no tests collected", e.g. all deselected by
# PYTEST_ADDOPTS) is not a failure.
test: $(VENV)/.installed ocr
	$(BIN)/ruff check .
	$(BIN)/python -m pytest --durations=15; code=$$?; \
	if [ $$code -eq 5 ]; then echo "pytest: no tests collected"; exit 0; fi; exit $$code

lint: $(VENV)/.installed
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

bench: $(VENV)/.installed
	$(BIN)/python bench/bench_parse.py
	$(BIN)/python bench/bench_pipeline.py

fixtures: $(VENV)/.installed
	$(BIN)/python fixtures/make_fixtures.py

clean:
	rm -rf $(OUT)/*.parquet $(OUT)/*.csv $(OUT)/*.duckdb $(OUT)/reviewed .prefect
