"""The iCalendar (RFC 5545) file of a kajian, for "add to calendar".

Written by hand: one event, optionally weekly, in one of Indonesia's three
fixed-offset zones, needs no library. Each zone is declared in a VTIMEZONE
(a TZID without one is not valid iCalendar), which is simple because none of
them has daylight saving time.
"""

from datetime import timezone as dt_timezone

from django.utils import timezone

from dakwah import schedule

LINE_LIMIT = 75  # octets per line, before folding (RFC 5545, 3.1)


def escape_text(value):
    """Escape a TEXT value: backslash, semicolon, comma and newlines."""
    return (
        str(value)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def fold(line):
    """Split ``line`` into lines of at most 75 octets, never inside a character."""
    parts, current, size = [], "", 0
    for character in line:
        width = len(character.encode("utf-8"))
        # Continuation lines start with a space, which counts towards the limit.
        limit = LINE_LIMIT if not parts else LINE_LIMIT - 1
        if size + width > limit:
            parts.append(current)
            current, size = "", 0
        current += character
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def _local(moment):
    return moment.strftime("%Y%m%dT%H%M%S")


def _utc(moment):
    return moment.astimezone(dt_timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def _vtimezone(zone_name, moment):
    """The VTIMEZONE of ``zone_name``, at the fixed offset it has at ``moment``."""
    offset = moment.utcoffset()
    hours = int(offset.total_seconds() // 3600)
    minutes = int(offset.total_seconds() % 3600 // 60)
    utc_offset = f"+{hours:02d}{minutes:02d}"
    return [
        "BEGIN:VTIMEZONE",
        f"TZID:{zone_name}",
        "BEGIN:STANDARD",
        "DTSTART:19700101T000000",
        f"TZOFFSETFROM:{utc_offset}",
        f"TZOFFSETTO:{utc_offset}",
        f"TZNAME:{schedule.abbreviation(zone_name)}",
        "END:STANDARD",
        "END:VTIMEZONE",
    ]


def weekly_rrule(kajian):
    """The RRULE value of a weekly kajian, e.g. ``FREQ=WEEKLY;BYDAY=TH``."""
    weekday = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][kajian.local_start.weekday()]
    rule = f"FREQ=WEEKLY;BYDAY={weekday}"
    last = kajian.last_start()
    if last is not None:
        # With a zoned DTSTART, UNTIL must be given in UTC.
        rule += f";UNTIL={_utc(last)}"
    return rule


def kajian_calendar(kajian, page_url, domain, now=None):
    """The .ics text of ``kajian`` (CRLF line ends), linking to ``page_url``."""
    start = kajian.local_start
    end = start + kajian.duration
    location = (
        ", ".join(part for part in (kajian.venue_name, kajian.venue_address) if part)
        or kajian.online_url
    )
    description = "\n".join(
        part
        for part in (
            kajian.theme,
            str(kajian.ustadz),
            kajian.pesantren.name,
            kajian.online_url,
            page_url,
        )
        if part
    )
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//KESAN//Dakwah//ID",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        *_vtimezone(kajian.time_zone, start),
        "BEGIN:VEVENT",
        f"UID:kajian-{kajian.pk}@{domain}",
        f"DTSTAMP:{_utc(now or timezone.now())}",
        f"DTSTART;TZID={kajian.time_zone}:{_local(start)}",
        f"DTEND;TZID={kajian.time_zone}:{_local(end)}",
    ]
    if kajian.is_weekly:
        lines.append(f"RRULE:{weekly_rrule(kajian)}")
    lines += [
        f"SUMMARY:{escape_text(kajian.title)}",
        f"DESCRIPTION:{escape_text(description)}",
        f"LOCATION:{escape_text(location)}",
        f"URL:{page_url}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(fold(line) + "\r\n" for line in lines)
