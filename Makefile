# claimledger developer tasks (GNU make). `make help` lists them.
#
# Everything runs inside .venv, which `make install` creates and fills. The install step is
# guarded by a stamp file, so it only runs again when pyproject.toml or requirements-model.txt
# change (or after `make clean`).

PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.claimledger-installed
DB ?= claimledger.db
CORPUS := src/claimledger/data/corpus

.DEFAULT_GOAL := help
.PHONY: help install demo test eval eval-raise bench clean

help:  ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/'

$(BIN)/python:
	$(PY) -m venv $(VENV)

$(STAMP): pyproject.toml requirements-model.txt | $(BIN)/python
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[web,postgres,dask,dev]'
	$(BIN)/python -m pip install -q --require-hashes -r requirements-model.txt
	touch $@

install: $(STAMP)  ## create .venv and install claimledger, extras and the pinned spaCy model

demo: install  ## ingest the bundled sample corpus into claimledger.db and show its statistics
	@# exit code 1 means "some documents were skipped" (the bundled corpus should give none);
	@# 2 and above are real failures and stop make.
	$(BIN)/claimledger ingest $(CORPUS) --db $(DB) || [ $$? -eq 1 ]
	$(BIN)/claimledger stats --db $(DB)

test: install  ## run the test suite (needs no ../shared)
	$(BIN)/python -m pytest -q

eval: install  ## score each stage against the evaluation data in ../shared/data
	$(BIN)/python -m claimledger.eval

eval-raise: install  ## raise the eval floors in eval/baseline.json to the measured figures
	$(BIN)/python -m claimledger.eval --raise-floors

bench: install  ## throughput of claimledger end to end against bare spaCy nlp.pipe (1 process, then 2)
	$(BIN)/python bench/throughput.py --stages
	@echo "== equal parallelism: ingest --workers 2 against nlp.pipe(n_process=2)"
	$(BIN)/python bench/throughput.py --workers 2

clean:  ## remove the virtual environment, build outputs, caches and the demo database
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .hypothesis bench/out test-artifacts
	rm -f $(DB) $(DB)-wal $(DB)-shm
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
