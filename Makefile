# Two commands do all the set-up on a fresh machine with Python 3.11:
#   make run   - create .venv, install the package, convert samples/ into output/
#   make test  - install what the tests need and run them
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint bench bench-encoding bench-scaling bench-fuzz clean

run: $(BIN)/chemclust-extract
	$(BIN)/chemclust-extract extract samples -o output

test: $(VENV)/.test-deps
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest

lint: $(VENV)/.test-deps
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

bench: $(BIN)/chemclust-extract
	$(BIN)/python benchmarks/bench_corpus.py

bench-encoding: $(BIN)/chemclust-extract
	$(BIN)/python benchmarks/bench_encoding.py

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
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

clean:
	rm -rf $(VENV) output/*.json output/*.csv
