"""Test settings: the project's settings, on PostgreSQL and Redis.

The suite needs both services for real (see README). Tasks run eagerly here;
tests that need a real worker start one themselves.
"""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-not-secret")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/kesan")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/15")

from kesan.settings import *  # noqa: E402,F403

# Eager unless a test process starts a real worker (tests/marketplace/
# payments/test_worker.py sets KESAN_CELERY_EAGER=0 for that worker).
CELERY_TASK_ALWAYS_EAGER = os.environ.get("KESAN_CELERY_EAGER", "1") == "1"
MARKETPLACE_PAYMENT_GATEWAY = os.environ.get("MARKETPLACE_PAYMENT_GATEWAY", "simulator")
MARKETPLACE_PAYMENT_SIMULATOR_ALLOWED = True
# The made-up key of the fake Midtrans (reference/midtrans.md, section 7).
MIDTRANS_SERVER_KEY = os.environ.get(
    "MIDTRANS_SERVER_KEY", "SB-Mid-server-FAKE-PesantrenTestKey-0001"
)
MIDTRANS_SNAP_BASE_URL = os.environ.get("MIDTRANS_SNAP_BASE_URL", "http://127.0.0.1:1/snap/v1")
MIDTRANS_CORE_BASE_URL = os.environ.get("MIDTRANS_CORE_BASE_URL", "http://127.0.0.1:1")
MIDTRANS_NOTIFICATION_URL = os.environ.get("MIDTRANS_NOTIFICATION_URL", "")
MIDTRANS_TIMEOUT = (1.0, 2.0)
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,  # noqa: F405
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = VAR_DIR / "test-media"  # noqa: F405
PRIVATE_MEDIA_ROOT = VAR_DIR / "test-private-media"  # noqa: F405
CACHES["default"]["KEY_PREFIX"] = "kesan-tests"  # noqa: F405
STATIC_ROOT = VAR_DIR / "test-static"  # noqa: F405
STATIC_ROOT.mkdir(exist_ok=True)
