"""The issue's story, end to end: an editor writes, the owner publishes."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from dakwah import services
from dakwah.models import Recurrence
from dakwah.permissions import EDITOR_ROLE
from dakwah.schedule import IndonesianTimeZone, local_datetime
from pesantren.models import Membership
from tests.dakwah.factories import CategoryFactory, UstadzFactory, member
from tests.factories import PesantrenFactory

pytestmark = pytest.mark.django_db

VERSE = "إِنَّ مَعَ الْعُسْرِ يُسْرًا"


def test_editor_article_and_weekly_kajian_reach_every_page_once_published(client):
    pesantren = PesantrenFactory(slug="al-hikmah", name="Pesantren Al-Hikmah")
    owner = member(pesantren, Membership.Role.OWNER)
    editor = member(pesantren, EDITOR_ROLE)
    outsider = member(PesantrenFactory(), EDITOR_ROLE)
    ustadz = UstadzFactory(pesantren=pesantren)

    # The editor pastes a script along with an Arabic verse, and submits.
    article = services.create_article(
        user=editor,
        pesantren=pesantren,
        title="Bersama Kesulitan Ada Kemudahan",
        summary="Tafsir QS. Al-Insyirah: 6.",
        body=f'<blockquote class="quran" lang="ar" dir="rtl"><p>{VERSE}</p>'
        "</blockquote><script>document.location='https://evil.test'</script>",
        category=CategoryFactory(slug="tafsir", name="Tafsir"),
        author=ustadz,
    )
    services.submit_for_review(article, user=editor)
    # A weekly kajian on Thursday after Maghrib, held in WITA.
    kajian = services.create_kajian(
        user=editor,
        pesantren=pesantren,
        title="Kajian Tafsir Juz Amma",
        theme="Tafsir Juz Amma",
        ustadz=ustadz,
        starts_at=local_datetime(
            date(2026, 1, 8), time(18, 15), IndonesianTimeZone.WITA
        ),
        time_zone=IndonesianTimeZone.WITA,
        recurrence=Recurrence.WEEKLY,
        venue_name="Masjid Pondok",
    )
    services.submit_for_review(kajian, user=editor)

    # An editor of another pesantren cannot touch either.
    for content in (article, kajian):
        with pytest.raises(PermissionDenied):
            services.submit_for_review(content, user=outsider)
        with pytest.raises(PermissionDenied):
            services.publish(content, user=outsider)
    with pytest.raises(PermissionDenied):
        services.update_article(article, user=outsider, title="Dibajak")

    # Nothing is public before the owner publishes.
    assert "Bersama Kesulitan" not in client.get("/dakwah/").content.decode()
    services.publish(article, user=owner)
    services.publish(kajian, user=owner)

    home = client.get("/dakwah/").content.decode()
    storefront = client.get("/pesantren/al-hikmah/").content.decode()
    feed = client.get("/dakwah/feed/artikel/").content.decode()
    page = client.get(article.get_absolute_url()).content.decode()
    for html in (home, storefront, feed):
        assert "Bersama Kesulitan Ada Kemudahan" in html
    assert VERSE in page
    assert "evil.test" not in page and "<script>document" not in page
    assert "Kajian Tafsir Juz Amma" in home and "Kajian Tafsir Juz Amma" in storefront

    kajian_page = client.get(kajian.get_absolute_url()).content.decode()
    next_start = kajian.next_start_at().astimezone(ZoneInfo("Asia/Jakarta"))
    assert next_start.time() == time(17, 15)
    assert f"{next_start.day} " in kajian_page and "17.15 WIB</time>" in kajian_page
    assert f"(18.15 WITA {_('local time')})" in kajian_page
    calendar = client.get(f"{kajian.get_absolute_url()}kalender.ics").content.decode()
    assert "DTSTART;TZID=Asia/Makassar:20260108T181500\r\n" in calendar
    assert "RRULE:FREQ=WEEKLY;BYDAY=TH\r\n" in calendar
    assert kajian.next_start_at() > datetime(
        2026, 1, 8, tzinfo=ZoneInfo("Asia/Makassar")
    )
