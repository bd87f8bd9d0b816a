"""The buyer's review form: stars, an optional title and the text."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

TITLE_MAX_LENGTH = 100
BODY_MIN_LENGTH = 10
BODY_MAX_LENGTH = 2000
SCORE_CHOICES = [(stars, stars) for stars in range(1, 6)]
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_BLANK_LINES = re.compile(r"\n{3,}")


def clean_plain_text(text):
    """Text as typed, without control characters or runs of blank lines.

    Stored as plain text and escaped when shown: no HTML is ever kept.
    """
    text = _CONTROL.sub("", text.replace("\r\n", "\n")).strip()
    return _BLANK_LINES.sub("\n\n", text)


class ReviewForm(forms.Form):
    score = forms.TypedChoiceField(
        label=_("Rating"),
        choices=SCORE_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose a rating from 1 to 5 stars."),
            "invalid_choice": _("Choose a rating from 1 to 5 stars."),
        },
    )
    title = forms.CharField(
        label=_("Title"),
        required=False,
        max_length=TITLE_MAX_LENGTH,
    )
    body = forms.CharField(
        label=_("Your review"),
        min_length=BODY_MIN_LENGTH,
        max_length=BODY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What was good or not about the product? Plain text only."),
        error_messages={"required": _("Write a few words about the product.")},
    )

    def clean_title(self):
        return clean_plain_text(self.cleaned_data["title"])

    def clean_body(self):
        return clean_plain_text(self.cleaned_data["body"])
