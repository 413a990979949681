# One-command workflows. `make run` and `make test` work on a fresh machine.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
DB      ?= $(or $(ASN_DB),data/asn.duckdb)
PORT    ?= 8501

.PHONY: install run test check lint types imports fmt bench bench-pages bench-load bench-capacity demo clean

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check -r requirements.txt -r requirements-dev.txt
	# the project itself, editable: `python -m analytics` works from any directory
	$(BIN)/pip install -q --disable-pip-version-check --no-deps -e .
	touch $@

install: $(STAMP)

$(DB): | $(STAMP)
	$(BIN)/python -m analytics demo --db $(DB)

demo: install
	$(BIN)/python -m analytics demo --db $(DB) --force

run: install $(DB)
	ASN_DB=$(DB) $(BIN)/python -m ui.serve --server.port $(PORT) --server.headless true \
		--browser.gatherUsageStats false

test: install
	$(BIN)/python -m pytest -q -n 2

fmt: install
	$(BIN)/ruff format .

lint: install
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

types: install
	$(BIN)/mypy analytics charts ui pages dashboard.py

# The layers and the no-cycle rule of docs/architecture.md ([tool.importlinter] in pyproject.toml).
imports: install
	$(BIN)/lint-imports

check: lint types imports test

bench: install
	$(BIN)/python -m analytics bench --db $(DB)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache

bench-pages: install $(DB)
	$(BIN)/python scripts/bench_pages.py --db $(DB)

bench-load: install
	$(BIN)/python scripts/bench_load.py

# How many concurrent sessions one dashboard process holds with page p95 <= 3 s (DB= a store).
bench-capacity: install $(DB)
	$(BIN)/python scripts/bench_load.py --capacity --db $(DB)
