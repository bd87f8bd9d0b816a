"""The settings module, read in a fresh interpreter with a chosen environment.

Each environment is read by its own subprocess, which sees only the
variables the case sets, so what the developer or CI exported does not leak
in.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]

# Prints what the cases assert on, as JSON; run with DJANGO_SETTINGS_MODULE
# set to kesan.settings. No django.setup(): loading every app would triple
# the time and none of these values needs the app registry.
READ_SETTINGS = """
import json
from django.conf import settings
from django.core.cache import caches
from django.core.files.storage import storages
from kesan.celery import app

def dotted(instance):
    return type(instance).__module__ + "." + type(instance).__name__

storage = storages["default"]
print(json.dumps({
    "DEBUG": settings.DEBUG,
    "database": {key: settings.DATABASES["default"][key]
                 for key in ("ENGINE", "NAME", "USER", "HOST", "PORT")},
    "cache_backend": dotted(caches["default"]),
    "cache_location": settings.CACHES["default"].get("LOCATION"),
    "broker_url": settings.CELERY_BROKER_URL,
    "settings_eager": settings.CELERY_TASK_ALWAYS_EAGER,
    "celery_eager": app.conf.task_always_eager,
    "celery_broker": app.conf.broker_url,
    "email_backend": settings.EMAIL_BACKEND,
    "storage": dotted(storage),
    "storage_bucket": getattr(storage, "bucket_name", None),
    "storage_endpoint": getattr(storage, "endpoint_url", None),
    "media_root": str(settings.MEDIA_ROOT),
    "LANGUAGE_CODE": settings.LANGUAGE_CODE,
    "LANGUAGES": [code for code, _name in settings.LANGUAGES],
    "TIME_ZONE": settings.TIME_ZONE,
    "USE_TZ": settings.USE_TZ,
    "USE_THOUSAND_SEPARATOR": settings.USE_THOUSAND_SEPARATOR,
    "OSCAR_DEFAULT_CURRENCY": settings.OSCAR_DEFAULT_CURRENCY,
    "secure_cookies": {name: getattr(settings, name) for name in (
        "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "OSCAR_BASKET_COOKIE_SECURE",
        "OSCAR_RECENTLY_VIEWED_COOKIE_SECURE")},
}))
"""


SECRET = "a-real-secret-for-this-test"

# The environments read, by name; every case reads its own in the same run.
ENVIRONMENTS = {
    "debug only": {"DEBUG": "1"},
    "postgres": {
        "DEBUG": "1",
        "DATABASE_URL": "postgres://kesan:secret@db.internal:5433/kesan_prod",
    },
    "redis": {"DEBUG": "1", "REDIS_URL": "redis://127.0.0.1:6379/3"},
    "broker only": {"DEBUG": "1", "CELERY_BROKER_URL": "redis://127.0.0.1:6379/4"},
    "s3": {
        "DEBUG": "1",
        "AWS_STORAGE_BUCKET_NAME": "kesan-media",
        "AWS_S3_ENDPOINT_URL": "http://127.0.0.1:9000",
        "AWS_ACCESS_KEY_ID": "test-access",
        "AWS_SECRET_ACCESS_KEY": "test-secret",
    },
    "production": {"SECRET_KEY": SECRET},
}


def clean_environment(**variables):
    """Only what a process needs to run Python, plus ``variables``."""
    kept = {
        name: os.environ[name]
        for name in ("PATH", "HOME", "LANG")
        if name in os.environ
    }
    return {
        **kept,
        "DJANGO_SETTINGS_MODULE": "kesan.settings",
        # A developer's .env must not change what these processes read.
        "KESAN_ENV_FILE": "",
        **variables,
    }


def start(arguments, variables):
    return subprocess.Popen(
        [sys.executable, *arguments],
        cwd=REPO_ROOT,
        env=clean_environment(**variables),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture(scope="module")
def read():
    """{environment name: settings read under it}. The interpreters start
    all at once, as each spends most of a second importing Django and Oscar."""
    running = {
        name: start(["-c", READ_SETTINGS], env) for name, env in ENVIRONMENTS.items()
    }
    found = {}
    for name, process in running.items():
        stdout, stderr = process.communicate(timeout=60)
        assert process.returncode == 0, f"{name}: {stderr}"
        found[name] = json.loads(stdout.strip().splitlines()[-1])
    return found


def test_no_environment_but_debug_needs_no_service(read):
    # Given only DEBUG=1, when the settings load
    found = read["debug only"]

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


def test_database_url_switches_to_postgresql(read):
    found = read["postgres"]

    assert found["database"] == {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "kesan_prod",
        "USER": "kesan",
        "HOST": "db.internal",
        "PORT": 5433,
    }


def test_redis_url_gives_the_redis_cache_and_broker_and_stops_eager_tasks(read):
    found = read["redis"]

    assert found["cache_backend"] == "django.core.cache.backends.redis.RedisCache"
    assert found["cache_location"] == "redis://127.0.0.1:6379/3"
    assert found["broker_url"] == "redis://127.0.0.1:6379/3"
    assert found["celery_broker"] == "redis://127.0.0.1:6379/3"
    assert (found["settings_eager"], found["celery_eager"]) == (False, False)


def test_celery_broker_url_alone_gives_a_broker_but_keeps_the_local_cache(read):
    found = read["broker only"]

    assert found["broker_url"] == "redis://127.0.0.1:6379/4"
    assert (found["settings_eager"], found["celery_eager"]) == (False, False)
    assert found["cache_backend"] == "django.core.cache.backends.locmem.LocMemCache"


def test_bucket_name_switches_media_to_s3_through_django_storages(read):
    found = read["s3"]

    assert found["storage"] == "storages.backends.s3.S3Storage"
    assert found["storage_bucket"] == "kesan-media"
    assert found["storage_endpoint"] == "http://127.0.0.1:9000"


def test_debug_is_off_unless_asked_for(read):
    found = read["production"]

    assert found["DEBUG"] is False
    assert found["storage"] == "django.core.files.storage.filesystem.FileSystemStorage"


@pytest.mark.parametrize(
    ("environment", "secure"), [("production", True), ("debug only", False)]
)
def test_every_cookie_is_https_only_in_production(read, environment, secure):
    # The basket cookie names an anonymous basket that its holder takes over
    # at sign-in, so it must not travel over plain http either.
    assert read[environment]["secure_cookies"] == {
        "SESSION_COOKIE_SECURE": secure,
        "CSRF_COOKIE_SECURE": secure,
        "OSCAR_BASKET_COOKIE_SECURE": secure,
        "OSCAR_RECENTLY_VIEWED_COOKIE_SECURE": secure,
    }


def test_start_without_secret_key_and_without_debug_fails_with_a_clear_message():
    # Given neither DEBUG nor SECRET_KEY
    # When the project starts
    process = start(["manage.py", "check"], {})
    _stdout, stderr = process.communicate(timeout=60)

    # Then it stops and says what to do
    assert process.returncode == 1
    assert stderr.strip().splitlines()[-1] == (
        "django.core.exceptions.ImproperlyConfigured: SECRET_KEY must be set when "
        "DEBUG is off. Set SECRET_KEY in the environment (or DEBUG=1 for local "
        "development)."
    )


@pytest.mark.parametrize("environment", ["debug only", "production"])
def test_language_time_zone_and_currency_are_indonesian(read, environment):
    found = read[environment]

    assert found["LANGUAGE_CODE"] == "id"
    assert found["LANGUAGES"] == ["id", "en"]
    assert found["TIME_ZONE"] == "Asia/Jakarta"
    assert found["USE_TZ"] is True
    assert found["USE_THOUSAND_SEPARATOR"] is True
    assert found["OSCAR_DEFAULT_CURRENCY"] == "IDR"
