# Two entry points for a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: demo test corpus install install-test sysdeps clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'

# System packages the tests need (a CJK font to build PDFs); installed only when missing.
sysdeps:
	bash scripts/sysdeps.sh

demo: install
	$(BIN)/jixiao extract corpus/ --out outputs/

test: install-test sysdeps
	$(BIN)/python -m pytest -q

# Regenerate the sample archive and its gold files (deterministic: byte-identical output).
corpus: install-test sysdeps
	$(BIN)/python -m corpus.build

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
