# Roer — the two commands of the Quick start, and a few for developers.
#
#   make run    install, migrate, load the demo (first run only), serve http://127.0.0.1:8000
#   make test   install the test tools and run the whole suite
#
# Needs Python 3.11 and Node 20 (npm), nothing else. Stamp files record what was
# installed, so a second run skips the installs until pyproject.toml or
# package-lock.json change.

SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3 2>/dev/null)
VENV := .venv
BIN := $(VENV)/bin
ROER := $(BIN)/roer
PIP := $(BIN)/python -m pip --disable-pip-version-check --quiet
PORT ?= 8000

RUN_STAMP := $(VENV)/.roer-installed-run
TEST_STAMP := $(VENV)/.roer-installed-test
NPM_STAMP := node_modules/.roer-installed

.PHONY: help run test lint openapi openapi-check docs docs-check messages messages-check clean

help:
	@echo "make run             install Roer, load the demo organisation and serve http://127.0.0.1:$(PORT)"
	@echo "make test            install the test tools and run the whole test suite"
	@echo "make lint            ruff (lint and format check) and mypy"
	@echo "make openapi         regenerate docs/api/openapi.json"
	@echo "make docs            regenerate docs/configuration.md"
	@echo "make messages        extract and compile translations (needs GNU gettext)"
	@echo "make clean           remove installed packages and caches (keeps the database in data/)"

# --- installation ------------------------------------------------------------

$(BIN)/python:
	@if [ -z "$(PYTHON)" ]; then echo "Roer needs Python 3.11: install python3.11." >&2; exit 2; fi
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' || { \
		echo "Roer needs Python 3.11; $(PYTHON) is $$($(PYTHON) --version 2>&1). Set PYTHON=/path/to/python3.11." >&2; \
		exit 2; }
	$(PYTHON) -m venv $(VENV)

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(PIP) install -e .
	@touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(PIP) install -e '.[test,dev]'
	@touch $@

$(NPM_STAMP): package.json package-lock.json
	@command -v npm >/dev/null || { echo "Roer needs Node 20 with npm for its front-end packages." >&2; exit 2; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# --- the Quick start -----------------------------------------------------------

run: $(RUN_STAMP) $(NPM_STAMP)
	$(ROER) migrate --noinput
	$(ROER) demo --once
	$(ROER) serve --port $(PORT)

test: $(TEST_STAMP) $(NPM_STAMP)
	$(BIN)/pytest

# --- development -------------------------------------------------------------

lint: $(TEST_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# `roer openapi` belongs to the API; drf-spectacular's own command is the fallback.
openapi: $(RUN_STAMP)
	@if $(ROER) help openapi >/dev/null 2>&1; then $(ROER) openapi; \
	else $(ROER) spectacular --format openapi-json --file docs/api/openapi.json --validate; fi

openapi-check: $(RUN_STAMP)
	$(ROER) openapi --check

docs: $(RUN_STAMP)
	$(ROER) config-docs

docs-check: $(RUN_STAMP)
	$(ROER) config-docs --check

# Source strings are English; the Dutch catalogue lives in src/roer/locale (needs GNU gettext).
messages: $(TEST_STAMP)
	$(BIN)/python scripts/messages.py extract

# Fails when the code has strings that the committed catalogue lacks; changes no file.
messages-check: $(TEST_STAMP)
	$(BIN)/python scripts/messages.py check

clean:
	rm -rf $(VENV) node_modules data/static .pytest_cache .mypy_cache .ruff_cache build dist src/*.egg-info test-results
	find src tests -name __pycache__ -type d -prune -exec rm -rf {} + 2>/dev/null || true
	@echo "Kept the database and secret key in data/; delete data/ to start afresh."
