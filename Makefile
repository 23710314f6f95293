# Hygie: install, train, run and test. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# Rasa 3.6 needs Python 3.10: an explicit PYTHON=..., else python3.10, else pyenv's.
PYENV_ROOT ?= $(shell pyenv root 2>/dev/null || echo $(HOME)/.pyenv)
PYTHON ?= $(shell \
  if python3.10 -c 'import sys; assert sys.version_info[:2] == (3, 10)' >/dev/null 2>&1; then \
    command -v python3.10; \
  else \
    ls -d $(PYENV_ROOT)/versions/3.10.*/bin/python3.10 2>/dev/null | sort -V | tail -n 1; \
  fi)

VENV := .venv
BIN := $(VENV)/bin
RASA := $(BIN)/rasa
PYTEST := $(BIN)/python -m pytest
STAMP := $(VENV)/.installed

.PHONY: help install train check-train run test unit validate test-stories integration nlu-report nlu-blind clean webchat-deps bench bench-reminders bench-slots practice

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

$(STAMP): requirements.txt
	@if [ -z "$(PYTHON)" ]; then \
	  echo "error: Python 3.10 not found. Rasa 3.6 needs exactly Python 3.10." >&2; \
	  echo "       Install it (e.g. 'pyenv install 3.10.13') or run 'make PYTHON=/path/to/python3.10 ...'." >&2; \
	  exit 1; fi
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 10), sys.version' \
	  || { echo "error: $(PYTHON) is not Python 3.10." >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip==24.0
	$(BIN)/pip install --quiet -r requirements.txt
	@# Plain `rasa test` looks for test stories under "." and so inside .venv: drop the
	@# sample test stories Rasa ships for `rasa init`, which would be run as ours.
	rm -f $(VENV)/lib/python3.10/site-packages/rasa/cli/initial_project/tests/test_stories.yml
	touch $(STAMP)

install: $(STAMP) ## Create .venv with Python 3.10 and the pinned requirements

train: $(STAMP) ## Train the model (Rasa skips it when data and config are unchanged)
	$(RASA) train --fixed-model-name hygie

check-train: train ## Fail if a second training would not be a no-op
	@$(RASA) train --dry-run --fixed-model-name hygie >/dev/null 2>&1 \
	  || { echo "error: right after 'make train', 'rasa train --dry-run' wants to train again." >&2; \
	       $(RASA) train --dry-run --fixed-model-name hygie 2>&1 | tail -n 20 >&2; exit 1; }
	@echo "check-train: a second training would do nothing"

run: train ## Start Hygie (action server, Rasa server, chat page) and print the URL
	@bash scripts/run.sh

unit: $(STAMP) ## Unit tests (services, actions, components; no servers)
	$(PYTEST) -m "not integration" tests

validate: $(STAMP) ## Check domain, NLU data, rules and stories
	$(RASA) data validate --fail-on-warnings

test-stories: train ## Run the test stories, their messages through the NLU (as plain `rasa test`)
	$(RASA) test core --model models/hygie.tar.gz --stories tests/test_stories.yml --e2e --fail-on-prediction-errors --out results/stories

WEBCHAT_DEPS := webchat/node_modules/.package-lock.json

$(WEBCHAT_DEPS): webchat/package.json webchat/package-lock.json
	@command -v npm >/dev/null || { echo "error: npm not found (needed for the browser tests' axe-core)." >&2; exit 1; }
	cd webchat && npm ci --no-audit --no-fund --loglevel=error

webchat-deps: $(WEBCHAT_DEPS) ## npm packages of the chat page's browser tests (axe-core)

integration: train $(WEBCHAT_DEPS) ## Integration and browser tests against real servers
	$(PYTEST) -m integration tests

test: unit validate train check-train test-stories integration ## Everything CI runs
	@echo "make test: all checks passed"

nlu-report: $(STAMP) ## Cross-validated NLU report: per-intent and macro F1
	$(RASA) test nlu --cross-validation --folds 5 --out results/nlu
	$(BIN)/python scripts/nlu_report.py results/nlu

nlu-blind: train ## The trained model on the blind sets (tests/data/nlu_blind*.yml)
	$(BIN)/python scripts/nlu_blind.py models/hygie.tar.gz

bench-reminders: $(STAMP) ## Reminder worker: 1,000 doses due at once; throughput, lateness
	$(BIN)/python scripts/bench_reminders.py

bench-slots: $(STAMP) ## Slot search: 50 practitioners, 60 days half booked; p50/p95/max
	$(BIN)/python scripts/bench_slots.py

bench: bench-reminders bench-slots ## All benchmarks

practice: $(STAMP) ## Load data/practice/demo.yml into the database (idempotent)
	$(BIN)/python -m actions.practice load

clean: ## Remove trained models and test results
	rm -rf models results .rasa
