"""Suite-wide fixtures. The suite runs on PostgreSQL and Redis or not at all:
a missing service is an error, never a silent skip."""

import pytest
from django.conf import settings
from django.core.cache import cache


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
