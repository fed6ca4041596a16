# Samen: `make demo` and `make test` do all the set-up on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test test-sqlite test-postgres test-browser lint format bench bench-full messages install clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

## demo: install, migrate a SQLite database, load Kapelakker, print logins, serve on :8000
demo: $(STAMP)
	$(BIN)/samen demo

# Browser tests (e2e/) run on both databases too: on SQLite the live server shares the test's
# in-memory connection, on PostgreSQL it has its own, as in production. A test stuck for five
# minutes prints every thread's stack (faulthandler), so a hang in CI shows where it is.
PYTEST := $(BIN)/python -m pytest -n 2 -p no:cacheprovider -o faulthandler_timeout=300

## test: install and run every test (SQLite; also PostgreSQL when TEST_DATABASE_URL is set)
test: $(STAMP)
	$(PYTEST)
	@if [ -n "$$TEST_DATABASE_URL" ]; then \
		echo "== the same tests on PostgreSQL: $$TEST_DATABASE_URL"; \
		DATABASE_URL="$$TEST_DATABASE_URL" $(PYTEST); \
	fi

test-browser: $(STAMP)
	$(BIN)/python -m pytest e2e -p no:cacheprovider

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: $(STAMP)
	$(BIN)/python -m bench

## bench-full: also server throughput (gunicorn + wrk, loopback) and Lighthouse (npx + Chromium)
bench-full: $(STAMP)
	$(BIN)/python -m bench; a=$$?; \
	$(BIN)/python -m bench.bench_throughput; b=$$?; \
	$(BIN)/python -m bench.lighthouse; c=$$?; \
	test $$a -eq 0 -a $$b -eq 0 -a $$c -eq 0

messages: $(STAMP)
	cd samen && ../$(BIN)/python ../manage.py makemessages -l nl -l en -l fr --no-obsolete --no-location
	cd samen && ../$(BIN)/python ../manage.py compilemessages

clean:
	rm -rf $(VENV) samen.sqlite3* staticfiles media
