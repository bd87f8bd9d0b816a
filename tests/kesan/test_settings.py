"""The settings module, read in a fresh interpreter with a chosen environment.

Each case imports ``kesan.settings`` in a subprocess whose environment holds
only the variables the case sets, so what the developer or CI exported does
not leak in.
"""

import json
import os
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]

# Prints what the cases assert on, as JSON; run with DJANGO_SETTINGS_MODULE
# set to kesan.settings.
READ_SETTINGS = """
import json
import django
django.setup()
from django.conf import settings
from django.core.cache import caches
from django.core.files.storage import default_storage
from kesan.celery import app

default_storage._setup()
storage = default_storage._wrapped
print(json.dumps({
    "DEBUG": settings.DEBUG,
    "database": {key: settings.DATABASES["default"][key]
                 for key in ("ENGINE", "NAME", "USER", "HOST", "PORT")},
    "cache_backend": type(caches["default"]).__module__ + "." + type(caches["default"]).__name__,
    "cache_location": settings.CACHES["default"].get("LOCATION"),
    "broker_url": settings.CELERY_BROKER_URL,
    "settings_eager": settings.CELERY_TASK_ALWAYS_EAGER,
    "celery_eager": app.conf.task_always_eager,
    "celery_broker": app.conf.broker_url,
    "email_backend": settings.EMAIL_BACKEND,
    "storage": type(storage).__module__ + "." + type(storage).__name__,
    "storage_bucket": getattr(storage, "bucket_name", None),
    "storage_endpoint": getattr(storage, "endpoint_url", None),
    "media_root": str(settings.MEDIA_ROOT),
    "LANGUAGE_CODE": settings.LANGUAGE_CODE,
    "LANGUAGES": [code for code, _name in settings.LANGUAGES],
    "TIME_ZONE": settings.TIME_ZONE,
    "USE_TZ": settings.USE_TZ,
    "USE_THOUSAND_SEPARATOR": settings.USE_THOUSAND_SEPARATOR,
    "OSCAR_DEFAULT_CURRENCY": settings.OSCAR_DEFAULT_CURRENCY,
}))
"""


def clean_environment(**variables):
    """Only what a process needs to run Python, plus ``variables``."""
    kept = {name: os.environ[name] for name in ("PATH", "HOME", "LANG") if name in os.environ}
    return {**kept, "DJANGO_SETTINGS_MODULE": "kesan.settings", **variables}


def run_python(code, **variables):
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO_ROOT,
        env=clean_environment(**variables),
        capture_output=True,
        text=True,
        timeout=60,
    )


@cache
def _read(variables):
    finished = run_python(READ_SETTINGS, **dict(variables))
    assert finished.returncode == 0, finished.stderr
    return json.loads(finished.stdout.strip().splitlines()[-1])


def read_settings(**variables):
    return _read(tuple(sorted(variables.items())))


def test_no_environment_but_debug_needs_no_service():
    # Given only DEBUG=1
    # When the settings load
    found = read_settings(DEBUG="1")

    # Then every backend is the embedded one
    assert found["DEBUG"] is True
    assert found["database"]["ENGINE"] == "django.db.backends.sqlite3"
    assert found["database"]["NAME"] == str(REPO_ROOT / "var" / "kesan.sqlite3")
    assert found["cache_backend"] == "django.core.cache.backends.locmem.LocMemCache"
    assert found["broker_url"] == ""
    assert (found["settings_eager"], found["celery_eager"]) == (True, True)
    assert found["email_backend"] == "django.core.mail.backends.console.EmailBackend"
    assert found["storage"] == "django.core.files.storage.filesystem.FileSystemStorage"
    assert found["media_root"] == str(REPO_ROOT / "var" / "media")


def test_database_url_switches_to_postgresql():
    found = read_settings(
        DEBUG="1", DATABASE_URL="postgres://kesan:secret@db.internal:5433/kesan_prod"
    )

    assert found["database"] == {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "kesan_prod",
        "USER": "kesan",
        "HOST": "db.internal",
        "PORT": 5433,
    }


def test_redis_url_gives_the_redis_cache_and_broker_and_stops_eager_tasks():
    found = read_settings(DEBUG="1", REDIS_URL="redis://127.0.0.1:6379/3")

    assert found["cache_backend"] == "django.core.cache.backends.redis.RedisCache"
    assert found["cache_location"] == "redis://127.0.0.1:6379/3"
    assert found["broker_url"] == "redis://127.0.0.1:6379/3"
    assert found["celery_broker"] == "redis://127.0.0.1:6379/3"
    assert (found["settings_eager"], found["celery_eager"]) == (False, False)


def test_celery_broker_url_alone_gives_a_broker_but_keeps_the_local_cache():
    found = read_settings(DEBUG="1", CELERY_BROKER_URL="redis://127.0.0.1:6379/4")

    assert found["broker_url"] == "redis://127.0.0.1:6379/4"
    assert (found["settings_eager"], found["celery_eager"]) == (False, False)
    assert found["cache_backend"] == "django.core.cache.backends.locmem.LocMemCache"


def test_bucket_name_switches_media_to_s3_through_django_storages():
    found = read_settings(
        DEBUG="1",
        AWS_STORAGE_BUCKET_NAME="kesan-media",
        AWS_S3_ENDPOINT_URL="http://127.0.0.1:9000",
        AWS_ACCESS_KEY_ID="test-access",
        AWS_SECRET_ACCESS_KEY="test-secret",
    )

    assert found["storage"] == "storages.backends.s3.S3Storage"
    assert found["storage_bucket"] == "kesan-media"
    assert found["storage_endpoint"] == "http://127.0.0.1:9000"


def test_debug_is_off_unless_asked_for():
    found = read_settings(SECRET_KEY="a-real-secret-for-this-test")

    assert found["DEBUG"] is False


def test_start_without_secret_key_and_without_debug_fails_with_a_clear_message():
    # Given neither DEBUG nor SECRET_KEY
    # When the project starts
    finished = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=REPO_ROOT,
        env=clean_environment(),
        capture_output=True,
        text=True,
        timeout=60,
    )

    # Then it stops and says what to do
    assert finished.returncode == 1
    assert finished.stderr.strip().splitlines()[-1] == (
        "django.core.exceptions.ImproperlyConfigured: SECRET_KEY must be set when "
        "DEBUG is off. Set SECRET_KEY in the environment (or DEBUG=1 for local "
        "development)."
    )


@pytest.mark.parametrize("debug", ["1", "0"])
def test_language_time_zone_and_currency_are_indonesian(debug):
    found = read_settings(DEBUG=debug, SECRET_KEY="a-real-secret-for-this-test")

    assert found["LANGUAGE_CODE"] == "id"
    assert found["LANGUAGES"] == ["id", "en"]
    assert found["TIME_ZONE"] == "Asia/Jakarta"
    assert found["USE_TZ"] is True
    assert found["USE_THOUSAND_SEPARATOR"] is True
    assert found["OSCAR_DEFAULT_CURRENCY"] == "IDR"
