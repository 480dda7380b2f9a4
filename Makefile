# Faire Alliance: `make run` serves the demo, `make test` runs everything CI runs.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON_BIN ?= python3.11
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) manage.py

# Integration tests talk to these; override them to use other databases or Redis indexes.
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/faire_alliance
TEST_REDIS_URL ?= redis://127.0.0.1:6379/0

.PHONY: help setup system-deps venv python-deps npm-deps messages makemessages run test lint check bench clean

help:
	@echo "make run    set everything up, load the demo data and serve http://127.0.0.1:8000"
	@echo "make test   lint, checks, unit, integration (PostgreSQL, Redis, Celery) and browser tests"
	@echo "make bench  seed a large data set and measure pages, queries and PDF reports"

## Set-up shared by run and test -------------------------------------------------------

$(VENV)/.installed: requirements.txt requirements-dev.txt
	@test -x $(PY) || $(PYTHON_BIN) -m venv $(VENV) || python3 -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements-dev.txt
	@touch $@

python-deps: $(VENV)/.installed

# --ignore-scripts: vnu-jar's postinstall would download a Java runtime; the system's is used.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

# Front-end libraries come from npm and are copied into static/vendor (never committed).
npm-deps: node_modules/.installed
	@mkdir -p static/vendor/bootstrap static/vendor/htmx
	@cp node_modules/bootstrap/dist/css/bootstrap.min.css node_modules/bootstrap/dist/css/bootstrap.min.css.map static/vendor/bootstrap/
	@cp node_modules/bootstrap/dist/js/bootstrap.bundle.min.js node_modules/bootstrap/dist/js/bootstrap.bundle.min.js.map static/vendor/bootstrap/
	@cp node_modules/htmx.org/dist/htmx.min.js static/vendor/htmx/

# msgfmt (gettext) compiles the French translations; installed when absent.
system-deps:
	@missing=""; \
	command -v msgfmt >/dev/null || missing="$$missing gettext"; \
	if [ -n "$$missing" ]; then echo "Installing$$missing"; apt-get update -qq && apt-get install -y -qq $$missing; fi

messages: python-deps system-deps
	@$(MANAGE) compilemessages --ignore "$(VENV)" --ignore node_modules -v 0

setup: python-deps npm-deps messages

## make run ----------------------------------------------------------------------------

run: setup
	$(MANAGE) migrate --noinput
	$(MANAGE) seed_demo
	@# Beat is its own process: embedded in the worker (-B) it died with the worker's master,
	@# and with it the sweep that renders again the reports of a lost worker.
	@if [ -n "$$REDIS_URL" ]; then \
		echo "Starting a Celery worker and Celery beat on $$REDIS_URL"; \
		$(VENV)/bin/celery -A config worker --loglevel=WARNING --concurrency=2 & worker=$$!; \
		$(VENV)/bin/celery -A config beat --loglevel=WARNING --schedule "$${TMPDIR:-/tmp}/faire-alliance-beat-schedule" & beat=$$!; \
		trap "kill $$worker $$beat 2>/dev/null" EXIT; \
		$(MANAGE) runserver 127.0.0.1:8000; \
	else \
		$(MANAGE) runserver 127.0.0.1:8000; \
	fi

## make test ---------------------------------------------------------------------------

# Chromium drives the browser tests, poppler reads the PDFs back, Java runs the Nu HTML Checker.
test-system-deps: system-deps
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v pdftotext >/dev/null || missing="$$missing poppler-utils"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	if [ -n "$$missing" ]; then echo "Installing$$missing"; apt-get update -qq && apt-get install -y -qq $$missing; fi

lint: python-deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

check: python-deps
	$(MANAGE) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=config.settings.production SECRET_KEY=check-deploy-$$(openssl rand -hex 32) \
		ALLOWED_HOSTS=faire-alliance.example DATABASE_URL=sqlite:////tmp/check.sqlite3 \
		$(MANAGE) check --deploy --fail-level WARNING

test: setup test-system-deps lint check
	@source scripts/test-services.sh && \
		$(VENV)/bin/pytest $(PYTEST_ARGS)
	@# make run's path: the demo on SQLite, every page each demo account can reach, no 500.
	$(PY) scripts/smoke_demo.py

bench: setup
	@bash scripts/bench.sh

clean:
	rm -rf $(VENV) node_modules static/vendor staticfiles .pytest_cache

# Extract the strings to translate into both catalogues: locale/fr (then fill its empty msgstr)
# and locale/en, whose msgstr are filled from the msgids (English already) where empty, plural
# forms included. core/tests/test_translations.py fails while either lacks a translation.
LOCALE_IGNORE := --ignore "$(VENV)/*" --ignore "node_modules/*" --ignore "static/vendor/*" \
	--ignore "staticfiles/*" --ignore "media/*" --ignore "bench/*" --ignore "test-artifacts/*"
makemessages: python-deps system-deps
	$(MANAGE) makemessages -l fr -l en $(LOCALE_IGNORE) --no-location --no-obsolete
	@# msgmerge's fuzzy guesses are wrong more often than not: empty them so they show as missing.
	msgattrib --clear-fuzzy --empty --clear-previous -o locale/fr/LC_MESSAGES/django.po locale/fr/LC_MESSAGES/django.po
	msgattrib --clear-fuzzy --empty --clear-previous -o locale/en/LC_MESSAGES/django.po locale/en/LC_MESSAGES/django.po
	@# English: an empty msgstr becomes its msgid (msgstr[0]/[1] its msgid/msgid_plural); the
	@# English wordings written by hand (« » → “ ”, examples in English) are kept.
	msgen -o locale/en/LC_MESSAGES/django.po locale/en/LC_MESSAGES/django.po
	@msgfmt --statistics -o /dev/null locale/fr/LC_MESSAGES/django.po
