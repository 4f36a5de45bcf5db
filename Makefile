# Two entry points for a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: demo test corpus install install-test sysdeps clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# An editable install leaves the package's bytecode to the first import, and where
# PYTHONDONTWRITEBYTECODE is set (as on our machines) every process compiles all of it again:
# a tenth of a second of each start (BENCHMARKS.md). pip compiles a regular install; so do we.
install: $(BIN)/python
	$(BIN)/pip install --quiet -e .
	$(BIN)/python -m compileall -q pipeline extractors

install-test: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	$(BIN)/python -m compileall -q pipeline extractors

# System packages (a CJK font to build PDFs, Chromium, LibreOffice for .doc/.wps); only when missing.
sysdeps:
	bash scripts/sysdeps.sh

demo: install
	bash scripts/sysdeps.sh --runtime
	$(BIN)/jixiao extract corpus/ --out outputs/

# Accuracy gates: micro F1 may not fall below the level reached (raise them as it rises).
# The seed is scored against ../shared/gold where the workplace provides it, else against
# the copy of its gold in corpus/seed-gold. The seed as a 自评表 workbook (.xlsx and .xls, written
# by tests/build_form_book.py into a temp folder) is scored against the gold of what a form states.
SEED_F1   ?= 1.0
CORPUS_F1 ?= 0.99
REAL_F1   ?= 1.0
# ../shared/real-extra: a provincial 部门预算 and a municipal 单位预算 with gold (its workbooks have none).
REAL_EXTRA_F1 ?= 1.0
# The seed rendered as .doc, .wps, .html and .mht (tests/build_renderings.py), each scored
# alone against the seed's gold, and a .zip of its renderings (tests/build_bundle.py) scored
# member by member; reached 1.0 each, the issue asks 0.90.
FORMATS_F1 ?= 0.9
# The seed's PDF rendering scanned (page images, no text layer), read by OCR.
SCANNED_F1 ?= 0.85
SEED_GOLD := $(if $(wildcard ../shared/gold),../shared/gold,corpus/seed-gold)
# The seed's 自评表 as an .xlsx and an .xls workbook (tests/build_form_book.py), scored
# against the seed gold's form fields (metadata, budget, score, indicators).
FORM_F1   ?= 0.90

test: install-test sysdeps
	if [ -d ../shared/gold ]; then $(BIN)/jixiao eval --gold ../shared/gold --docs ../shared/seed --fail-under $(SEED_F1); \
	else $(BIN)/jixiao eval --gold corpus/seed-gold --docs corpus --fail-under $(SEED_F1); fi
	$(BIN)/jixiao eval --gold corpus/gold --docs corpus/archive --fail-under $(CORPUS_F1)
	if [ -d ../shared/real ]; then $(BIN)/jixiao eval --gold ../shared/real --docs ../shared/real --fail-under $(REAL_F1); fi
	if [ -d ../shared/real-extra ]; then $(BIN)/jixiao eval --gold ../shared/real-extra --docs ../shared/real-extra --fail-under $(REAL_EXTRA_F1); fi
	renderings=$$(mktemp -d) && trap 'rm -rf "$$renderings"' EXIT && \
	$(BIN)/python -m tests.build_renderings "$$renderings" >/dev/null && \
	for fmt in doc wps html mht; do \
	  $(BIN)/jixiao eval --gold $(SEED_GOLD) --docs "$$renderings/$$fmt" --match-stem --fail-under $(FORMATS_F1) || exit 1; \
	done
	scanned=$$(mktemp -d) && trap 'rm -rf "$$scanned"' EXIT && \
	$(BIN)/python -m tests.build_scanned_pdf "$$scanned" && \
	$(BIN)/jixiao eval --gold $(SEED_GOLD) --docs "$$scanned" --match-stem --fail-under $(SCANNED_F1)
	book=$$(mktemp -d) && trap 'rm -rf "$$book"' EXIT && \
	$(BIN)/python -m tests.build_form_book "$$book" >/dev/null && \
	for f in xlsx xls; do \
	  $(BIN)/jixiao eval --gold "$$book/gold" --docs "$$book/$$f" --match-stem --fail-under $(FORM_F1) || exit 1; \
	done
	bundle=$$(mktemp -d) && trap 'rm -rf "$$bundle"' EXIT && \
	$(BIN)/python -m tests.build_bundle "$$bundle" >/dev/null && \
	$(BIN)/jixiao extract "$$bundle/seed_bundle.zip" --out "$$bundle/out" --jobs 1 >/dev/null && \
	$(BIN)/jixiao eval --gold "$$bundle/gold" --out "$$bundle/out" --fail-under $(FORMATS_F1)
	$(BIN)/python -m pytest -q

# Regenerate the sample archive and its gold files (deterministic: byte-identical output).
corpus: install-test sysdeps
	$(BIN)/python -m corpus.build

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
