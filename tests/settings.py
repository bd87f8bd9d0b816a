"""Test settings: the project's settings, on PostgreSQL and Redis.

The suite needs both services for real (see README). Tasks run eagerly here;
tests that need a real worker start one themselves.
"""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-not-secret")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/kesan")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/15")

from kesan.settings import *  # noqa: E402,F403

CELERY_TASK_ALWAYS_EAGER = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,  # noqa: F405
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = VAR_DIR / "test-media"  # noqa: F405
CACHES["default"]["KEY_PREFIX"] = "kesan-tests"  # noqa: F405
STATIC_ROOT = VAR_DIR / "test-static"  # noqa: F405
STATIC_ROOT.mkdir(exist_ok=True)
