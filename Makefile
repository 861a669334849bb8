# Mediseal: `make run` starts the app, `make test` runs the whole suite. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
EXTRAS := test,postgres
ARGS ?=
PYTEST_ARGS ?=

.PHONY: run test install os-deps lint i18n bench clean

install: $(STAMP)

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Mediseal needs Python 3.11 or newer: set PYTHON=python3.11 (or newer)")'
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[$(EXTRAS)]'
	@touch $@

run: $(STAMP) os-deps
	$(BIN)/mediseal $(ARGS)

os-deps:
	@bash scripts/os-deps.sh

test: $(STAMP) os-deps
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .

# Refresh the translation source from the code, then compile it. Translate new entries in
# resources/i18n/mediseal_zh_CN.ts (pyside6-linguist, or by hand) and run `make i18n` again.
i18n: $(STAMP)
	$(BIN)/pyside6-lupdate $$(find desktop -name '*.py' | sort) -ts resources/i18n/mediseal_zh_CN.ts -no-obsolete -locations none
	$(BIN)/pyside6-lrelease resources/i18n/mediseal_zh_CN.ts -qm resources/i18n/mediseal_zh_CN.qm

# Each bench prints its ratios against a baseline timed in the same run (a few minutes in all; the
# ingest and verify ones write about 3 GiB under the temp folder, set TMPDIR to put them elsewhere).
bench: $(STAMP) os-deps
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/startup.py
	$(BIN)/python bench/ledger.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/ledger_page.py
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/ingest_many.py
	$(BIN)/python bench/verify.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
