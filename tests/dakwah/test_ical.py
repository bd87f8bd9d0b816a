"""The .ics export of a kajian."""

from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo

import pytest

from dakwah.ical import escape_text, fold, kajian_calendar
from dakwah.models import Recurrence, Status
from dakwah.schedule import IndonesianTimeZone, local_datetime
from tests.dakwah.factories import KajianFactory, UstadzFactory

pytestmark = pytest.mark.django_db

STAMP = datetime(2026, 12, 1, 3, 0, tzinfo=timezone.utc)


def lines_of(text):
    assert text.endswith("\r\n")
    unfolded = text.replace("\r\n ", "")
    return unfolded.split("\r\n")[:-1]


def test_weekly_kajian_exports_a_zoned_event_with_a_weekly_rule():
    ustadz = UstadzFactory(name="Ustadz Hasan Basri")
    kajian = KajianFactory(
        pesantren=ustadz.pesantren,
        ustadz=ustadz,
        title="Kajian Kitab Ta'limul Muta'allim",
        theme="Ta'limul Muta'allim",
        starts_at=local_datetime(
            date(2026, 1, 8), time(18, 15), IndonesianTimeZone.WITA
        ),
        time_zone=IndonesianTimeZone.WITA,
        duration_minutes=75,
        recurrence=Recurrence.WEEKLY,
        venue_name="Masjid Raya",
        venue_address="Jl. Masjid, Makassar",
    )

    lines = lines_of(
        kajian_calendar(kajian, "https://kesan.test/k/", "kesan.test", now=STAMP)
    )

    assert lines[:5] == [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//KESAN//Dakwah//ID",
        "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
    ]  # fmt: skip
    assert lines[5:14] == [
        "BEGIN:VTIMEZONE", "TZID:Asia/Makassar", "BEGIN:STANDARD",
        "DTSTART:19700101T000000", "TZOFFSETFROM:+0800", "TZOFFSETTO:+0800",
        "TZNAME:WITA", "END:STANDARD", "END:VTIMEZONE",
    ]  # fmt: skip
    assert lines[14:] == [
        "BEGIN:VEVENT",
        f"UID:kajian-{kajian.pk}@kesan.test",
        "DTSTAMP:20261201T030000Z",
        "DTSTART;TZID=Asia/Makassar:20260108T181500",
        "DTEND;TZID=Asia/Makassar:20260108T193000",
        "RRULE:FREQ=WEEKLY;BYDAY=TH",
        "SUMMARY:Kajian Kitab Ta'limul Muta'allim",
        "DESCRIPTION:Ta'limul Muta'allim\\nUstadz Hasan Basri\\n"
        f"{kajian.pesantren.name}\\nhttps://kesan.test/k/",
        "LOCATION:Masjid Raya\\, Jl. Masjid\\, Makassar",
        "URL:https://kesan.test/k/",
        "END:VEVENT",
        "END:VCALENDAR",
    ]


def test_weekly_rule_with_an_end_gives_until_in_utc():
    kajian = KajianFactory(
        starts_at=local_datetime(
            date(2026, 2, 23), time(16, 0), IndonesianTimeZone.WIT
        ),
        time_zone=IndonesianTimeZone.WIT,
        recurrence=Recurrence.WEEKLY,
        repeat_until=date(2026, 3, 16),
    )

    lines = lines_of(
        kajian_calendar(kajian, "https://kesan.test/k/", "kesan.test", now=STAMP)
    )

    # 16.00 WIT on Monday 16 March is 07.00 UTC.
    assert "RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20260316T070000Z" in lines


def test_one_off_kajian_has_no_rule_and_an_online_location():
    kajian = KajianFactory(
        starts_at=datetime(2026, 5, 2, 19, 30, tzinfo=ZoneInfo("Asia/Jakarta")),
        venue_name="",
        online_url="https://youtube.com/live/abc",
    )

    lines = lines_of(
        kajian_calendar(kajian, "https://kesan.test/k/", "kesan.test", now=STAMP)
    )

    assert not any(line.startswith("RRULE") for line in lines)
    assert "DTSTART;TZID=Asia/Jakarta:20260502T193000" in lines
    assert "LOCATION:https://youtube.com/live/abc" in lines


def test_text_values_are_escaped():
    assert escape_text("a;b,c\\d\ne") == "a\\;b\\,c\\\\d\\ne"


def test_long_lines_fold_at_75_octets_without_splitting_a_character():
    line = "SUMMARY:" + "كتاب " * 30

    folded = fold(line)

    parts = folded.split("\r\n ")
    assert len(parts) > 1
    assert all(len(part.encode("utf-8")) <= 75 for part in parts[:1])
    assert all(len(part.encode("utf-8")) <= 74 for part in parts[1:])
    assert "".join(parts) == line


def test_calendar_view_serves_an_ics_attachment(client):
    kajian = KajianFactory(slug="ngaji-pasaran")

    response = client.get(f"/dakwah/kajian/{kajian.slug}/kalender.ics")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="ngaji-pasaran.ics"'
    body = response.content.decode()
    assert "URL:http://testserver/dakwah/kajian/ngaji-pasaran/\r\n" in body
    assert f"UID:kajian-{kajian.pk}@testserver\r\n" in body


def test_calendar_of_an_unpublished_kajian_is_not_found(client):
    kajian = KajianFactory(status=Status.IN_REVIEW)

    response = client.get(f"/dakwah/kajian/{kajian.slug}/kalender.ics")

    assert response.status_code == 404
