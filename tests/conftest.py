"""Suite-wide fixtures. The suite runs on PostgreSQL and Redis or not at all:
a missing service is an error, never a silent skip."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation


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


@pytest.fixture
def english(client, settings):
    """Pages and messages in English, the source language, so that asserts do
    not change when the Indonesian catalogue gains a translation."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def media_root(settings, tmp_path):
    """Uploaded files go to an empty folder of this test only."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
