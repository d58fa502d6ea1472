# The two commands: `make serve` and `make test`. Both create .venv and install what is pinned.
# `make test-fast` is the quick loop (no browser); `make lock` regenerates the pins.
# For an LMS: `make scorm` (the SCORM 1.2 zip) and `make export` (the banks for Moodle), into dist/
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SITE_STAMP := $(VENV)/.site-installed
TEST_STAMP := $(VENV)/.test-installed
NODE_STAMP := node_modules/.installed
SCORM_ZIP := dist/coaching-mentoring-scorm12.zip
MASTERY_SCORE ?=
# Zensical gets its own virtual environment, so its dependencies cannot disturb the site's.
ZENSICAL_VENV := .venv-zensical
ZENSICAL_STAMP := $(ZENSICAL_VENV)/.installed
SHIM_DIR := offline/assets/vendor/iframe-worker
BENCH_STAMP := $(VENV)/.bench-installed
BENCH_NODE_STAMP := bench/node_modules/.installed
# The pins (requirements/*.txt) are compiled from requirements/*.in by uv, for any Python 3.11
# on Linux. LOCK_ARGS=--upgrade moves every pin to the newest release that fits,
# LOCK_ARGS="--upgrade-package NAME" one; without them, the pins stay where they are.
UV_VERSION := 0.13.9
UV_STAMP := $(VENV)/.uv-$(UV_VERSION)
LOCK := $(BIN)/uv pip compile --quiet --python-version 3.11 --python-platform linux \
	--custom-compile-command "make lock" $(LOCK_ARGS)
PIP_INSTALL := --quiet --disable-pip-version-check
# pytest-xdist: one worker a core (at most 4), each building its own sites and starting one
# Chromium. --dist loadfile keeps a test module in one worker, so a module's fixtures (the page
# walks of tests/browser/test_every_page.py) are made once. (loadgroup would be finer, but
# pytest-xdist 3.8 cannot group under pytest 9.2: pytest-xdist#1386.) PARALLEL= runs serially.
PARALLEL ?= -n auto --maxprocesses=4 --dist loadfile

.PHONY: serve test test-fast lock build assets offline zensical zensical-venv vendor check lint js browser clean scorm export bench

serve: $(SITE_STAMP)  ## serve the course at http://127.0.0.1:8000
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve -a 127.0.0.1:8000

test: lint js $(ZENSICAL_STAMP) browser  ## run every test, browser tests included
	$(BIN)/pytest $(PARALLEL)

test-fast: lint js $(ZENSICAL_STAMP)  ## everything but the browser tests: the quick loop
	$(BIN)/pytest $(PARALLEL) -m "not browser"

js: $(NODE_STAMP)  ## type-check the browser script (tsc) and run its node tests
	npm run --silent check
	npm test --silent

lint: $(TEST_STAMP)  ## ruff check and ruff format --check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

lock: $(UV_STAMP)  ## regenerate requirements/*.txt from requirements/*.in and pyproject.toml
	$(LOCK) pyproject.toml requirements/site.in -o requirements/site.txt
	$(LOCK) requirements/test.in -o requirements/test.txt
	$(LOCK) requirements/zensical.in -o requirements/zensical.txt
	$(LOCK) requirements/bench.in -o requirements/bench.txt

build: $(SITE_STAMP)  ## build the course into site/
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

assets: $(NODE_STAMP)  ## rebuild the engine's script and stylesheets (assets/dist/) from assets/src/
	npm run build

offline: $(SITE_STAMP)  ## build the file-share copy into site-offline/ and site-offline.zip
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict -f mkdocs.offline.yml
	rm -f site-offline.zip
	$(BIN)/python -m zipfile -c site-offline.zip site-offline
	@echo "Open site-offline/index.html, or copy site-offline/ (or unzip site-offline.zip) to a share."

zensical: $(ZENSICAL_STAMP)  ## build the course with Zensical into site-zensical/
	$(ZENSICAL_VENV)/bin/python -m quizbank assets build/zensical
	$(ZENSICAL_VENV)/bin/zensical build --clean -f mkdocs.zensical.yml

zensical-venv: $(ZENSICAL_STAMP)  ## make .venv-zensical (Zensical and the quizbank extension)

vendor: $(NODE_STAMP)  ## copy the iframe-worker shim (pinned in package.json) for the offline build
	mkdir -p $(SHIM_DIR)
	cp node_modules/iframe-worker/shim/index.js $(SHIM_DIR)/shim.js
	cp node_modules/iframe-worker/LICENSE $(SHIM_DIR)/LICENSE

check: $(SITE_STAMP)  ## check the question banks and the pages that use them
	$(BIN)/quizbank check

scorm: $(SITE_STAMP)  ## build the SCORM 1.2 package for an LMS: dist/coaching-mentoring-scorm12.zip
	$(BIN)/quizbank scorm --config mkdocs.scorm.yml --out $(SCORM_ZIP) \
		$(if $(MASTERY_SCORE),--mastery-score $(MASTERY_SCORE))

export: $(SITE_STAMP)  ## write the banks for Moodle: dist/moodle-questions.xml and .gift.txt
	$(BIN)/quizbank export --format moodle-xml --out dist/moodle-questions.xml
	$(BIN)/quizbank export --format gift --out dist/moodle-questions.gift.txt

bench: $(BENCH_STAMP) $(BENCH_NODE_STAMP) browser  ## benchmarks (not tests): print the table, write bench/results/
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m bench $(BENCH_ARGS)

browser:  ## make sure Debian's Chromium is installed (browser tests drive it)
	@scripts/ensure-chromium

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(SITE_STAMP): requirements/site.txt pyproject.toml | $(BIN)/python
	$(BIN)/pip install $(PIP_INSTALL) -r requirements/site.txt
	$(BIN)/pip install $(PIP_INSTALL) --no-deps -e .
	touch $@

$(TEST_STAMP): requirements/test.txt $(SITE_STAMP)
	$(BIN)/pip install $(PIP_INSTALL) -r requirements/test.txt
	touch $@

$(ZENSICAL_STAMP): requirements/zensical.txt pyproject.toml
	$(PYTHON) -m venv $(ZENSICAL_VENV)
	$(ZENSICAL_VENV)/bin/pip install $(PIP_INSTALL) -r requirements/zensical.txt
	$(ZENSICAL_VENV)/bin/pip install $(PIP_INSTALL) --no-deps -e .
	touch $@

$(UV_STAMP): | $(BIN)/python
	$(BIN)/pip install $(PIP_INSTALL) uv==$(UV_VERSION)
	touch $@

$(BENCH_STAMP): requirements/bench.txt $(TEST_STAMP)
	$(BIN)/pip install $(PIP_INSTALL) -r requirements/bench.txt
	touch $@

$(BENCH_NODE_STAMP): bench/package.json bench/package-lock.json
	npm ci --prefix bench --no-audit --no-fund --loglevel=error
	touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

clean:
	rm -rf $(VENV) $(ZENSICAL_VENV) node_modules site site-offline site-offline.zip site-zensical \
		build/zensical .cache dist bench/node_modules
