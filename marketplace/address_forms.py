"""The Indonesian address form, for the address book and for checkout."""

from django.utils.translation import gettext_lazy as _
from oscar.apps.address.forms import AbstractAddressForm
from oscar.forms.mixins import PhoneNumberMixin

from marketplace.addresses import IndonesianAddressFormMixin, indonesia

FIELDS = ["first_name", "phone_number", "line1", "postcode", "notes"]
LABELS = {
    "first_name": _("Recipient name"),
    "line1": _("Street, house number, RT/RW"),
    "postcode": _("Postcode"),
    "notes": _("Notes for the courier"),
}


class IndonesianAddressForm(
    IndonesianAddressFormMixin, PhoneNumberMixin, AbstractAddressForm
):
    """An Oscar address ModelForm in Indonesian shape; subclasses set ``Meta.model``."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The phone number is read as Indonesian when written locally (0812...).
        self.instance.country = indonesia()
        for name, label in LABELS.items():
            self.fields[name].label = label
        self.fields["first_name"].required = True
        self.fields["phone_number"].required = True
        self.fields["phone_number"].help_text = _("The courier calls this number.")
        self.fields["notes"].required = False
        self.fields["notes"].widget.attrs["rows"] = 2
        self.add_region_fields()

    def clean(self):
        return self.clean_region(super().clean())
