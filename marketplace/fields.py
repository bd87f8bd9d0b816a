"""Form fields shared by the marketplace's forms."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from marketplace.money import format_rupiah, parse_rupiah


class RupiahInput(forms.TextInput):
    """A text box showing an amount the way the seller would type it."""

    input_type = "text"

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "numeric", "autocomplete": "off", **(attrs or {})})

    def format_value(self, value):
        if value in (None, ""):
            return None
        if isinstance(value, str):
            # A bound form re-shows exactly what was typed.
            return value
        return format_rupiah(value).removeprefix("Rp")


class RupiahField(forms.Field):
    """A whole-rupiah price typed as ``150.000``, ``150,000`` or ``150000``."""

    widget = RupiahInput
    default_error_messages = {
        "min_value": _("The price must be at least %(limit)s."),
        "max_value": _("The price must be at most %(limit)s."),
    }

    def __init__(self, *, min_value=None, max_value=None, **kwargs):
        self.min_value, self.max_value = min_value, max_value
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        return parse_rupiah(value)

    def validate(self, value):
        super().validate(value)
        if value is None:
            return
        if self.min_value is not None and value < self.min_value:
            raise ValidationError(
                self.error_messages["min_value"],
                code="min_value",
                params={"limit": format_rupiah(self.min_value)},
            )
        if self.max_value is not None and value > self.max_value:
            raise ValidationError(
                self.error_messages["max_value"],
                code="max_value",
                params={"limit": format_rupiah(self.max_value)},
            )
