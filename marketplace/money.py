"""Whole rupiah: the one way amounts are shown and the one way they are read.

Shown: ``Rp150.000`` in Indonesian, ``Rp150,000`` in English, never decimals,
no space after ``Rp``, a minus sign before it; for machines ``150000``. Read: what a seller types,
``150.000``, ``1.500.000``, ``150,000``, ``Rp 150.000`` or ``150000``; a value
with a fraction or an ambiguous grouping is refused with a message.
"""

import re
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from babel.numbers import format_decimal
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext_lazy as _

WHOLE = Decimal("1")

# Digits grouped by thousands with one separator throughout.
_DOT_GROUPED = re.compile(r"^\d{1,3}(\.\d{3})+$")
_COMMA_GROUPED = re.compile(r"^\d{1,3}(,\d{3})+$")
_PLAIN = re.compile(r"^\d+$")
# A zero fraction written out ("150.000,00" or "150,000.00") is still whole.
_ZERO_FRACTION = re.compile(r"^(?P<whole>[\d.,]+?)(?P<sep>[.,])0{1,2}$")


def to_rupiah(amount):
    """Return ``amount`` as a whole-rupiah Decimal, rounding half up."""
    return Decimal(amount).quantize(WHOLE, rounding=ROUND_HALF_UP)


def format_rupiah(amount, language=None):
    """Return ``amount`` as shown to people, in ``language`` or the active one."""
    if amount is None or amount == "":
        return ""
    whole = to_rupiah(amount)
    locale = translation.to_locale(language or translation.get_language() or "id")
    digits = format_decimal(abs(whole), format="#,##0", locale=locale)
    sign = "-" if whole < 0 else ""
    return f"{sign}Rp{digits}"


def format_percent_number(percent, language=None):
    """A percentage's number as people read it: 2.50 -> "2,5" (id), "2.5" (en)."""
    if percent is None or percent == "":
        return ""
    locale = translation.to_locale(language or translation.get_language() or "id")
    return format_decimal(Decimal(str(percent)), format="#,##0.##", locale=locale)


def format_percent(percent, language=None):
    """``percent`` with its sign: "2,5%" (id), "2.5%" (en); "" for None."""
    number = format_percent_number(percent, language)
    return f"{number}%" if number else ""


def format_rupiah_digits(amount):
    """Return ``amount`` as plain whole-rupiah digits, ``150000``, for machines.

    For data attributes, hidden inputs, JSON and URLs: never localised, never
    ``150000.00`` (``unlocalize`` keeps a Decimal's two places).
    """
    if amount is None or amount == "":
        return ""
    return str(to_rupiah(amount))


def parse_rupiah(text):
    """Return the whole-rupiah Decimal a person meant by ``text``.

    Raise ValidationError (with a message in the active language) for a
    fraction, a grouping that could be read two ways, or anything not a price.
    """
    cleaned = re.sub(r"\s+", "", str(text or ""))
    cleaned = re.sub(r"^rp\.?", "", cleaned, flags=re.IGNORECASE)
    if not cleaned:
        raise ValidationError(_("Enter a price in rupiah."), code="required")
    if cleaned.startswith("-"):
        raise ValidationError(_("A price cannot be negative."), code="negative")

    cleaned = _strip_zero_fraction(cleaned)
    if _PLAIN.match(cleaned):
        digits = cleaned
    elif _DOT_GROUPED.match(cleaned):
        digits = cleaned.replace(".", "")
    elif _COMMA_GROUPED.match(cleaned):
        digits = cleaned.replace(",", "")
    elif re.match(r"^\d+[.,]\d{1,2}$", cleaned):
        raise ValidationError(
            _("Rupiah prices have no cents: write %(example)s."),
            code="fraction",
            params={"example": format_rupiah(150000).removeprefix("Rp")},
        )
    else:
        raise ValidationError(
            _(
                "%(value)s is not a clear rupiah amount. Write it like "
                "%(example)s, without cents."
            ),
            code="invalid",
            params={"value": text, "example": format_rupiah(150000).removeprefix("Rp")},
        )
    return Decimal(digits)


def _strip_zero_fraction(cleaned):
    """Drop a written-out zero fraction: ``150.000,00`` and ``150000.00`` are whole."""
    match = _ZERO_FRACTION.match(cleaned)
    if not match:
        return cleaned
    whole = match.group("whole")
    grouped = _COMMA_GROUPED if match.group("sep") == "." else _DOT_GROUPED
    if _PLAIN.match(whole) or grouped.match(whole):
        return whole
    return cleaned


def round_offer_discount(amount, currency=None):
    """Round an Oscar offer discount down to whole rupiah (OSCAR_OFFER_ROUNDING_FUNCTION)."""
    return Decimal(amount).quantize(WHOLE, rounding=ROUND_DOWN)
