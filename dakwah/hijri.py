"""Hijri dates beside Masehi ones, on the hijridate package (Umm al-Qura).

Umm al-Qura is a computed calendar: Indonesia fixes Ramadan and the two Eids
by rukyat, so a date can differ by a day from the Kemenag calendar. Pages say
so in the date's title.
"""

from django.utils.translation import gettext_lazy as _
from hijridate import Gregorian

MONTH_NAMES = [
    _("Muharram"),
    _("Safar"),
    _("Rabi' al-Awwal"),
    _("Rabi' al-Akhir"),
    _("Jumada al-Ula"),
    _("Jumada al-Akhirah"),
    _("Rajab"),
    _("Sha'ban"),
    _("Ramadan"),
    _("Shawwal"),
    _("Dhu al-Qa'dah"),
    _("Dhu al-Hijjah"),
]


def format_hijri(day):
    """``day`` (a date) as "16 Ramadan 1447 H", or "" outside 1343-1500 H."""
    try:
        hijri = Gregorian(day.year, day.month, day.day).to_hijri()
    except (OverflowError, ValueError):
        return ""
    month = MONTH_NAMES[hijri.month - 1]
    return _("%(day)s %(month)s %(year)s H") % {
        "day": hijri.day,
        "month": month,
        "year": hijri.year,
    }
