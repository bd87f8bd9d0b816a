from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext as _

from dakwah import services
from dakwah.forms import ArticleForm, KajianForm, MediaForm, parse_youtube_id
from dakwah.models import Status
from dakwah.permissions import EDITOR_ROLE
from tests.dakwah.factories import CategoryFactory, UstadzFactory, member
from tests.factories import PesantrenFactory, make_product

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "value",
    [
        "dQw4w9WgXcQ",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=30s",
        "https://youtu.be/dQw4w9WgXcQ?si=abc",
        "youtube.com/shorts/dQw4w9WgXcQ",
        "https://www.youtube.com/live/dQw4w9WgXcQ",
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
    ],
)
def test_youtube_links_give_their_video_id(value):
    assert parse_youtube_id(value) == "dQw4w9WgXcQ"


@pytest.mark.parametrize(
    "value",
    ["https://evil.test/watch?v=dQw4w9WgXcQ", "https://youtu.be/short", "hello"],
)
def test_other_links_are_not_youtube_videos(value):
    assert parse_youtube_id(value) is None


def test_article_form_offers_only_own_ustadz_and_products_and_creates_a_draft():
    pesantren = PesantrenFactory()
    ustadz = UstadzFactory(pesantren=pesantren)
    other_ustadz = UstadzFactory()
    own = make_product(pesantren)
    foreign = make_product(PesantrenFactory())
    editor = member(pesantren, EDITOR_ROLE)
    data = {
        "title": "Hukum Jual Beli Salam",
        "summary": "Ringkasan.",
        "category": CategoryFactory().pk,
        "author": ustadz.pk,
        "body": "<p>Isi</p><script>x()</script>",
        "linked_products": [own.pk],
        "tags": "muamalah, akad",
    }

    form = ArticleForm(data, pesantren=pesantren)
    assert form.is_valid(), form.errors
    article = services.create_article(
        user=editor, pesantren=pesantren, **form.service_fields()
    )

    assert list(form.fields["author"].queryset) == [ustadz]
    assert other_ustadz not in form.fields["author"].queryset
    assert list(form.fields["linked_products"].queryset) == [own]
    assert foreign not in form.fields["linked_products"].queryset
    assert (article.status, article.body) == (Status.DRAFT, "<p>Isi</p>")
    assert sorted(tag.name for tag in article.tags.all()) == ["akad", "muamalah"]


def test_article_form_refuses_a_product_of_another_pesantren():
    pesantren = PesantrenFactory()
    foreign = make_product(PesantrenFactory())
    data = {
        "title": "Judul",
        "summary": "Ringkasan.",
        "category": CategoryFactory().pk,
        "author": UstadzFactory(pesantren=pesantren).pk,
        "body": "<p>Isi</p>",
        "linked_products": [foreign.pk],
    }

    form = ArticleForm(data, pesantren=pesantren)

    assert form.is_valid() is False
    assert list(form.errors) == ["linked_products"]


def test_kajian_form_reads_the_start_in_the_chosen_zone():
    pesantren = PesantrenFactory()
    data = {
        "title": "Kajian Kamis Malam",
        "theme": "Kitab Al-Hikam",
        "ustadz": UstadzFactory(pesantren=pesantren).pk,
        "start_date": "2026-12-03",
        "start_time": "18:15",
        "time_zone": "Asia/Jayapura",
        "duration_minutes": 90,
        "recurrence": "weekly",
        "repeat_until": "2027-06-24",
        "venue_name": "Masjid Agung",
        "audience": "umum",
    }

    form = KajianForm(data, pesantren=pesantren)
    assert form.is_valid(), form.errors
    kajian = services.create_kajian(
        user=member(pesantren, EDITOR_ROLE),
        pesantren=pesantren,
        **form.service_fields(),
    )

    assert kajian.starts_at == datetime(
        2026, 12, 3, 18, 15, tzinfo=ZoneInfo("Asia/Jayapura")
    )
    assert kajian.local_start.time() == time(18, 15)
    assert kajian.repeat_until == date(2027, 6, 24)


def test_kajian_form_needs_a_venue_or_an_online_link():
    pesantren = PesantrenFactory()
    data = {
        "title": "Kajian",
        "theme": "Tema",
        "ustadz": UstadzFactory(pesantren=pesantren).pk,
        "start_date": "2026-12-03",
        "start_time": "18:15",
        "time_zone": "Asia/Jakarta",
        "duration_minutes": 90,
        "recurrence": "once",
        "audience": "umum",
    }

    form = KajianForm(data, pesantren=pesantren)

    assert form.is_valid() is False
    assert form.errors["__all__"] == [_("Give the venue, the online link, or both.")]


def test_media_form_takes_a_youtube_link():
    form = MediaForm(
        {"title": "Ngaji", "youtube": "https://youtu.be/dQw4w9WgXcQ", "position": 0}
    )

    assert form.is_valid(), form.errors
    assert form.service_fields()["youtube_id"] == "dQw4w9WgXcQ"


def test_media_form_refuses_an_audio_file_that_is_not_audio():
    upload = SimpleUploadedFile("ceramah.exe", b"MZ", content_type="audio/mpeg")
    form = MediaForm({"title": "Ceramah", "position": 0}, {"audio_file": upload})

    assert form.is_valid() is False
    assert list(form.errors) == ["audio_file"]
