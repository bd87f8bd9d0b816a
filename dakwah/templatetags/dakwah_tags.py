"""Template tags of the dakwah pages, and the storefront's dakwah block.

``{% pesantren_dakwah pesantren %}`` is how the marketplace storefront shows
a pesantren's articles and kajian without its Python code importing dakwah.
"""

from urllib.parse import quote

from django import template
from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext as _

from dakwah import schedule, selectors
from dakwah.hijri import format_hijri

register = template.Library()

STOREFRONT_ARTICLES = 3
STOREFRONT_KAJIAN = 3


@register.inclusion_tag("dakwah/partials/storefront_dakwah.html")
def pesantren_dakwah(pesantren):
    """The latest articles and upcoming kajian of ``pesantren`` (2 queries)."""
    return {
        "pesantren": pesantren,
        "articles": selectors.latest_articles(STOREFRONT_ARTICLES, pesantren=pesantren),
        "kajian_list": selectors.upcoming_kajian(
            STOREFRONT_KAJIAN, pesantren=pesantren
        ),
    }


@register.simple_tag(takes_context=True)
def absolute_url(context, item_or_path):
    """The full URL of a model instance or a path, for sharing and feeds."""
    path = getattr(item_or_path, "get_absolute_url", lambda: item_or_path)()
    return context["request"].build_absolute_uri(path)


@register.simple_tag
def whatsapp_share_url(title, url):
    """A wa.me link that opens WhatsApp with ``title`` and ``url`` typed in."""
    return "https://wa.me/?text=" + quote(f"{title} {url}", safe="")


@register.filter
def hijri(moment):
    """The Hijri date of an aware datetime (its day in WIB) or of a date."""
    if not moment:
        return ""
    if hasattr(moment, "hour"):
        moment = timezone.localtime(moment, schedule.zone_info(schedule.DISPLAY_ZONE))
    return format_hijri(moment.date() if hasattr(moment, "date") else moment)


@register.inclusion_tag("dakwah/partials/kajian_time.html")
def kajian_time(kajian, moment):
    """``moment`` (a session start) in WIB, with the kajian's own zone if other."""
    # Naive dates and times, so that the date and time filters show them as
    # they are instead of converting them to the current time zone.
    display = schedule.in_display_zone(moment)
    local = moment.astimezone(kajian.zone)
    return {
        "moment": moment,
        "day": display.date(),
        "time": display.time(),
        "zone": schedule.abbreviation(schedule.DISPLAY_ZONE),
        "local_day": local.date(),
        "local_time": local.time(),
        "local_zone": kajian.zone_abbreviation,
        "shows_local": kajian.time_zone != schedule.DISPLAY_ZONE,
        "same_day": display.date() == local.date(),
    }


@register.simple_tag
def kajian_repeats(kajian):
    """How a kajian repeats, in its own zone: "Every Thursday, 18.15 WITA"."""
    if not kajian.is_weekly:
        return ""
    local = kajian.local_start
    return _("Every %(weekday)s, %(time)s %(zone)s") % {
        "weekday": WEEKDAYS[local.weekday()],
        # Indonesian 24-hour style, as the zone after it: "18.15 WITA".
        "time": local.strftime("%H.%M"),
        "zone": kajian.zone_abbreviation,
    }
