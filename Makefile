# The two commands: `make serve` and `make test`. Both create .venv and install what is pinned.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SITE_STAMP := $(VENV)/.site-installed
TEST_STAMP := $(VENV)/.test-installed
NODE_STAMP := node_modules/.installed
BENCH_STAMP := $(VENV)/.bench-installed
BENCH_NODE_STAMP := bench/node_modules/.installed

.PHONY: serve test build check lint browser bench clean

serve: $(SITE_STAMP)  ## serve the course at http://127.0.0.1:8000
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve -a 127.0.0.1:8000

test: $(TEST_STAMP) $(NODE_STAMP) browser  ## run every test, browser tests included
	$(BIN)/ruff check .
	$(BIN)/pytest

build: $(SITE_STAMP)  ## build the course into site/
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

check: $(SITE_STAMP)  ## check the question banks and the pages that use them
	$(BIN)/quizbank check

lint: $(TEST_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check plugins tests

bench: $(BENCH_STAMP) $(BENCH_NODE_STAMP) browser  ## benchmarks (not tests): print the table, write bench/results/
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m bench $(BENCH_ARGS)

browser:  ## make sure Debian's Chromium is installed (browser tests drive it)
	@scripts/ensure-chromium

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(SITE_STAMP): requirements/site.txt pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements/site.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e . \
		|| $(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

$(TEST_STAMP): requirements/test.txt $(SITE_STAMP)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements/test.txt
	touch $@

$(BENCH_STAMP): requirements/bench.txt $(TEST_STAMP)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements/bench.txt
	touch $@

$(BENCH_NODE_STAMP): bench/package.json bench/package-lock.json
	npm ci --prefix bench --no-audit --no-fund --loglevel=error
	touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

clean:
	rm -rf $(VENV) node_modules bench/node_modules site
