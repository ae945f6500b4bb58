# Two commands do all set-up on a fresh machine:
#   make run    set up, build the store (SQLite), serve the web interface and API on
#               http://127.0.0.1:8000/ (Ctrl-C stops it)
#   make test   set up and run the tests, on SQLite and then on a throwaway PostgreSQL
VENV := .venv
PY := $(VENV)/bin/python
export MPLCONFIGDIR ?= /tmp/blocs-mpl

.PHONY: setup run test test-sqlite test-postgres bench chromium

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $@

setup: $(VENV)/.installed

run: setup
	$(VENV)/bin/blocs build
	$(VENV)/bin/blocs serve

# the browser tests (tests/web) drive Debian's Chromium: installed here when missing
chromium:
	scripts/ensure-chromium

test-sqlite: setup chromium
	$(PY) -m pytest

test-postgres: setup chromium
	scripts/with-postgres $(PY) -m pytest

test: test-sqlite test-postgres

bench: setup
	$(PY) benchmarks/bench_queries.py
