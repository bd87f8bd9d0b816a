"""Forms for writing dakwah content, scoped to one pesantren.

The seller dashboard's editor pages use these: each form takes the
pesantren being written for, offers only its ustadz and products, and hands
``service_fields()`` to ``dakwah.services`` (the form never saves itself).
"""

import re
from urllib.parse import parse_qs, urlparse

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from dakwah import schedule, selectors
from dakwah.models import YOUTUBE_ID, Article, Kajian, Media, Recurrence, Ustadz

YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be",
                 "www.youtube-nocookie.com", "youtube-nocookie.com"}  # fmt: skip
YOUTUBE_PATH = re.compile(r"^/(?:embed|shorts|live|v)/([A-Za-z0-9_-]{11})")


def parse_youtube_id(value):
    """The video id in a YouTube link or a bare id, or None."""
    value = value.strip()
    if YOUTUBE_ID.match(value):
        return value
    url = urlparse(value if "//" in value else f"https://{value}")
    if url.hostname not in YOUTUBE_HOSTS:
        return None
    if url.hostname == "youtu.be":
        candidate = url.path.lstrip("/")[:11]
    elif url.path == "/watch":
        candidate = parse_qs(url.query).get("v", [""])[0]
    else:
        match = YOUTUBE_PATH.match(url.path)
        candidate = match.group(1) if match else ""
    return candidate if YOUTUBE_ID.match(candidate) else None


def _file_fields(data, *names):
    """Keep a file field only if a file was uploaded ("" when it was cleared)."""
    for name in names:
        value = data.pop(name, None)
        if value is False:
            data[name] = ""
        elif value:
            data[name] = value
    return data


class TagsField(forms.CharField):
    """Tags typed as one comma-separated line."""

    def to_python(self, value):
        value = super().to_python(value)
        return [name.strip() for name in value.split(",") if name.strip()][:10]

    def prepare_value(self, value):
        if isinstance(value, (list, tuple)):
            return ", ".join(str(tag) for tag in value)
        return value


class ArticleForm(forms.ModelForm):
    tags = TagsField(
        label=_("Tags"),
        required=False,
        help_text=_("Separated by commas, e.g. puasa, ramadan."),
    )

    class Meta:
        model = Article
        fields = [
            "title", "summary", "category", "author", "body", "cover_image",
            "linked_products",
        ]  # fmt: skip
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "body": forms.Textarea(attrs={"rows": 18}),
            "linked_products": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, pesantren, **kwargs):
        super().__init__(*args, **kwargs)
        self.pesantren = pesantren
        self.fields["author"].queryset = Ustadz.objects.filter(pesantren=pesantren)
        self.fields["linked_products"].queryset = selectors.products_for_linking(
            pesantren
        )
        if self.instance.pk:
            self.initial["tags"] = [tag.name for tag in self.instance.tags.all()]

    def _post_clean(self):
        # The instance needs its pesantren before the model's clean() runs.
        self.instance.pesantren = self.pesantren
        super()._post_clean()

    def service_fields(self):
        """Keyword arguments for ``services.create_article``/``update_article``."""
        data = _file_fields(dict(self.cleaned_data), "cover_image")
        data["linked_products"] = list(data["linked_products"])
        return data


class KajianForm(forms.ModelForm):
    field_order = ["title", "theme", "ustadz", "start_date", "start_time"]

    online_url = forms.URLField(
        label=Kajian._meta.get_field("online_url").verbose_name,
        help_text=Kajian._meta.get_field("online_url").help_text,
        required=False,
        assume_scheme="https",
    )

    start_date = forms.DateField(
        label=_("Date of the first session"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    start_time = forms.TimeField(
        label=_("Start time"),
        widget=forms.TimeInput(attrs={"type": "time"}),
        help_text=_("Local time at the venue, in the time zone chosen below."),
    )

    class Meta:
        model = Kajian
        fields = [
            "title", "theme", "ustadz", "description", "time_zone",
            "duration_minutes", "recurrence", "repeat_until", "venue_name",
            "venue_address", "online_url", "audience", "poster",
        ]  # fmt: skip
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "repeat_until": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args, pesantren, **kwargs):
        super().__init__(*args, **kwargs)
        self.pesantren = pesantren
        self.fields["ustadz"].queryset = Ustadz.objects.filter(pesantren=pesantren)
        if self.instance.pk:
            local = self.instance.local_start
            self.initial["start_date"] = local.date()
            self.initial["start_time"] = local.time().replace(tzinfo=None)

    def clean(self):
        cleaned = super().clean()
        day, time = cleaned.get("start_date"), cleaned.get("start_time")
        zone = cleaned.get("time_zone")
        if day and time and zone:
            cleaned["starts_at"] = schedule.local_datetime(day, time, zone)
            self.instance.starts_at = cleaned["starts_at"]
        if cleaned.get("recurrence") != Recurrence.WEEKLY:
            cleaned["repeat_until"] = None
        return cleaned

    def _post_clean(self):
        self.instance.pesantren = self.pesantren
        super()._post_clean()

    def service_fields(self):
        """Keyword arguments for ``services.create_kajian``/``update_kajian``."""
        data = dict(self.cleaned_data)
        data.pop("start_date", None)
        data.pop("start_time", None)
        return _file_fields(data, "poster")


class MediaForm(forms.ModelForm):
    youtube = forms.CharField(
        label=_("YouTube link"),
        required=False,
        help_text=_("The video's link, e.g. https://youtu.be/dQw4w9WgXcQ."),
    )

    class Meta:
        model = Media
        fields = ["title", "audio_file", "position"]

    def clean_youtube(self):
        value = self.cleaned_data["youtube"]
        if not value:
            return ""
        video_id = parse_youtube_id(value)
        if video_id is None:
            raise ValidationError(_("This is not a YouTube video link."))
        return video_id

    def clean(self):
        cleaned = super().clean()
        self.instance.youtube_id = cleaned.get("youtube", "")
        return cleaned

    def service_fields(self):
        """Keyword arguments for ``services.add_media``."""
        return {
            "title": self.cleaned_data["title"],
            "youtube_id": self.cleaned_data.get("youtube", ""),
            "audio_file": self.cleaned_data.get("audio_file"),
            "position": self.cleaned_data.get("position") or 0,
        }
