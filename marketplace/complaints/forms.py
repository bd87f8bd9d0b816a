from django import forms
from django.utils.translation import gettext_lazy as _

from kesan.images import MultipleImageUploadField
from marketplace.complaints.models import Complaint
from marketplace.complaints.services import MAX_PHOTOS


class ComplaintForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong?"),
        choices=Complaint.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what is wrong with the order.")},
    )
    description = forms.CharField(
        label=_("Tell the pesantren what happened"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Describe the problem, so the pesantren can help.")
        },
    )
    photos = MultipleImageUploadField(
        label=_("Photos"),
        max_count=MAX_PHOTOS,
        required=False,
        help_text=_("Up to 3 photos: JPEG, PNG or WebP, at most 5 MB each."),
    )


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Your message"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Write a message first.")},
    )


class DecisionForm(forms.Form):
    """The operators' decision on a complaint (Django admin)."""

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (Complaint.Decision.RELEASE, _("Release the held money to the pesantren")),
            (Complaint.Decision.FULL_REFUND, _("Refund the buyer in full")),
            (Complaint.Decision.PARTIAL_REFUND, _("Refund the buyer in part")),
        ],
        widget=forms.RadioSelect,
    )
    amount = forms.IntegerField(
        label=_("Refund amount (whole rupiah, for a partial refund)"),
        min_value=1,
        required=False,
    )
    note = forms.CharField(
        label=_("Decision note (the buyer and the pesantren see it)"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, refundable, **kwargs):
        super().__init__(*args, **kwargs)
        self.refundable = refundable
        self.fields["amount"].max_value = refundable

    def clean(self):
        cleaned = super().clean()
        amount = cleaned.get("amount")
        if cleaned.get("decision") == Complaint.Decision.PARTIAL_REFUND:
            if amount is None:
                self.add_error("amount", _("Enter the amount to refund."))
            elif amount > self.refundable:
                self.add_error(
                    "amount", _("At most what is left of the part can be refunded.")
                )
        return cleaned
