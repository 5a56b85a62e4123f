# Qalan: `make run` serves the demo on http://127.0.0.1:8000, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
LOCK_HASH := $(shell sha1sum requirements.lock | cut -c1-12)
STAMP := $(VENV)/.installed-$(LOCK_HASH)

.PHONY: install lint run test matrix security bench messages browser clean

$(STAMP): requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	rm -f $(VENV)/.installed-*
	touch $@

install: $(STAMP)

# Periodic jobs (CELERY_BEAT_SCHEDULE: retention, due erasures, ...) run in-process beside the
# server, as beat does in production, and stop with it.
run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_content
	$(BIN)/python manage.py seed_demo
	$(BIN)/python manage.py seed_demo_school
	$(BIN)/python manage.py run_periodic & PERIODIC=$$!; trap 'kill $$PERIODIC 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver 127.0.0.1:8000

# Browser tests need Debian's Chromium; scripts/ensure-chromium installs it or fails loudly.
browser:
	scripts/ensure-chromium

test: install browser lint
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The layers (import-linter) and ruff's rules and format, as `make test` runs them.
lint: install
	$(BIN)/lint-imports
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

matrix: install browser
	$(BIN)/python scripts/matrix.py

# The security self-test (scripts/security.py): pip-audit on the lock file, bandit on qalan/,
# check --deploy under the production profile, the route x persona matrix. An unreachable
# advisory database fails the run unless SECURITY_OFFLINE_OK=1 (it is reported either way).
security: install
	$(BIN)/python scripts/security.py

# Benchmarks on PostgreSQL: ratios against baselines measured in the same run.
BENCH_DB ?= qalan_bench
bench: install
	psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $(BENCH_DB)" -c "CREATE DATABASE $(BENCH_DB)"
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/$(BENCH_DB)} QALAN_ENV=test $(BIN)/python manage.py migrate --noinput -v 0
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/$(BENCH_DB)} QALAN_ENV=test $(BIN)/python bench/run.py $(BENCH)

# Rebuild the translation catalogues after changing user-facing text (needs GNU gettext).
messages: install
	cd qalan && ../$(BIN)/python ../manage.py makemessages --no-obsolete --no-location -l kk -l ru -l uz -l en
	cd qalan && ../$(BIN)/python ../manage.py compilemessages

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles .pytest_cache
