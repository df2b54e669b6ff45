# Two commands for a newcomer: `make demo` and `make test`. Everything else is a step they use.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
PYTEST_ARGS ?=

.PHONY: demo test test-at install assets migrate serve lint check-migrations clean

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is nodig (zet PYTHON=/pad/naar/python3.11)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# The stamp makes `make test` quick the second time; it is redone when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.installed

# Front-end assets from the npm registry (NL Design System CSS, Leaflet, axe-core). No lock file is
# kept (it would name the registry's host); package.json pins exact versions instead.
node_modules/.installed: package.json
	@command -v npm >/dev/null 2>&1 || { echo "npm is nodig voor de huisstijl (apt-get install npm)"; exit 1; }
	npm install --no-audit --no-fund --loglevel=error
	touch $@

assets: node_modules/.installed

migrate: install
	$(BIN)/python manage.py migrate --noinput

demo: install assets migrate
	$(BIN)/python manage.py seed_demo
	@echo "De site draait op http://127.0.0.1:$(PORT)/  (beheer: /beheer/, gezondheid: /healthz)"
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install assets
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The suite at another moment of the wall clock (needs Debian's faketime), e.g.
#   make test-at AT="2026-12-31 23:40:00"   (UTC; the clock keeps running from there)
AT ?= 2027-03-28 01:10:00
test-at: install assets
	TZ=UTC faketime -f "@$(AT)" $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-logo

check-migrations: install
	$(BIN)/python manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) node_modules db.sqlite3 staticfiles .pytest_cache .ruff_cache .import_linter_cache
