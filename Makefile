# county-ledger: `make demo` sets everything up and runs the pipeline on the bundled samples;
# `make test` runs the test suite. Both create .venv on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# run and sensor history survive restarts: Dagster's instance lives inside the project
export DAGSTER_HOME ?= $(CURDIR)/data/dagster_home
# where `make ui` serves the Dagster UI (make ui UI_PORT=3001)
UI_PORT ?= 3000

.PHONY: setup demo test ui bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	@mkdir -p $(DAGSTER_HOME)
	@touch $@

setup: $(VENV)/.installed

demo: setup
	@mkdir -p data/inbox
	@find data/samples -maxdepth 1 -type f ! -name 'README.md' -exec cp {} data/inbox/ \;
	$(BIN)/ledger run
	$(BIN)/ledger leagues

test: setup
	$(BIN)/pytest

ui: setup
	@mkdir -p $(DAGSTER_HOME); test -f $(DAGSTER_HOME)/dagster.yaml || cp orchestration/dagster.yaml $(DAGSTER_HOME)/dagster.yaml
	$(BIN)/dg dev -w workspace.yaml -p $(UI_PORT)

bench: setup
	$(BIN)/ledger bench

clean:
	rm -rf data/inbox data/cache data/state data/out data/parquet data/.parquet.* data/*.duckdb data/*.duckdb.wal data/*.lock
