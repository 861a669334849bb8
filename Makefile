# Mediseal: `make run` starts the app, `make test` runs the suite, `make check` all that CI runs.
# Each sets up .venv first, from requirements.lock (exact versions, every file's hash checked).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LOCK := requirements.lock
LOCK_VENV := .venv-lock
PIP := $(BIN)/python -m pip --disable-pip-version-check
ARGS ?=
PYTEST_ARGS ?=
LOCK_ARGS ?=

.PHONY: run test test-slow install os-deps lint typecheck check lock i18n bench clean

install: $(STAMP)

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Mediseal needs Python 3.11 or newer: set PYTHON=python3.11 (or newer)")'
	$(PYTHON) -m venv $(VENV)

# The lock holds the runtime and test dependencies and the build backend, each with its hashes; then
# Mediseal itself, editable, with nothing more. `pip check` catches a dependency added to
# pyproject.toml but not to the lock (run `make lock`).
$(STAMP): pyproject.toml $(LOCK) | $(BIN)/python
	$(PIP) install --quiet --require-hashes -r $(LOCK)
	$(PIP) install --quiet --no-deps --no-build-isolation -e .
	$(PIP) check
	@touch $@

# Re-resolve requirements.lock from pyproject.toml (the test and postgres extras and the build
# backend), keeping the pins that still fit; `make lock LOCK_ARGS=--upgrade` moves everything to the
# newest allowed, `LOCK_ARGS='--upgrade-package NAME'` one package. Resolved on CPython 3.11 / Linux.
lock: $(LOCK_VENV)/bin/pip-compile
	CUSTOM_COMPILE_COMMAND="make lock" $(LOCK_VENV)/bin/pip-compile --quiet --generate-hashes \
	    --allow-unsafe --strip-extras --all-build-deps --extra test --extra postgres \
	    --no-emit-index-url --no-emit-find-links --no-emit-trusted-host $(LOCK_ARGS) \
	    --output-file $(LOCK) pyproject.toml

$(LOCK_VENV)/bin/pip-compile:
	$(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip pip-tools

run: $(STAMP) os-deps
	$(BIN)/mediseal $(ARGS)

os-deps:
	@bash scripts/os-deps.sh

# The suite less the `slow` tests, on every core (pytest-xdist; at most 4 workers, each with its own
# PostgreSQL cluster): about 4.5 minutes on two cores, 8 on one. `make test-slow` runs only the slow ones.
# PYTEST_ARGS="-n 0" runs it in one process.
test: $(STAMP) os-deps
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m "not slow" -n auto --maxprocesses 4 --durations=15 \
	    $(PYTEST_ARGS)

test-slow: $(STAMP) os-deps
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m slow $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .

# Settings in pyproject.toml [tool.mypy]: strict for desktop.core, db and desktop.config, normal checking
# for the window and the command line.
typecheck: $(STAMP)
	$(BIN)/mypy

# What .ci/run runs.
check: lint typecheck test

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
	$(BIN)/python bench/export.py
	$(BIN)/python bench/cases.py
	$(BIN)/python bench/minutes.py
	$(BIN)/python bench/documents.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/agreement_editor.py

clean:
	rm -rf $(VENV) $(LOCK_VENV) build dist *.egg-info .pytest_cache .ruff_cache .mypy_cache
