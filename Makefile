# Everyday commands. `make help` lists them.
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -ec
VENV := .venv
PY := $(VENV)/bin/python
PYTHON310 ?= $(shell scripts/find-python310)
# Some machines point pip at local mirrors that may be absent; that warning is not ours to show.
PIP_NOISE := is ignored: it is neither a file nor a directory

RASA := $(VENV)/bin/rasa
MODEL := models/orientation.tar.gz
# addons/ and the theme model are trained code: Rasa's cache does not see code changes, hence --force
TRAINING_INPUTS := config.yml domain.yml $(wildcard data/*.yml) $(wildcard addons/*.py addons/*/*.py) orientation/language/themes.py orientation/language/theme_model.py
export PYTHONPATH := $(CURDIR)
export RASA_TELEMETRY_ENABLED := false
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export ACTION_PORT ?= 5055
export ACTION_SERVER_URL ?= http://127.0.0.1:$(ACTION_PORT)/webhook

.PHONY: help install system-packages lock train run shell test validate clean

help:
	@echo "make install   create .venv (Python 3.10) with the pinned dependencies"
	@echo "make train     train the model into models/ (skipped when data and config are unchanged)"
	@echo "make run       start the action server, the Rasa server and the web page"
	@echo "make shell     chat in the terminal"
	@echo "make test      install and train if needed, then every test (PYTEST_ARGS='-k booking' to pick)"
	@echo "make bench     this assistant against a vanilla Rasa assistant (a few minutes; results/)"
	@echo "make lock      re-resolve requirements.in into requirements.lock (pip-compile, with hashes)"

TERRITORIES := var/territories.json
install: system-packages $(VENV)/.installed node_modules/.installed $(TERRITORIES)

# Chromium, PostgreSQL and npm from apt-get on Debian (sudo when not root); a clear list elsewhere.
system-packages:
	@scripts/install-system-packages

# Re-installs only when the lock file changes, so a second `make install` takes a second.
$(VENV)/.installed: requirements.lock
	@if [ -z "$(PYTHON310)" ]; then echo "Python 3.10 introuvable (Rasa 3.6 exige 3.8 à 3.10) : installez python3.10 ou pyenv 3.10." >&2; exit 1; fi
	@test -x $(PY) || $(PYTHON310) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock 2>&1 | { grep -v "$(PIP_NOISE)" || true; }
	@touch $@

# Front-end packages of the widget (package-lock.json), without their install scripts.
node_modules/.installed: package-lock.json | system-packages
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

# The territories index (communes, EPCI, départements, régions and their populations), built from
# the pinned npm package @etalab/decoupage-administratif: a few MB, so built here, not committed.
$(TERRITORIES): node_modules/.installed $(VENV)/.installed orientation/territories/build.py
	$(PY) -m orientation.territories.build

# pip-tools resolves requirements.in into a lock with hashes (pip then checks every download). It
# runs from its own venv: its own dependencies (packaging, build) would clash with Rasa's pins.
# 6 to 12 minutes: pip-tools reads every file of every pinned release to record its hash.
LOCK_VENV := .lock-venv
lock:
	@test -x $(LOCK_VENV)/bin/pip-compile || { $(PYTHON310) -m venv $(LOCK_VENV) && \
	    $(LOCK_VENV)/bin/pip install --quiet --disable-pip-version-check pip-tools 2>&1 | { grep -v "$(PIP_NOISE)" || true; }; }
	$(LOCK_VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	    --no-emit-index-url --no-emit-find-links --output-file requirements.lock requirements.in

train: $(MODEL)

$(MODEL): $(VENV)/.installed $(TRAINING_INPUTS)
	$(RASA) train --force --fixed-model-name orientation --out models

run: install train
	scripts/serve

shell: install train
	scripts/shell

validate: install
	$(RASA) data validate --fail-on-warnings

# Every test, the database ones against a throwaway PostgreSQL server (Debian's pg_virtualenv:
# a private cluster on a free port, removed afterwards), unless ORIENTATION_TEST_DATABASE_URL
# already names a database.
PYTEST_ARGS ?=
PG_VIRTUALENV_URL := postgresql+psycopg2://$$PGUSER:$$PGPASSWORD@$$PGHOST:$$PGPORT/$$PGDATABASE
test: install train validate
ifdef ORIENTATION_TEST_DATABASE_URL
	$(PY) -m pytest $(PYTEST_ARGS)
else
	pg_virtualenv -o fsync=off sh -c 'export ORIENTATION_TEST_DATABASE_URL="$(PG_VIRTUALENV_URL)"; exec $(PY) -m pytest $(PYTEST_ARGS)'
endif

clean:
	rm -rf $(VENV) $(LOCK_VENV) node_modules .pytest_cache

# Retakes docs/screenshot.png (the README's picture) from a real conversation in headless Chromium.
.PHONY: screenshot
screenshot: install train
	$(PY) scripts/screenshot.py

# Mutation testing of orientation/eligibility/ and orientation/language/amounts.py with mutmut (config in setup.cfg,
# work in mutants/, git-ignored; survivors explained in docs/mutation.md). Not part of `make test`.
.PHONY: mutation
mutation: $(VENV)/.installed
	ORIENTATION_SEEDS_DIR="$${ORIENTATION_SEEDS_DIR:-$(abspath $(CURDIR)/../shared/seeds)}" $(VENV)/bin/mutmut run --max-children 2
	$(PY) scripts/mutation_score.py

# This assistant against a vanilla Rasa assistant (bench/vanilla, trained by the bench), one after
# the other on free ports: latency, throughput, memory, time to ready, as a table and as JSON in
# results/. A few minutes, so not part of `make test`. BENCH_ARGS="--instances 2" or "--help".
.PHONY: bench
BENCH_ARGS ?=
bench: install train
	$(PY) scripts/bench.py $(BENCH_ARGS)
