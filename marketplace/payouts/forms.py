"""Forms of payouts: the owner's request, and the admins' decisions."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from marketplace.fields import RupiahField
from marketplace.money import format_rupiah


class PayoutRequestForm(forms.Form):
    amount = RupiahField(
        label=_("Amount to pay out"),
        min_value=1,
        error_messages={"required": _("Enter the amount to pay out.")},
    )

    def __init__(self, *args, requestable=0, **kwargs):
        super().__init__(*args, **kwargs)
        self.requestable = requestable
        self.fields["amount"].min_value = settings.MARKETPLACE_MIN_PAYOUT
        self.fields["amount"].error_messages["min_value"] = _(
            "A payout is at least %(limit)s."
        )
        self.fields["amount"].max_value = requestable
        self.fields["amount"].error_messages["max_value"] = _(
            "At most %(limit)s can be requested now."
        )
        self.fields["amount"].help_text = _(
            "Up to %(requestable)s, at least %(minimum)s."
        ) % {
            "requestable": format_rupiah(requestable),
            "minimum": format_rupiah(settings.MARKETPLACE_MIN_PAYOUT),
        }


class MarkPaidForm(forms.Form):
    reference = forms.CharField(
        label=_("Bank transfer reference"),
        max_length=64,
        help_text=_("As the bank's statement shows it; recorded once."),
    )


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Sent to the pesantren's owner."),
    )
