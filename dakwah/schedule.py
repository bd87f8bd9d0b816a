"""Kajian times: Indonesia's three time zones and weekly recurrence.

A kajian is announced in the wall-clock time of the place it is held ("ba'da
Maghrib, 18.15 WITA"), so its first session and its repetition are computed
in that zone; pages then show the next session in WIB, the time most
visitors read, with the kajian's own zone beside it. None of the three zones
has daylight saving time, but the rrule works on aware local datetimes
anyway, so the arithmetic would stay right if that ever changed.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

from dateutil import rrule
from django.db import models
from django.utils import timezone


class IndonesianTimeZone(models.TextChoices):
    # The abbreviations are what Indonesians write, in any language.
    WIB = "Asia/Jakarta", "WIB (UTC+7)"
    WITA = "Asia/Makassar", "WITA (UTC+8)"
    WIT = "Asia/Jayapura", "WIT (UTC+9)"


ABBREVIATIONS = {
    IndonesianTimeZone.WIB: "WIB",
    IndonesianTimeZone.WITA: "WITA",
    IndonesianTimeZone.WIT: "WIT",
}
DISPLAY_ZONE = IndonesianTimeZone.WIB


def zone_info(zone_name):
    return ZoneInfo(zone_name)


def abbreviation(zone_name):
    return ABBREVIATIONS[zone_name]


def weekly_rule(first_start, repeat_until=None):
    """The weekly rrule from ``first_start`` (aware, in the kajian's zone).

    ``repeat_until`` is a date in that zone; the session held on that day is
    the last one.
    """
    until = None
    if repeat_until is not None:
        until = datetime.combine(
            repeat_until, first_start.timetz().replace(tzinfo=None), first_start.tzinfo
        )
    return rrule.rrule(rrule.WEEKLY, dtstart=first_start, until=until)


def next_session_start(first_start, *, weekly, repeat_until, duration, now=None):
    """Start of the first session not yet over at ``now``, in the kajian's zone.

    ``first_start`` is aware and in the kajian's zone; the answer is None when
    every session is over.
    """
    now = (now or timezone.now()).astimezone(first_start.tzinfo)
    # A session that began but has not ended is still the one to show.
    not_ended_after = now - duration
    if not weekly:
        return first_start if first_start > not_ended_after else None
    return weekly_rule(first_start, repeat_until).after(not_ended_after)


def last_session_start(first_start, *, weekly, repeat_until):
    """Start of the last session, or None for a weekly kajian without an end."""
    if not weekly:
        return first_start
    if repeat_until is None:
        return None
    return weekly_rule(first_start, repeat_until)[-1]


def in_display_zone(moment):
    return moment.astimezone(zone_info(DISPLAY_ZONE))


def local_datetime(day, time, zone_name):
    """``day`` at ``time`` (naive) as an aware datetime in ``zone_name``."""
    return datetime.combine(day, time, zone_info(zone_name))
