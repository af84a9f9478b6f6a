# `make demo` and `make test` work on a fresh machine: both create .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo docs test test-fast lint weights clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: install
	$(BIN)/wirecrawl demo

# The documentation site (docs/ by mkdocs.yml) into site/; strict: a warning (a broken link or
# anchor, a page missing from the navigation) fails the build. Not --quiet: mkdocs then drops the
# warnings before strict mode counts them, and a broken link passes.
docs: install
	$(BIN)/python -m pip install --quiet -e '.[docs]'
	$(BIN)/mkdocs build --strict

# Every test: unit (pure core), components (stages with Scrapy's test helpers), e2e (real crawls).
test: install
	$(BIN)/python -m pytest

# The inner loop: unit and component tests, no crawl.
test-fast: install
	$(BIN)/python -m pytest tests/unit tests/components

# The checks CI makes before the tests: lint, format and the core's types.
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# The furniture classifier's weights (pipelines/core/block_weights.json), trained on the shared
# bench pages and the fixture designs: BENCH=/path/to/bench/extraction if not at ../shared.
BENCH ?= ../shared/bench/extraction
weights: install
	$(BIN)/python -m pip install --quiet -e '.[test,train]'
	$(BIN)/python -m benchmarks.train_blocks --write --scrapinghub $(BENCH)/scrapinghub --fundus $(BENCH)/fundus

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache site demo.db demo.db-wal demo.db-shm demo.db.lock
