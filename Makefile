# Two commands do all the set-up on a fresh machine with Python 3.11:
#   make run   - create .venv, install the package, convert samples/ into output/
#   make test  - install what the tests need and run them
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint bench bench-batch bench-encoding bench-scaling bench-fuzz clean

run: $(BIN)/chemclust-extract
	$(BIN)/chemclust-extract extract samples -o output

test: $(VENV)/.test-deps
	@# report.html is rendered in headless Chromium; the test skips, saying why, without it.
	command -v chromium >/dev/null || (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium) || echo "chromium could not be installed: tests/test_report_html.py will skip"
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest

lint: $(VENV)/.test-deps
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

bench: $(BIN)/chemclust-extract
	$(BIN)/python benchmarks/bench_corpus.py
	$(BIN)/python benchmarks/bench_sheet.py

bench-encoding: $(BIN)/chemclust-extract
	$(BIN)/python benchmarks/bench_encoding.py

bench-batch: $(VENV)/.test-deps
	$(BIN)/python benchmarks/bench_batch.py 10000

bench-scaling: $(BIN)/chemclust-extract
	$(BIN)/python benchmarks/bench_scaling.py

bench-fuzz: $(BIN)/chemclust-extract
	$(BIN)/python benchmarks/bench_fuzz.py

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(BIN)/chemclust-extract: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.test-deps: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test,dask,xlsx,parquet]'
	@touch $@

clean:
	rm -rf $(VENV) output/*.json output/*.csv
