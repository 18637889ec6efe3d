# The README's two commands: `make run` and `make test`. Each sets up its own virtual environment.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test venv lint bench eval models clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Installs the app and opens it in the browser on the default journal (an encrypted SQLite file).
run: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[report]'
	$(BIN)/afterword serve

# Installs the app with its test tools and runs the whole test suite.
test: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m pytest

lint: $(BIN)/python
	$(BIN)/ruff check src tests
	$(BIN)/mypy src/afterword/domain src/afterword/analysis

bench: $(BIN)/python
	$(BIN)/python -m benchmarks

eval: $(BIN)/python
	$(BIN)/python -m afterword.analysis.evaluate

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
