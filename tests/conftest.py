"""Suite-wide fixtures. The suite runs on PostgreSQL and Redis or not at all:
a missing service is an error, never a silent skip."""

import os

import pytest
from django.conf import settings
from django.core.cache import cache

# Loopback ports of this suite: the live server for tests that need one
# (notifications, the browser), and the fake Midtrans beside it.
os.environ.setdefault("DJANGO_LIVE_TEST_SERVER_ADDRESS", "127.0.0.1:8142")
FAKE_MIDTRANS_PORT = int(os.environ.get("FAKE_MIDTRANS_PORT", "8141"))


def pytest_sessionstart(session):
    engine = settings.DATABASES["default"]["ENGINE"]
    if not engine.endswith("postgresql"):
        raise pytest.UsageError(
            f"The test suite runs on PostgreSQL; DATABASE_URL gives {engine}. "
            "Use `make test` or set DATABASE_URL=postgres://..."
        )
    if not settings.REDIS_URL:
        raise pytest.UsageError("The test suite needs Redis: set REDIS_URL=redis://...")


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with an empty (Redis) cache."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session")
def fake_midtrans_server():
    from tests.fakes.midtrans import FakeMidtrans

    fake = FakeMidtrans(port=FAKE_MIDTRANS_PORT).start()
    yield fake
    fake.stop()


@pytest.fixture
def midtrans(fake_midtrans_server, live_server, settings):
    """The Midtrans gateway, talking to the fake, which notifies the live server."""
    from tests.fakes.midtrans import SERVER_KEY

    fake_midtrans_server.reset()
    settings.MARKETPLACE_PAYMENT_GATEWAY = "midtrans"
    settings.MIDTRANS_SERVER_KEY = SERVER_KEY
    settings.MIDTRANS_SNAP_BASE_URL = f"{fake_midtrans_server.url}/snap/v1"
    settings.MIDTRANS_CORE_BASE_URL = fake_midtrans_server.url
    settings.MIDTRANS_NOTIFICATION_URL = f"{live_server.url}/payments/midtrans/notification/"
    return fake_midtrans_server
