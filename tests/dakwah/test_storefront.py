from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from dakwah.models import Status
from tests.dakwah.factories import ArticleFactory, KajianFactory
from tests.factories import PesantrenFactory

pytestmark = pytest.mark.django_db


def test_storefront_shows_latest_articles_and_upcoming_kajian_of_the_pesantren(client):
    pesantren = PesantrenFactory(slug="al-hikmah")
    now = timezone.now()
    ArticleFactory(
        pesantren=pesantren,
        title="Artikel Lama",
        date_published=now - timedelta(days=30),
    )
    for day in range(3):
        ArticleFactory(
            pesantren=pesantren,
            title=f"Artikel Baru {day}",
            date_published=now - timedelta(days=day),
        )
    ArticleFactory(
        pesantren=pesantren,
        title="Artikel Draf",
        status=Status.DRAFT,
        date_published=None,
    )
    KajianFactory(pesantren=pesantren, title="Kajian Pekan Depan")
    KajianFactory(
        pesantren=pesantren, title="Kajian Kemarin", starts_at=now - timedelta(days=1)
    )
    ArticleFactory(title="Artikel Pesantren Lain")
    KajianFactory(title="Kajian Pesantren Lain")

    html = client.get("/pesantren/al-hikmah/").content.decode()

    dakwah = html[html.index('<section class="store-dakwah"') :]
    dakwah = dakwah[: dakwah.index("</section>")]
    assert [f"Artikel Baru {day}" in dakwah for day in range(3)] == [True] * 3
    assert "Artikel Lama" not in dakwah  # only the three latest
    assert "Kajian Pekan Depan" in dakwah
    for absent in (
        "Artikel Draf",
        "Kajian Kemarin",
        "Artikel Pesantren Lain",
        "Kajian Pesantren Lain",
    ):
        assert absent not in dakwah


def test_storefront_without_dakwah_shows_no_empty_block(client):
    PesantrenFactory(slug="sepi")

    html = client.get("/pesantren/sepi/").content.decode()

    assert "store-dakwah" not in html


def test_dakwah_block_costs_the_storefront_the_same_queries_however_much_content(
    client, django_assert_num_queries
):
    pesantren = PesantrenFactory(slug="ramai")
    ArticleFactory(pesantren=pesantren)
    KajianFactory(pesantren=pesantren)
    client.get("/pesantren/ramai/")  # warms the category menu cache
    with CaptureQueriesContext(connection) as few:
        client.get("/pesantren/ramai/")

    for _ in range(4):
        ArticleFactory(pesantren=pesantren)
        KajianFactory(pesantren=pesantren)
    with django_assert_num_queries(len(few)):
        client.get("/pesantren/ramai/")
