# careerbot: `make run` sets everything up and starts the bot; `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck layout eval bench data clean

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/careerbot data build --if-missing
	$(BIN)/careerbot run

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

# The house rules: imports run handlers -> bot -> store, no circles (also part of `make test`).
layout: $(STAMP)
	$(BIN)/python -m pytest -q tests/test_layout.py

data: $(STAMP)
	$(BIN)/careerbot data build

eval: $(STAMP)
	$(BIN)/careerbot data build --if-missing
	$(BIN)/python -m bench.eval
	$(BIN)/python -m bench.advisor
	$(BIN)/python -m bench.conversations

bench: $(STAMP)
	$(BIN)/careerbot data build --if-missing
	$(BIN)/python -m bench.resolution
	$(BIN)/python -m bench.advisor_speed
	$(BIN)/python -m bench.chart
	$(BIN)/python -m bench.context
	$(BIN)/python -m bench.load

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
