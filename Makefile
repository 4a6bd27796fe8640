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

.PHONY: help install install-prod system-packages lock lint train run shell test validate clean

help:
	@echo "make install   create .venv (Python 3.10) exactly as the lock files say: runtime and development"
	@echo "               (pip-sync: a package installed by hand is removed)"
	@echo "make install-prod  the same with the runtime lock only, for a server (or: make install DEV=0)"
	@echo "make train     train the model into models/ (skipped when data and config are unchanged)"
	@echo "make run       start the action server, the Rasa server and the web page"
	@echo "make shell     chat in the terminal"
	@echo "make lint      ruff, and deptry: every import declared in requirements*.in, nothing declared unused"
	@echo "make test      install and train if needed, lint, then every test (PYTEST_ARGS='-k booking' to pick)"
	@echo "make bench     this assistant against a vanilla Rasa assistant (a few minutes; results/)"
	@echo "make lock      re-resolve requirements*.in into requirements*.lock (pip-compile, with hashes)"

# DEV=0: the runtime lock only (a production server); each mode has its own stamp, so switching
# modes syncs again.
DEV ?= 1
ifeq ($(DEV),0)
LOCKS := requirements.lock
INSTALLED := $(VENV)/.installed-runtime
else
LOCKS := requirements.lock requirements-dev.lock
INSTALLED := $(VENV)/.installed
endif

TERRITORIES := var/territories.json
# The French words that a misspelt place name must not be read as (orientation/language/dictionary.py).
FRENCH_WORDS := var/.french-words
# The secret key of the client addresses' hashes (0600; made once, rotated by the daily purge).
CLIENT_KEY := var/client-key
install: system-packages $(INSTALLED) node_modules/.installed $(TERRITORIES) $(FRENCH_WORDS) $(CLIENT_KEY)

install-prod:
	$(MAKE) install DEV=0

# Chromium, PostgreSQL, npm and WeasyPrint's Pango from apt-get on Debian (sudo when not root); a
# clear list elsewhere.
system-packages:
	@scripts/install-system-packages

# The tools venv: pip-tools (pip-compile, pip-sync), ruff and deptry, from requirements-tools.lock.
# Not in .venv: pip-tools and deptry need a newer `packaging` than the one Rasa pins.
TOOLS_VENV := .tools-venv
TOOLS := $(TOOLS_VENV)/bin
$(TOOLS_VENV)/.installed: requirements-tools.lock
	@if [ -z "$(PYTHON310)" ]; then echo "Python 3.10 introuvable (Rasa 3.6 exige 3.8 à 3.10) : installez python3.10 ou pyenv 3.10." >&2; exit 1; fi
	@test -x $(TOOLS)/python || $(PYTHON310) -m venv $(TOOLS_VENV)
	$(TOOLS)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements-tools.lock 2>&1 | { grep -v "$(PIP_NOISE)" || true; }
	@touch $@

# pip-sync makes .venv exactly the lock files: it installs what they pin and removes anything else,
# so a venv never drifts. It needs a pip in .venv at least as new as its own: the locked one first.
# Re-syncs only when a lock file changes, so a second `make install` takes a second.
$(INSTALLED): $(LOCKS) $(TOOLS_VENV)/.installed
	@if [ -z "$(PYTHON310)" ]; then echo "Python 3.10 introuvable (Rasa 3.6 exige 3.8 à 3.10) : installez python3.10 ou pyenv 3.10." >&2; exit 1; fi
	@test -x $(PY) || $(PYTHON310) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps \
	    -r <(sed -n '/^pip==/,/# via/p' requirements.lock) 2>&1 | { grep -v "$(PIP_NOISE)" || true; }
	$(TOOLS)/pip-sync --quiet --python-executable $(PY) $(LOCKS) 2>&1 | { grep -v "$(PIP_NOISE)" || true; }
	@rm -f $(VENV)/.installed $(VENV)/.installed-runtime
	@touch $@

# Front-end packages of the widget (package-lock.json), without their install scripts.
node_modules/.installed: package-lock.json | system-packages
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

# The territories index (communes, EPCI, départements, régions and their populations), built from
# the pinned npm package @etalab/decoupage-administratif: a few MB, so built here, not committed.
$(TERRITORIES): node_modules/.installed $(INSTALLED) orientation/territories/build.py
	$(PY) -m orientation.territories.build

$(FRENCH_WORDS): $(INSTALLED) orientation/language/dictionary.py
	$(PY) -m orientation.language.dictionary && touch $@

$(CLIENT_KEY): | $(INSTALLED)
	$(PY) -m orientation.keyed_hash

# pip-tools resolves each requirements*.in into a lock with hashes (pip then checks every download).
# The existing pins are kept (no --upgrade): only what a .in file changes moves. The development
# lock is constrained by the runtime one (-c requirements.lock in requirements-dev.in), so both
# install together. 1 to 12 minutes: pip-tools reads every file of a new release to hash it.
PIP_COMPILE := $(TOOLS)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
    --no-emit-index-url --no-emit-find-links
lock: $(TOOLS_VENV)/.installed
	$(PIP_COMPILE) --output-file requirements.lock requirements.in
	$(PIP_COMPILE) --output-file requirements-dev.lock requirements-dev.in
	$(PIP_COMPILE) --output-file requirements-tools.lock requirements-tools.in

# ruff (settings in pyproject.toml), then deptry twice: the product against requirements.in (a
# development package imported there is an error too), then the tests, devtools/ and scripts/
# against both files. deptry maps imports to distributions from the installed metadata: it runs
# in the tools venv with .venv's site-packages appended to its path (after its own, so that its
# newer `packaging` wins).
VENV_SITE := $(CURDIR)/$(VENV)/lib/python3.10/site-packages
DEPTRY := $(TOOLS)/python -W "ignore:Unused option -c" -c 'import sys; sys.path.append("$(VENV_SITE)"); sys.argv[0] = "deptry"; \
    from deptry.cli import deptry; deptry()'
DEV_CODE := tests devtools scripts
# Every check runs, so that one run shows every finding; the target fails if one did.
lint: $(TOOLS_VENV)/.installed $(INSTALLED)
	@status=0; \
	$(TOOLS)/ruff check . || status=1; \
	$(DEPTRY) . || status=1; \
	$(DEPTRY) $(DEV_CODE) --exclude '.*/__pycache__/' --extend-exclude mutants \
	    --requirements-files requirements.in,requirements-dev.in --requirements-files-dev requirements-tools.in \
	    --ignore DEP002 || status=1; \
	exit $$status

train: $(MODEL)

$(MODEL): $(INSTALLED) $(TRAINING_INPUTS)
	$(RASA) train --force --fixed-model-name orientation --out models

run: install train
	scripts/serve

shell: install train
	scripts/shell

validate: install
	$(RASA) data validate --fail-on-warnings

# Every test, the database ones against a throwaway PostgreSQL server (Debian's pg_virtualenv:
# a private cluster on a free port, removed afterwards), unless ORIENTATION_TEST_DATABASE_URL
# already names a database. -t keeps the cluster in a temporary directory even as root: without
# it root's cluster is /etc/postgresql/*/regress, and a run killed midway (or a second run at the
# same time) leaves it there and every later run stops at « Cluster …/regress exists ».
PYTEST_ARGS ?=
PG_VIRTUALENV_URL := postgresql+psycopg2://$$PGUSER:$$PGPASSWORD@$$PGHOST:$$PGPORT/$$PGDATABASE
test: install lint train validate
ifdef ORIENTATION_TEST_DATABASE_URL
	$(PY) -m pytest $(PYTEST_ARGS)
else
	pg_virtualenv -t -o fsync=off sh -c 'export ORIENTATION_TEST_DATABASE_URL="$(PG_VIRTUALENV_URL)"; exec $(PY) -m pytest $(PYTEST_ARGS)'
endif

clean:
	rm -rf $(VENV) $(TOOLS_VENV) node_modules .pytest_cache

# Retakes docs/screenshot.png (the README's picture) from a real conversation in headless Chromium.
.PHONY: screenshot
screenshot: install train
	$(PY) scripts/screenshot.py

# Mutation testing of orientation/eligibility/ and orientation/language/amounts.py with mutmut (config in
# pyproject.toml, work in mutants/, git-ignored; survivors explained in docs/mutation.md). Not part of `make test`.
.PHONY: mutation
mutation: $(INSTALLED)
	ORIENTATION_SEEDS_DIR="$${ORIENTATION_SEEDS_DIR:-$(abspath $(CURDIR)/../shared/seeds)}" $(VENV)/bin/mutmut run --max-children 2
	$(PY) scripts/mutation_score.py

# This assistant against a vanilla Rasa assistant (bench/vanilla, trained by the bench), one after
# the other on free ports: latency, throughput, memory, time to ready, as a table and as JSON in
# results/. A few minutes, so not part of `make test`. BENCH_ARGS="--instances 2" or "--help".
.PHONY: bench
BENCH_ARGS ?=
bench: install train
	$(PY) scripts/bench.py $(BENCH_ARGS)
