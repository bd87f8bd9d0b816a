from urllib.parse import urlsplit

import pytest
from django.conf import settings

from dakwah.models import Status
from pesantren.models import Pesantren
from tests.dakwah.factories import ArticleFactory, KajianFactory
from tests.factories import PesantrenFactory, make_product

pytestmark = pytest.mark.django_db


def test_article_feeds_list_published_articles_only(client):
    ArticleFactory(title="Terbit", summary="Ringkasan terbit")
    ArticleFactory(title="Masih draf", status=Status.DRAFT, date_published=None)
    ArticleFactory(
        title="Sedang ditinjau", status=Status.IN_REVIEW, date_published=None
    )
    ArticleFactory(
        title="Pesantren ditangguhkan",
        pesantren=PesantrenFactory(status=Pesantren.Status.SUSPENDED),
    )

    rss = client.get("/dakwah/feed/artikel/")
    atom = client.get("/dakwah/feed/artikel/atom/")

    assert rss["Content-Type"].startswith("application/rss+xml")
    assert atom["Content-Type"].startswith("application/atom+xml")
    for response in (rss, atom):
        body = response.content.decode()
        assert body.count("<title>Terbit</title>") == 1
        assert "Ringkasan terbit" in body
        assert "Masih draf" not in body
        assert "Sedang ditinjau" not in body
        assert "Pesantren ditangguhkan" not in body


def test_kajian_feeds_list_published_kajian_only(client):
    KajianFactory(title="Kajian Terbit")
    KajianFactory(title="Kajian Draf", status=Status.DRAFT, date_published=None)

    for url in ("/dakwah/feed/kajian/", "/dakwah/feed/kajian/atom/"):
        body = client.get(url).content.decode()

        assert "<title>Kajian Terbit</title>" in body
        assert "Kajian Draf" not in body


def test_sitemap_lists_public_dakwah_storefronts_and_products(client):
    article = ArticleFactory(slug="adab-ilmu")
    ArticleFactory(slug="draf-rahasia", status=Status.DRAFT, date_published=None)
    kajian = KajianFactory(slug="kajian-kamis")
    product = make_product(article.pesantren, title="Kitab Adab")
    hidden_shop = PesantrenFactory(
        status=Pesantren.Status.PENDING, slug="belum-diverifikasi"
    )

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    body = response.content.decode()
    # The Site follows KESAN_SITE_URL (kesan/apps.py).
    site_domain = urlsplit(settings.KESAN_SITE_URL).netloc
    for path in (
        "/dakwah/",
        "/dakwah/kajian/",
        "/dakwah/artikel/adab-ilmu/",
        "/dakwah/kategori/fiqh/",
        f"/dakwah/kajian/{kajian.slug}/",
        f"/dakwah/ustadz/{article.author.slug}/",
        f"/pesantren/{article.pesantren.slug}/",
        product.get_absolute_url(),
    ):
        assert f"<loc>http://{site_domain}{path}</loc>" in body
    assert "draf-rahasia" not in body
    assert hidden_shop.slug not in body
