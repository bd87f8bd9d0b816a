# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
# Tests run on PostgreSQL and Redis; override for another server.
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/kesan
TEST_REDIS_URL ?= redis://127.0.0.1:6379/15

.PHONY: run test install messages serve clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

# Compiled translations are build output: made from locale/*.po on every run
# (with Babel, so no GNU gettext is needed).
messages: install
	$(VENV)/bin/pybabel compile --domain django --directory locale --statistics

# Links in feeds, the sitemap and e-mails (also those the demo sends while
# seeding) name the address the server runs at.
SITE_URL ?= http://$(HOST):$(PORT)

run: messages
	DEBUG=1 KESAN_SITE_URL=$(SITE_URL) $(PY) manage.py migrate --noinput
	DEBUG=1 KESAN_SITE_URL=$(SITE_URL) $(PY) manage.py seed_demo
	DEBUG=1 KESAN_SITE_URL=$(SITE_URL) $(PY) manage.py runserver $(HOST):$(PORT)

test: messages
	DATABASE_URL=$(TEST_DATABASE_URL) REDIS_URL=$(TEST_REDIS_URL) \
		$(PY) -m pytest

clean:
	rm -rf $(VENV) var staticfiles
