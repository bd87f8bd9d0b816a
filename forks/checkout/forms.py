from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.apps.checkout.forms import GatewayForm, ShippingMethodForm
from oscar.core.loading import get_model

from marketplace.address_forms import FIELDS, IndonesianAddressForm

__all__ = [
    "GatewayForm",
    "ShippingAddressForm",
    "ShippingChoiceForm",
    "ShippingMethodForm",
]


class ShippingAddressForm(IndonesianAddressForm):
    class Meta:
        model = get_model("order", "ShippingAddress")
        fields = FIELDS


class ShippingChoiceForm(forms.Form):
    """One choice of shipping option per pesantren in the basket.

    ``parts`` are ShippingParts (marketplace.shipping.methods); each gets a
    radio field named ``pesantren-<id>``.
    """

    def __init__(self, *args, parts=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.parts = list(parts)
        for part in self.parts:
            self.fields[self.field_name(part)] = forms.ChoiceField(
                label=str(part.group.pesantren),
                choices=[(option.code, option.name) for option in part.options],
                initial=part.chosen.code if part.chosen else None,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Choose how this pesantren sends your order.")
                },
            )

    @staticmethod
    def field_name(part):
        return f"pesantren-{part.group.pesantren_id}"

    def choices(self):
        """The chosen option code per pesantren id (as text), for the session."""
        return {
            str(part.group.pesantren_id): self.cleaned_data[self.field_name(part)]
            for part in self.parts
        }

    def bound_parts(self):
        """(part, bound field) pairs, for the template."""
        return [(part, self[self.field_name(part)]) for part in self.parts]
