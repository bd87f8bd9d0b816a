"""Stars and review look-ups for templates.

``{% stars value %}`` draws 0–5 stars (fractions shaded) with a text
alternative; ``{{ mapping|review_of:key }}`` reads a dict by key.
"""

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

register = template.Library()


@register.inclusion_tag("marketplace/reviews/stars.html")
def stars(value, size=""):
    value = float(value or 0)
    shown = number_format(round(value, 1), decimal_pos=1)
    return {
        "percent": round(max(0.0, min(value, 5.0)) * 20),
        "label": _("%(rating)s out of 5 stars") % {"rating": shown},
        "size": size,
    }


@register.filter
def review_of(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def one_decimal(value):
    """A rating as shown beside the stars, e.g. 4,7 in Indonesian."""
    if value is None:
        return ""
    return number_format(round(float(value), 1), decimal_pos=1)
