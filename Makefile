# Two commands do all set-up on a fresh machine:
#   make run    set up, build the store (SQLite) and answer a first question
#   make test   set up and run the tests, on SQLite and then on a throwaway PostgreSQL
VENV := .venv
PY := $(VENV)/bin/python
export MPLCONFIGDIR ?= /tmp/blocs-mpl

.PHONY: setup run test test-sqlite test-postgres bench

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $@

setup: $(VENV)/.installed

run: setup
	$(VENV)/bin/blocs build
	$(VENV)/bin/blocs matrix CIS CSTO EURASEC SCO --on 2010-04-15

test-sqlite: setup
	$(PY) -m pytest

test-postgres: setup
	scripts/with-postgres $(PY) -m pytest

test: test-sqlite test-postgres

bench: setup
	$(PY) benchmarks/bench_queries.py
