"""Kajian, ustadz and media in the dakwah dashboard; the lists' query counts."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from dakwah.models import Kajian, Media, Recurrence, Status, Ustadz
from tests.dakwah.factories import ArticleFactory, KajianFactory, UstadzFactory
from tests.html import parse, texts
from tests.marketplace.seller.conftest import photo

pytestmark = pytest.mark.django_db


def kajian_data(ustadz, **changes):
    return {
        "title": "Kajian Kitab Al-Hikam",
        "theme": "Kitab Al-Hikam",
        "ustadz": ustadz.pk,
        "start_date": "2026-12-10",
        "start_time": "18:15",
        "time_zone": "Asia/Makassar",
        "duration_minutes": "90",
        "recurrence": "weekly",
        "repeat_until": "",
        "venue_name": "Masjid Pondok",
        "venue_address": "",
        "online_url": "",
        "audience": "umum",
        "description": "",
        "action": "save",
        **changes,
    }


def test_editor_announces_a_weekly_kajian_in_its_own_time_zone(
    signed_in, editor, ustadz
):
    first = timezone.localdate() + timedelta(days=7)
    client = signed_in(editor)

    response = client.post(
        "/seller/dakwah/kajian/new/",
        kajian_data(ustadz, start_date=first.isoformat(), action="submit"),
    )

    kajian = Kajian.objects.get()
    assert response.url == reverse("seller:dakwah-kajian-edit", args=[kajian.pk])
    assert kajian.starts_at == datetime.combine(
        first, time(18, 15), ZoneInfo("Asia/Makassar")
    )
    assert (kajian.recurrence, kajian.status) == (Recurrence.WEEKLY, Status.IN_REVIEW)
    page = parse(client.get(response.url))
    assert page.find("p", cls="next-session").text() == (
        f"Next session: {first:%A}, {first.day} {first:%B %Y} · 17.15 WIB "
        f"(18.15 WITA local time) Every {first:%A}, 18.15 WITA"
    )
    assert page.find("input", name="start_time").attrs["value"] == "18:15"


def test_a_refused_kajian_form_keeps_what_was_typed(signed_in, editor, ustadz):
    response = signed_in(editor).post(
        "/seller/dakwah/kajian/new/", kajian_data(ustadz, venue_name="")
    )

    page = parse(response)
    assert response.status_code == 200
    assert page.find("input", name="title").attrs["value"] == "Kajian Kitab Al-Hikam"
    assert page.find("input", name="start_time").attrs["value"] == "18:15"
    assert texts(page.find("div", cls="form-errors").find_all("li")) == [
        "Give the venue, the online link, or both."
    ]
    assert Kajian.objects.count() == 0


def test_without_an_ustadz_the_forms_ask_for_one_first(signed_in, editor):
    for path in ("/seller/dakwah/articles/new/", "/seller/dakwah/kajian/new/"):
        page = parse(signed_in(editor).get(path))

        assert page.find_all("button", name="action") == []
        assert page.find("div", cls="notice").find("a").attrs["href"] == (
            "/seller/dakwah/ustadz/new/"
        )


def test_editor_adds_and_edits_an_ustadz_with_a_checked_photo(
    signed_in, editor, pesantren
):
    client = signed_in(editor)

    client.post(
        "/seller/dakwah/ustadz/new/",
        {
            "name": "Ustadzah Fatimah",
            "short_bio": "Pengajar tahfidz.",
            "photo": photo(),
        },
    )
    ustadz = Ustadz.objects.get()
    client.post(
        f"/seller/dakwah/ustadz/{ustadz.pk}/",
        {"name": "Ustadzah Fatimah Az-Zahra", "short_bio": "Pengajar tahfidz."},
    )

    ustadz.refresh_from_db()
    assert (ustadz.pesantren, ustadz.name, ustadz.slug) == (
        pesantren,
        "Ustadzah Fatimah Az-Zahra",
        "ustadzah-fatimah",
    )
    with Image.open(ustadz.photo.path) as stored:
        assert stored.format == "JPEG"


def test_a_refused_ustadz_form_keeps_what_was_typed(signed_in, editor):
    response = signed_in(editor).post(
        "/seller/dakwah/ustadz/new/", {"name": "", "short_bio": "Pengajar fiqih."}
    )

    assert response.status_code == 200
    assert parse(response).find("textarea", name="short_bio").text() == (
        "Pengajar fiqih."
    )
    assert Ustadz.objects.count() == 0


def test_editor_attaches_a_youtube_video_and_removes_it(
    signed_in, editor, pesantren, ustadz
):
    article = ArticleFactory(pesantren=pesantren, author=ustadz, status=Status.DRAFT)
    media_url = reverse("seller:dakwah-article-media", args=[article.pk])
    client = signed_in(editor)

    client.post(
        media_url,
        {
            "title": "Ngaji Bab Niat",
            "youtube": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "position": "0",
        },
    )
    media = Media.objects.get()
    attached = (media.article, media.youtube_id)
    response = client.post(reverse("seller:dakwah-media-delete", args=[media.pk]))

    assert attached == (article, "dQw4w9WgXcQ")
    assert response.url == media_url
    assert Media.objects.count() == 0


def test_an_audio_file_over_the_limit_is_refused_and_the_title_kept(
    signed_in, editor, pesantren, ustadz, settings
):
    settings.DAKWAH_AUDIO_MAX_BYTES = 1024
    kajian = KajianFactory(pesantren=pesantren, ustadz=ustadz, status=Status.DRAFT)
    audio = SimpleUploadedFile("ceramah.mp3", b"\xff\xfb" * 1024, "audio/mpeg")

    response = signed_in(editor).post(
        reverse("seller:dakwah-kajian-media", args=[kajian.pk]),
        {"title": "Rekaman Kajian", "audio_file": audio, "position": "0"},
    )

    page = parse(response)
    assert response.status_code == 200
    assert texts(page.find("div", id="field-audio_file").find_all("li")) == [
        "The audio file is 2.0 KB; the limit is 1.0 KB."
    ]
    assert page.find("input", name="title").attrs["value"] == "Rekaman Kajian"
    assert Media.objects.count() == 0


def test_an_editor_cannot_add_media_to_a_published_article(
    signed_in, editor, pesantren, ustadz
):
    article = ArticleFactory(pesantren=pesantren, author=ustadz)

    response = signed_in(editor).post(
        reverse("seller:dakwah-article-media", args=[article.pk]),
        {"title": "Video", "youtube": "dQw4w9WgXcQ", "position": "0"},
    )

    assert response.status_code == 403
    assert Media.objects.count() == 0


def test_lists_show_the_status_and_filter_by_it(signed_in, editor, pesantren, ustadz):
    ArticleFactory(pesantren=pesantren, author=ustadz, title="Terbit")
    ArticleFactory(pesantren=pesantren, author=ustadz, title="Draf", status="draft")
    ArticleFactory(title="Artikel pesantren lain")
    client = signed_in(editor)

    everything = parse(client.get("/seller/dakwah/articles/"))
    drafts = parse(client.get("/seller/dakwah/articles/?status=draft"))

    rows = everything.find_all("li", cls="dakwah-row")
    assert [
        (row.find("a", cls="title").text(), row.find("span", cls="badge").text())
        for row in rows
    ] == [("Draf", "Draft"), ("Terbit", "Published")]
    assert texts(drafts.find_all("a", cls="title")) == ["Draf"]


@pytest.mark.parametrize(
    ("path", "queries"),
    [
        # 2 per item kind: counts, in review, returned (articles and kajian)
        ("/seller/dakwah/", 16),
        # the paginator's count and the page
        ("/seller/dakwah/articles/", 12),
        ("/seller/dakwah/kajian/", 12),
        ("/seller/dakwah/ustadz/", 11),
    ],
)
def test_dashboard_lists_read_a_fixed_number_of_queries(
    signed_in, editor, pesantren, django_assert_num_queries, path, queries
):
    # Every page: user, the request's savepoint pair, membership, the two
    # permission checks, and the header's basket and notifications (4); then
    # the page's own reads, as many for 2 items as for 5.
    client = signed_in(editor)

    def add_content(count):
        for _ in range(count):
            ustadz = UstadzFactory(pesantren=pesantren)
            ArticleFactory(pesantren=pesantren, author=ustadz, status="in_review")
            KajianFactory(
                pesantren=pesantren, ustadz=ustadz, recurrence="weekly"
            ).events.create(action="returned", from_status="in_review",
                            to_status="draft", reason="Perbaiki")  # fmt: skip

    add_content(2)
    client.get(path)
    with django_assert_num_queries(queries):
        client.get(path)
    add_content(3)
    with django_assert_num_queries(queries):
        client.get(path)


def test_kajian_of_an_ustadz_count_on_the_ustadz_list(
    signed_in, editor, pesantren, ustadz
):
    KajianFactory(pesantren=pesantren, ustadz=ustadz)
    ArticleFactory(pesantren=pesantren, author=ustadz)
    ArticleFactory(pesantren=pesantren, author=ustadz)

    row = parse(signed_in(editor).get("/seller/dakwah/ustadz/")).find(
        "li", id=f"ustadz-{ustadz.pk}"
    )

    assert texts(row.find("div", cls="meta").find_all("span")) == [
        "2 articles",
        "1 kajian",
    ]


def test_the_kajian_form_shows_the_stored_start_in_its_zone(
    signed_in, editor, pesantren, ustadz, settings
):
    kajian = KajianFactory(
        pesantren=pesantren,
        ustadz=ustadz,
        status=Status.DRAFT,
        time_zone="Asia/Jayapura",
        starts_at=datetime(2026, 12, 12, 19, 30, tzinfo=ZoneInfo("Asia/Jayapura")),
    )

    client = signed_in(editor)
    # In Indonesian too: its own date format would leave the inputs empty.
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "id"

    page = parse(client.get(f"/seller/dakwah/kajian/{kajian.pk}/"))

    assert page.find("input", name="start_date").attrs["value"] == "2026-12-12"
    assert page.find("input", name="start_time").attrs["value"] == "19:30"
    assert page.find("html").attrs["lang"] == "id"
