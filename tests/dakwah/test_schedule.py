"""Next and last sessions of kajian in WIB, WITA and WIT."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.utils.translation import gettext as _

from dakwah import selectors
from dakwah.models import Recurrence
from dakwah.schedule import IndonesianTimeZone, local_datetime
from tests.dakwah.factories import KajianFactory

WIB, WITA, WIT = (
    ZoneInfo(zone) for zone in ("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura")
)

pytestmark = pytest.mark.django_db


def weekly(day, start, zone, **fields):
    return KajianFactory(
        starts_at=local_datetime(day, start, zone),
        time_zone=zone,
        recurrence=Recurrence.WEEKLY,
        **fields,
    )


def test_weekly_kajian_after_maghrib_is_next_on_the_same_thursday_before_it_starts():
    # Thursday 8 January 2026, 18.15 WIB, weekly.
    kajian = weekly(date(2026, 1, 8), time(18, 15), IndonesianTimeZone.WIB)

    next_start = kajian.next_start_at(now=datetime(2026, 12, 3, 18, 0, tzinfo=WIB))

    assert next_start == datetime(2026, 12, 3, 18, 15, tzinfo=WIB)
    assert next_start.weekday() == 3


def test_a_session_going_on_is_still_the_next_one_until_it_ends():
    kajian = weekly(date(2026, 1, 8), time(18, 15), IndonesianTimeZone.WIB)

    during = kajian.next_start_at(now=datetime(2026, 12, 3, 19, 40, tzinfo=WIB))
    after = kajian.next_start_at(now=datetime(2026, 12, 3, 19, 46, tzinfo=WIB))

    assert during == datetime(2026, 12, 3, 18, 15, tzinfo=WIB)
    assert after == datetime(2026, 12, 10, 18, 15, tzinfo=WIB)


def test_weekly_kajian_keeps_its_local_wall_time_in_wit():
    # Friday 00.30 WIT is still Thursday 22.30 in WIB.
    kajian = weekly(date(2026, 1, 2), time(0, 30), IndonesianTimeZone.WIT)
    # Thursday 23.00 WIB = Friday 01.00 WIT: this week's session is on.
    now = datetime(2026, 12, 3, 23, 0, tzinfo=WIB)

    next_start = kajian.next_start_at(now=now)

    assert next_start == datetime(2026, 12, 4, 0, 30, tzinfo=WIT)
    assert next_start.weekday() == 4
    assert next_start.astimezone(WIB) == datetime(2026, 12, 3, 22, 30, tzinfo=WIB)
    assert next_start.astimezone(WIB).weekday() == 3


def test_weekday_rolls_over_to_the_next_week_once_the_wit_session_is_over():
    kajian = weekly(date(2026, 1, 2), time(0, 30), IndonesianTimeZone.WIT)
    # Friday 02.01 WIT: the 90-minute session ended at 02.00.
    now = datetime(2026, 12, 4, 2, 1, tzinfo=WIT)

    assert kajian.next_start_at(now=now) == datetime(2026, 12, 11, 0, 30, tzinfo=WIT)


def test_weekly_kajian_with_an_end_date_stops_after_its_last_session():
    kajian = weekly(
        date(2026, 2, 23),
        time(16, 0),
        IndonesianTimeZone.WITA,
        repeat_until=date(2026, 3, 16),
    )

    assert kajian.next_start_at(
        now=datetime(2026, 3, 16, 15, 0, tzinfo=WITA)
    ) == datetime(2026, 3, 16, 16, 0, tzinfo=WITA)
    assert kajian.next_start_at(now=datetime(2026, 3, 16, 17, 31, tzinfo=WITA)) is None
    assert kajian.last_start() == datetime(2026, 3, 16, 16, 0, tzinfo=WITA)


def test_one_off_kajian_is_over_after_its_session():
    kajian = KajianFactory(
        starts_at=datetime(2026, 5, 2, 19, 30, tzinfo=WITA), time_zone="Asia/Makassar"
    )

    assert kajian.next_start_at(
        now=datetime(2026, 5, 2, 19, 0, tzinfo=WITA)
    ) == datetime(2026, 5, 2, 19, 30, tzinfo=WITA)
    assert kajian.next_start_at(now=datetime(2026, 5, 2, 21, 1, tzinfo=WITA)) is None


def test_upcoming_kajian_are_sorted_by_their_real_moment_across_zones():
    now = datetime(2026, 12, 1, 12, 0, tzinfo=WIB)
    # 18.00 WIB, and 19.00 WIT = 17.00 WIB on the same Wednesday.
    wib = KajianFactory(starts_at=datetime(2026, 12, 2, 18, 0, tzinfo=WIB))
    wit = KajianFactory(
        starts_at=datetime(2026, 12, 2, 19, 0, tzinfo=WIT),
        time_zone=IndonesianTimeZone.WIT,
    )
    weekly_wib = weekly(date(2026, 1, 7), time(17, 30), IndonesianTimeZone.WIB)
    KajianFactory(starts_at=datetime(2026, 11, 30, 18, 0, tzinfo=WIB))  # over

    upcoming = selectors.upcoming_kajian(now=now)

    assert [kajian.pk for kajian in upcoming] == [wit.pk, weekly_wib.pk, wib.pk]
    assert upcoming[1].next_start == datetime(2026, 12, 2, 17, 30, tzinfo=WIB)


def test_past_kajian_lists_finished_ones_latest_first():
    now = datetime(2026, 12, 1, 12, 0, tzinfo=WIB)
    older = KajianFactory(starts_at=datetime(2026, 10, 1, 18, 0, tzinfo=WIB))
    series = weekly(
        date(2026, 2, 23),
        time(16, 0),
        IndonesianTimeZone.WIB,
        repeat_until=date(2026, 11, 2),
    )
    KajianFactory(starts_at=datetime(2026, 12, 5, 18, 0, tzinfo=WIB))  # to come
    weekly(date(2026, 1, 7), time(17, 30), IndonesianTimeZone.WIB)  # no end

    past = selectors.past_kajian(now=now)

    assert [kajian.pk for kajian in past] == [series.pk, older.pk]
    assert past[0].last_session == datetime(2026, 11, 2, 16, 0, tzinfo=WIB)


def render_time(kajian, moment):
    template = Template("{% load dakwah_tags %}{% kajian_time kajian moment %}")
    return template.render(Context({"kajian": kajian, "moment": moment}))


def test_session_time_is_shown_in_wib_with_the_local_day_when_it_differs():
    kajian = weekly(date(2026, 1, 2), time(0, 30), IndonesianTimeZone.WIT)

    html = render_time(kajian, datetime(2026, 12, 4, 0, 30, tzinfo=WIT))

    assert "Kamis, 3 Desember 2026 · 22.30 WIB" in html
    assert f"(Jumat 00.30 WIT {_('local time')})" in html


def test_a_wib_session_shows_no_second_zone():
    kajian = KajianFactory(starts_at=datetime(2026, 12, 3, 18, 15, tzinfo=WIB))

    html = render_time(kajian, kajian.local_start)

    assert "Kamis, 3 Desember 2026 · 18.15 WIB</time>" in html
    assert _("local time") not in html
