"""The public dakwah pages, as a visitor and as a writer previewing a draft."""

import re
from datetime import datetime
from urllib.parse import quote
from zoneinfo import ZoneInfo

import pytest
from django.utils.translation import gettext as _

from dakwah.models import Media, Status
from dakwah.permissions import EDITOR_ROLE
from tests.dakwah.factories import (
    ArticleFactory,
    CategoryFactory,
    KajianFactory,
    UstadzFactory,
    member,
)
from tests.factories import PesantrenFactory, make_product

pytestmark = pytest.mark.django_db

VERSE = "يَرْفَعِ اللَّهُ الَّذِينَ آمَنُوا مِنكُمْ"
QURAN = f'<blockquote class="quran" lang="ar" dir="rtl"><p>{VERSE}</p></blockquote>'


def page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status
    return response.content.decode()


def test_article_page_shows_body_dates_and_share_link(client):
    article = ArticleFactory(
        title="Adab Menuntut Ilmu",
        slug="adab-menuntut-ilmu",
        body=f"<h2>Ilmu</h2>{QURAN}<script>alert(1)</script>",
        date_published=datetime(2026, 3, 5, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta")),
    )

    html = page(client, "/dakwah/artikel/adab-menuntut-ilmu/")

    assert f'<div class="prose"><h2>Ilmu</h2>{QURAN}</div>' in html
    assert "<script>alert" not in html
    assert ">Kamis, 5 Maret 2026</time>" in html
    assert ">16 Ramadan 1447 H</span>" in html
    url = "http://testserver/dakwah/artikel/adab-menuntut-ilmu/"
    share = "https://wa.me/?text=" + quote(f"Adab Menuntut Ilmu {url}", safe="")
    assert f'href="{share}"' in html
    assert share.endswith(
        "Adab%20Menuntut%20Ilmu%20http%3A%2F%2Ftestserver%2Fdakwah%2Fartikel%2Fadab-menuntut-ilmu%2F"
    )
    assert f'<meta property="og:url" content="{url}">' in html
    assert '<meta property="og:title" content="Adab Menuntut Ilmu">' in html
    assert '<meta property="og:type" content="article">' in html
    assert article.author.name in html


def test_linked_products_come_after_the_body_never_inside_a_quotation(client):
    article = ArticleFactory(
        slug="kitab", body=f"<p>Pengantar</p>{QURAN}<p>Penutup</p>"
    )
    product = make_product(article.pesantren, title="Kitab Ta'lim Muta'allim")
    article.linked_products.set([product])

    html = page(client, "/dakwah/artikel/kitab/")

    body_end = html.index("<p>Penutup</p></div>")
    assert html.index(f'data-product-id="{product.pk}"') > body_end
    quotation = re.search(r"<blockquote.*?</blockquote>", html, re.DOTALL).group(0)
    assert "data-product-id" not in quotation
    assert "Kitab Ta&#x27;lim Muta&#x27;allim" in html[body_end:]


def test_linked_product_no_longer_for_sale_is_not_shown(client):
    article = ArticleFactory(slug="kitab")
    product = make_product(article.pesantren, title="Kitab Habis", is_public=False)
    article.linked_products.set([product])

    html = page(client, "/dakwah/artikel/kitab/")

    assert "Kitab Habis" not in html


def test_video_is_a_click_to_load_facade_on_the_privacy_domain(client):
    article = ArticleFactory(slug="video")
    Media.objects.create(article=article, title="Ngaji bab 1", youtube_id="dQw4w9WgXcQ")

    html = page(client, "/dakwah/artikel/video/")

    assert "<iframe" not in html
    assert (
        'data-embed="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&amp;rel=0"'
        in html
    )
    assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"' in html
    assert "i.ytimg.com" not in html


@pytest.mark.parametrize("status", [Status.DRAFT, Status.IN_REVIEW])
def test_unpublished_article_is_not_found_for_visitors(client, status):
    ArticleFactory(slug="rahasia", status=status, date_published=None)

    page(client, "/dakwah/artikel/rahasia/", status=404)


def test_writer_previews_a_draft_and_an_editor_of_another_pesantren_cannot(client):
    article = ArticleFactory(slug="draf", status=Status.DRAFT, date_published=None)
    client.force_login(member(article.pesantren, EDITOR_ROLE))

    html = page(client, "/dakwah/artikel/draf/")
    preview = _("Preview: this article is not public (%(status)s).")
    assert preview % {"status": _("Draft")} in html
    assert '<meta name="robots" content="noindex">' in html

    client.force_login(member(PesantrenFactory(), EDITOR_ROLE))
    page(client, "/dakwah/artikel/draf/", status=404)


def test_kajian_page_shows_next_date_in_wib_calendar_and_share(client):
    wita = ZoneInfo("Asia/Makassar")
    KajianFactory(
        title="Safari Dakwah",
        slug="safari-dakwah",
        starts_at=datetime(2036, 5, 3, 19, 30, tzinfo=wita),
        time_zone="Asia/Makassar",
    )

    html = page(client, "/dakwah/kajian/safari-dakwah/")

    assert "Sabtu, 3 Mei 2036 · 18.30 WIB</time>" in html
    assert f"(19.30 WITA {_('local time')})" in html
    assert 'href="/dakwah/kajian/safari-dakwah/kalender.ics"' in html
    url = quote("Safari Dakwah http://testserver/dakwah/kajian/safari-dakwah/", safe="")
    assert f'href="https://wa.me/?text={url}"' in html
    assert '<meta property="og:title" content="Safari Dakwah">' in html


def test_kajian_lists_split_upcoming_and_past(client):
    KajianFactory(title="Akan Datang")
    KajianFactory(
        title="Sudah Lewat",
        starts_at=datetime(2020, 1, 1, 19, 0, tzinfo=ZoneInfo("Asia/Jakarta")),
    )

    upcoming = page(client, "/dakwah/kajian/")
    past = page(client, "/dakwah/kajian/selesai/")

    assert "Akan Datang" in upcoming and "Sudah Lewat" not in upcoming
    assert "Sudah Lewat" in past and "Akan Datang" not in past


def test_ustadz_page_lists_their_articles_and_kajian(client):
    ustadz = UstadzFactory(name="Ustadz Ahmad Fauzi", slug="ahmad-fauzi")
    ArticleFactory(pesantren=ustadz.pesantren, author=ustadz, title="Tulisan Beliau")
    ArticleFactory(title="Tulisan Orang Lain")
    KajianFactory(pesantren=ustadz.pesantren, ustadz=ustadz, title="Kajian Beliau")

    html = page(client, "/dakwah/ustadz/ahmad-fauzi/")

    assert "Ustadz Ahmad Fauzi" in html
    assert "Tulisan Beliau" in html and "Kajian Beliau" in html
    assert "Tulisan Orang Lain" not in html


def test_category_and_tag_pages_list_their_published_articles(client):
    article = ArticleFactory(title="Tentang Puasa")
    article.tags.create(name="Puasa", slug="puasa")
    ArticleFactory(title="Draf Puasa", status=Status.DRAFT, date_published=None)

    category = page(client, "/dakwah/kategori/fiqh/")
    tag = page(client, "/dakwah/tag/puasa/")

    assert "Tentang Puasa" in category and "Draf Puasa" not in category
    assert "Tentang Puasa" in tag
    page(client, "/dakwah/kategori/tidak-ada/", status=404)


def test_dakwah_search_finds_articles_kajian_and_ustadz_by_every_word(client):
    ArticleFactory(title="Adab Menuntut Ilmu")
    ArticleFactory(title="Adab Makan")
    KajianFactory(title="Kajian Ilmu Tajwid", theme="Tuhfatul Athfal")
    UstadzFactory(name="Ustadz Ilmu Adab")

    html = page(client, "/dakwah/cari/?q=adab+ilmu")

    assert "Adab Menuntut Ilmu" in html
    assert "Adab Makan" not in html
    assert "Ustadz Ilmu Adab" in html
    assert "Kajian Ilmu Tajwid" not in html


def test_dakwah_home_shows_latest_articles_upcoming_kajian_and_categories(client):
    CategoryFactory(slug="aqidah", name="Aqidah")
    ArticleFactory(title="Artikel Terbaru")
    KajianFactory(title="Kajian Pekan Ini")

    html = page(client, "/dakwah/")

    assert "Artikel Terbaru" in html
    assert "Kajian Pekan Ini" in html
    assert 'href="/dakwah/kategori/aqidah/"' in html
    assert 'href="/dakwah/feed/artikel/"' in html


def test_dakwah_home_query_count_does_not_grow_with_content(
    client, django_assert_num_queries
):
    for _number in range(3):
        ArticleFactory()
        KajianFactory()
    client.get("/dakwah/")  # warms the category menu cache

    # Articles, kajian, categories with their counts, and the savepoint pair
    # of ATOMIC_REQUESTS; nothing per article or kajian.
    with django_assert_num_queries(5):
        client.get("/dakwah/")

    for _number in range(5):
        ArticleFactory()
        KajianFactory()
    with django_assert_num_queries(5):
        response = client.get("/dakwah/")
    assert response.status_code == 200
