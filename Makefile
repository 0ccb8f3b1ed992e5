# Overstapcoach: `make run` starts the coach, `make test` runs every check.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
RASA := $(BIN)/rasa
COACH := $(BIN)/overstapcoach
NLU_GATE := 0.88
ENTITY_GATE := 0.90

export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export PYTHONPATH := $(CURDIR)

.PHONY: help setup setup-prod browser-tools train run run-prod prod-tests test validate unit stories stack eval-nlu bench lock clean

help:
	@echo "make run       set up, train if needed, start the coach (Ctrl-C stops it)"
	@echo "make run-prod  the same behind nginx: PostgreSQL, Redis, 2 Rasa + 2 action servers"
	@echo "make test      set up and run every check (validate, pytest, train, stories, NLU gate)"
	@echo "make eval-nlu  score NLU on the held-out test set -> reports/nlu-eval.md"
	@echo "make bench     benchmarks (lookup latency, review app with 10 000 conversations, load with 1/10/50 users) -> reports/bench-*"
	@echo "make train     train the model if data or config changed"
	@echo "make lock      recompile requirements.lock from requirements.in"

setup:
	@scripts/setup-env.sh
	@$(BIN)/python -c "from bot.settings import ensure_env_file; ensure_env_file()"

train: setup
	@$(COACH) train

run: setup
	@$(COACH) run

setup-prod: setup
	@scripts/setup-prod.sh

run-prod: setup-prod
	@$(COACH) run-prod

validate: setup
	@echo "==> rasa data validate --fail-on-warnings"
	@$(RASA) data validate --fail-on-warnings --config config.yml --domain domain.yml --data data

unit: setup
	@echo "==> pytest (unit tests)"
	@$(BIN)/pytest -m "not stack and not prod" -q

stories: train
	@echo "==> rasa test on tests/stories"
	@$(RASA) test core --model models/overstapcoach.tar.gz --stories tests/stories \
		--fail-on-prediction-errors --out reports/stories

browser-tools:
	@scripts/setup-browser.sh

stack: train browser-tools
	@echo "==> pytest (tests against the running servers, widget in headless Chromium)"
	@$(BIN)/pytest -m stack -q

prod-tests: train
	@echo "==> pytest (production mode: PostgreSQL, Redis, 2 Rasa + 2 action servers + 2 web apps behind nginx)"
	@if scripts/setup-prod.sh --check; then $(BIN)/pytest -m prod -q tests/prod; \
	else echo "    skipped: PostgreSQL, Redis or nginx is missing (make setup-prod installs them; CI does)"; fi

eval-nlu: setup
	@$(COACH) eval

bench: setup
	@echo "==> lookup latency from the snapshot (target p95 < 20 ms)"
	@$(BIN)/python bench/lookup_latency.py
	@echo "==> review app with 10 000 conversations (targets: pages p95 < 300 ms, charts < 1.5 s, sync of 50 events < 200 ms)"
	@$(BIN)/python bench/review_scale.py
	@echo "==> load: 1, 10 and 50 users in conversation, ours vs the rasa init sample bot (target: errors <= 1 %, no server dies; about 8 min)"
	@$(BIN)/python bench/load_test.py

test: validate unit stories stack prod-tests
	@echo "==> NLU gate (intent macro-F1 >= $(NLU_GATE); beroep and regio entity F1 >= $(ENTITY_GATE))"
	@$(COACH) eval --min-macro-f1 $(NLU_GATE) --min-entity-f1 $(ENTITY_GATE)
	@echo "==> All checks passed"

lock:
	@uv --version >/dev/null 2>&1 || { echo "uv is needed: pip install uv"; exit 1; }
	uv pip compile requirements.in --python-version 3.10 \
		--python-platform x86_64-unknown-linux-gnu -o requirements.lock

clean:
	rm -rf models reports var/log .rasa results
