"""Suite-wide fixtures. The suite runs on PostgreSQL and Redis or not at all:
a missing service is an error, never a silent skip."""

import os
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from pesantren.models import Pesantren
from tests.factories import PesantrenFactory, make_category, make_product

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


@pytest.fixture
def marketplace(db):
    """A small marketplace: two verified pesantren, one pending and one
    suspended, each selling coffee; the first also sells a sarung.

    The hidden pesantren are featured and OPOP on purpose: only their status
    keeps them off the public pages.
    """
    food = make_category("Makanan & Minuman", "makanan-minuman")
    coffee = make_category("Kopi & Teh", "kopi-teh", parent=food)
    fashion = make_category("Fashion Muslim", "fashion-muslim")
    sarung = make_category("Sarung & Batik", "sarung-batik", parent=fashion)

    hikmah = PesantrenFactory(
        name="Pondok Pesantren Al-Hikmah",
        slug="al-hikmah",
        province_code="35",
        regency_code="35.17",
        leader_name="KH. Ahmad Mubarok",
        whatsapp_number="6281200000001",
        legal_entity_name="Kopontren Al-Hikmah",
        is_opop_member=True,
        is_featured=True,
    )
    huda = PesantrenFactory(
        name="Pesantren Nurul Huda",
        slug="nurul-huda",
        province_code="33",
        regency_code="33.08",
        whatsapp_number="6281200000002",
    )
    pending = PesantrenFactory(
        name="Pesantren Bustanul Ulum",
        slug="bustanul-ulum",
        status=Pesantren.Status.PENDING,
        is_opop_member=True,
        is_featured=True,
    )
    suspended = PesantrenFactory(
        name="Pesantren Hidayatul Mubtadiin",
        slug="hidayatul-mubtadiin",
        province_code="33",
        regency_code="33.18",
        status=Pesantren.Status.SUSPENDED,
        is_opop_member=True,
        is_featured=True,
    )

    robusta = make_product(
        hikmah,
        title="Kopi Robusta Lereng Kelud",
        price=45000,
        categories=[coffee],
        image=True,
        weight_grams=260,
        halal_certificate_number="ID35110000123456",
        pirt_number="206351701234-29",
    )
    tea = make_product(
        huda,
        title="Teh Sereh Jahe Celup",
        price=18000,
        categories=[coffee],
        weight_grams=80,
        bpom_number="MD 123456789012",
    )
    sarung_product = make_product(
        hikmah, title="Sarung Tenun Goyor", price=185000, categories=[sarung]
    )
    pending_coffee = make_product(
        pending, title="Kopi Lamongan Bustanul", categories=[coffee]
    )
    suspended_coffee = make_product(
        suspended, title="Kopi Pati Hidayatul", categories=[coffee]
    )

    return SimpleNamespace(
        food=food,
        coffee=coffee,
        fashion=fashion,
        sarung=sarung,
        hikmah=hikmah,
        huda=huda,
        pending=pending,
        suspended=suspended,
        robusta=robusta,
        tea=tea,
        sarung_product=sarung_product,
        pending_coffee=pending_coffee,
        suspended_coffee=suspended_coffee,
    )


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
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"
    return settings.MEDIA_ROOT


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
