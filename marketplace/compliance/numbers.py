"""Legality numbers: their formats, and whether a product carries the one a
category needs (see marketplace.compliance.rules for the needs).

Numbers are stored the way the forms clean them: a halal or BPOM number in
capitals without spaces; a P-IRT number as typed (labels print it in groups).
"""

import re

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

# SIHALAL certificates read "ID" and the digits of the region, the business
# and the serial, e.g. ID35110000123450124.
_HALAL = re.compile(r"^ID\d{10,20}$")
_BPOM = re.compile(r"^(MD|ML|NA|TR|TI|SD|SI|QD|QL|FF)\d{9,15}$")
_SEPARATORS = re.compile(r"[\s.\-/]")

# The product field each certificate kind certifies.
NUMBER_FIELDS = {"halal": "halal_certificate_number"}


def clean_halal_number(text):
    """A BPJPH (SIHALAL) certificate number in capitals, e.g. ID35110000123450124."""
    compact = _SEPARATORS.sub("", (text or "").upper())
    if compact and not _HALAL.match(compact):
        raise ValidationError(
            _(
                "A halal certificate number from BPJPH (SIHALAL) is ID followed by "
                "digits, e.g. ID35110000123450124."
            ),
            code="invalid_halal",
        )
    return compact


def clean_pirt_number(text):
    """A P-IRT number as typed, if it has the 15 or more digits SPP-IRT gives."""
    text = (text or "").strip()
    if text and len(re.sub(r"\D", "", text)) < 15:
        raise ValidationError(
            _("A P-IRT number has at least 15 digits."), code="invalid_pirt"
        )
    return text


def clean_bpom_number(text):
    """A BPOM number in capitals without spaces, e.g. MD224510001234.

    "BPOM RI" printed before it on labels is dropped.
    """
    compact = _SEPARATORS.sub("", (text or "").upper())
    compact = compact.removeprefix("BPOMRI")
    if compact and not _BPOM.match(compact):
        raise ValidationError(
            _(
                "A BPOM number starts with MD, ML, NA, TR, SD or SI followed by "
                "digits, e.g. MD 224510001234."
            ),
            code="invalid_bpom",
        )
    return compact


# What each need asks of a product, in Python and as SQL (both must agree).


def has_number_for(product, need):
    bpom = product.bpom_number or ""
    if need == "halal":
        return bool(product.halal_certificate_number)
    if need == "food_registration":
        return bool(product.pirt_number) or bpom.startswith(("MD", "ML"))
    if need == "bpom_cosmetic":
        return bpom.startswith("NA")
    if need == "bpom_traditional":
        return bpom.startswith("TR")
    raise ValueError(need)


def missing_number(need):
    """A Q matching the products that lack the number ``need`` asks for."""
    if need == "halal":
        return Q(halal_certificate_number="")
    if need == "food_registration":
        return (
            Q(pirt_number="")
            & ~Q(bpom_number__startswith="MD")
            & ~Q(bpom_number__startswith="ML")
        )
    if need == "bpom_cosmetic":
        return ~Q(bpom_number__startswith="NA")
    if need == "bpom_traditional":
        return ~Q(bpom_number__startswith="TR")
    raise ValueError(need)
