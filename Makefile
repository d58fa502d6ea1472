# The two commands: `make serve` and `make test`. Both create .venv and install what is pinned.
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

.PHONY: serve test build assets offline zensical zensical-venv vendor check lint browser clean scorm export bench

serve: $(SITE_STAMP)  ## serve the course at http://127.0.0.1:8000
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve -a 127.0.0.1:8000

test: $(TEST_STAMP) $(NODE_STAMP) $(ZENSICAL_STAMP) browser  ## run every test, browser tests included
	npm run --silent check
	npm test --silent
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest

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

lint: $(TEST_STAMP)
	$(BIN)/ruff check .

bench: $(BENCH_STAMP) $(BENCH_NODE_STAMP) browser  ## benchmarks (not tests): print the table, write bench/results/
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m bench $(BENCH_ARGS)

browser:  ## make sure Debian's Chromium is installed (browser tests drive it)
	@scripts/ensure-chromium

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(SITE_STAMP): requirements/site.txt pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements/site.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

$(TEST_STAMP): requirements/test.txt $(SITE_STAMP)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements/test.txt
	touch $@

$(ZENSICAL_STAMP): requirements/zensical.txt pyproject.toml
	$(PYTHON) -m venv $(ZENSICAL_VENV)
	$(ZENSICAL_VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements/zensical.txt
	$(ZENSICAL_VENV)/bin/pip install --quiet --disable-pip-version-check --no-deps -e .
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
	rm -rf $(VENV) $(ZENSICAL_VENV) node_modules site site-offline site-offline.zip site-zensical \
		build/zensical .cache dist bench/node_modules
