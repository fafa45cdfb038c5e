# Werkpad: `make demo` and `make test` do all set-up themselves.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
# Django 6.1 needs Python 3.12 or newer: take the newest one this machine has.
PYTHON ?= $(shell for p in python3.13 python3.12 $$HOME/.pyenv/versions/3.13*/bin/python3 $$HOME/.pyenv/versions/3.12*/bin/python3 /usr/local/bin/python3.13 /usr/local/bin/python3.12; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { command -v $$p; break; }; done)
export DJANGO_SETTINGS_MODULE := werkpad.settings
CHROMIUM ?= /usr/bin/chromium

.PHONY: install demo serve worker test lint format check-python browser system-deps migrate messages clean

check-python:
	@test -n "$(PYTHON)" || { echo "Werkpad heeft Python 3.12 of nieuwer nodig; installeer python3.12 (apt-get install python3.12) of zet PYTHON=/pad/naar/python3.12."; exit 1; }

$(VENV)/.installed: requirements.txt requirements-dev.txt | check-python
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed system-deps

# WeasyPrint (crisis card PDF) needs Pango from Debian's packages.
system-deps:
	@ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0 || { echo "Pango installeren voor WeasyPrint (Debian-pakketten)..."; \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core >/dev/null) \
		|| { echo "Kon Pango niet installeren; installeer libpango-1.0-0 en libpangoft2-1.0-0 handmatig."; exit 1; }; }

migrate: install
	DJANGO_DEBUG=1 $(PY) manage.py migrate --noinput

# The demo: data loaded, logins printed, then the web server and the task worker side by side.
demo: install
	DJANGO_DEBUG=1 $(PY) manage.py migrate --noinput
	DJANGO_DEBUG=1 $(PY) manage.py load_demo
	DJANGO_DEBUG=1 $(VENV)/bin/honcho -f Procfile.dev start

serve: install
	DJANGO_DEBUG=1 $(PY) manage.py runserver 127.0.0.1:8000

# Background tasks (e-mails with retries, the daily round); run next to `make serve`.
worker: install
	DJANGO_DEBUG=1 $(PY) manage.py migrate --noinput
	DJANGO_DEBUG=1 $(PY) manage.py worker

# Debian's chromium drives the browser tests (browser downloads are not reachable here).
browser:
	@test -x $(CHROMIUM) || { echo "Chromium installeren (Debian-pakket)..."; \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
		|| { echo "Kon chromium niet installeren; installeer het pakket 'chromium' handmatig."; exit 1; }; }

# ruff for style, import-linter for the layers (contracts in pyproject.toml).
lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	PYTHONPATH=src $(VENV)/bin/lint-imports

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Every test, the browser journeys included, on two workers (pytest-xdist).
PYTEST_WORKERS ?= 2
test: install lint browser
	WERKPAD_TESTING=1 $(VENV)/bin/pytest -n $(PYTEST_WORKERS)

messages: install
	cd src/werkpad && ../../$(PY) ../../manage.py compilemessages

clean:
	rm -rf $(VENV) var .pytest_cache
