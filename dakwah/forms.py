"""Forms for writing dakwah content, scoped to one pesantren.

The seller dashboard's editor pages use these: each form takes the
pesantren being written for, offers only its ustadz and products, and hands
``service_fields()`` to ``dakwah.services`` (the form never saves itself).
"""

import re
from urllib.parse import parse_qs, urlparse

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from dakwah import schedule, selectors
from dakwah.models import YOUTUBE_ID, Article, Kajian, Media, Recurrence, Ustadz
from dakwah.sanitize import has_paragraphs, paragraphs_from_text
from kesan.images import CleanImage, ImageUploadField

YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be",
                 "www.youtube-nocookie.com", "youtube-nocookie.com"}  # fmt: skip
YOUTUBE_PATH = re.compile(r"^/(?:embed|shorts|live|v)/([A-Za-z0-9_-]{11})")
# Date and time inputs take only these forms, whatever the language: the
# Indonesian formats ("08-01-2026", "18.15") would show an empty field.
HTML_DATE = "%Y-%m-%d"
HTML_TIME = "%H:%M"


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
    """Keep a picture only if one was uploaded ("" when it was cleared).

    An unchanged picture (the field's initial file) is left out, so the
    service keeps the one stored.
    """
    for name in names:
        value = data.pop(name, None)
        if value is False:
            data[name] = ""
        elif isinstance(value, CleanImage):
            data[name] = value.file
    return data


def checked_image_field(model, name):
    """An upload of ``model.name`` through kesan.images (checked, cleaned)."""
    return ImageUploadField(
        label=model._meta.get_field(name).verbose_name, required=False
    )


class CheckedImagesMixin:
    """Show the stored pictures of ``image_fields`` as the fields' initial.

    The pictures are form fields, not model form fields, so that a
    CleanImage never reaches the instance before the service saves it.
    """

    image_fields = ()

    def show_stored_images(self):
        for name in self.image_fields:
            stored = getattr(self.instance, name)
            if self.instance.pk and stored:
                self.initial[name] = stored


class TagsField(forms.CharField):
    """Tags typed as one comma-separated line."""

    def to_python(self, value):
        value = super().to_python(value)
        return [name.strip() for name in value.split(",") if name.strip()][:10]

    def prepare_value(self, value):
        if isinstance(value, (list, tuple)):
            return ", ".join(str(tag) for tag in value)
        return value


class ArticleForm(CheckedImagesMixin, forms.ModelForm):
    image_fields = ["cover_image"]
    field_order = [
        "title", "summary", "category", "author", "body", "cover_image", "tags",
        "linked_products",
    ]  # fmt: skip

    cover_image = checked_image_field(Article, "cover_image")
    tags = TagsField(
        label=_("Tags"),
        required=False,
        help_text=_("Separated by commas, e.g. puasa, ramadan."),
    )

    class Meta:
        model = Article
        fields = [
            "title", "summary", "category", "author", "body", "linked_products",
        ]  # fmt: skip
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "body": forms.Textarea(attrs={"rows": 18, "dir": "auto"}),
            "linked_products": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "body": _(
                "Plain text is fine: leave an empty line between paragraphs; a "
                "paragraph in Arabic is set right to left. HTML works too, e.g. "
                '<blockquote class="quran" lang="ar"> for a verse; scripts are '
                "removed."
            )
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
        self.show_stored_images()

    def clean_body(self):
        body = self.cleaned_data["body"]
        # Text pasted from WhatsApp or a phone's notes has no paragraph tags;
        # its blank lines are the paragraphs the writer meant.
        if body and not has_paragraphs(body):
            body = paragraphs_from_text(body)
        return body

    def _post_clean(self):
        # The instance needs its pesantren before the model's clean() runs.
        self.instance.pesantren = self.pesantren
        super()._post_clean()

    def service_fields(self):
        """Keyword arguments for ``services.create_article``/``update_article``."""
        data = _file_fields(dict(self.cleaned_data), "cover_image")
        data["linked_products"] = list(data["linked_products"])
        return data


class KajianForm(CheckedImagesMixin, forms.ModelForm):
    image_fields = ["poster"]
    field_order = ["title", "theme", "ustadz", "start_date", "start_time"]

    poster = checked_image_field(Kajian, "poster")

    online_url = forms.URLField(
        label=Kajian._meta.get_field("online_url").verbose_name,
        help_text=Kajian._meta.get_field("online_url").help_text,
        required=False,
        assume_scheme="https",
    )

    start_date = forms.DateField(
        label=_("Date of the first session"),
        widget=forms.DateInput(attrs={"type": "date"}, format=HTML_DATE),
    )
    start_time = forms.TimeField(
        label=_("Start time"),
        widget=forms.TimeInput(attrs={"type": "time"}, format=HTML_TIME),
        help_text=_("Local time at the venue, in the time zone chosen below."),
    )

    class Meta:
        model = Kajian
        fields = [
            "title", "theme", "ustadz", "description", "time_zone",
            "duration_minutes", "recurrence", "repeat_until", "venue_name",
            "venue_address", "online_url", "audience",
        ]  # fmt: skip
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "repeat_until": forms.DateInput(attrs={"type": "date"}, format=HTML_DATE),
        }

    def __init__(self, *args, pesantren, **kwargs):
        super().__init__(*args, **kwargs)
        self.pesantren = pesantren
        self.fields["ustadz"].queryset = Ustadz.objects.filter(pesantren=pesantren)
        if self.instance.pk:
            local = self.instance.local_start
            self.initial["start_date"] = local.date()
            self.initial["start_time"] = local.time().replace(tzinfo=None)
        self.show_stored_images()

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

    def clean_audio_file(self):
        audio = self.cleaned_data.get("audio_file")
        limit = settings.DAKWAH_AUDIO_MAX_BYTES
        if audio and audio.size > limit:
            raise ValidationError(
                _("The audio file is %(size)s; the limit is %(limit)s."),
                code="too_large",
                params={
                    "size": filesizeformat(audio.size),
                    "limit": filesizeformat(limit),
                },
            )
        return audio

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


class UstadzForm(CheckedImagesMixin, forms.ModelForm):
    image_fields = ["photo"]

    photo = checked_image_field(Ustadz, "photo")

    class Meta:
        model = Ustadz
        fields = ["name", "short_bio"]
        widgets = {"short_bio": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.show_stored_images()

    def service_fields(self):
        """Keyword arguments for ``services.create_ustadz``/``update_ustadz``."""
        return _file_fields(dict(self.cleaned_data), "photo")


class ReturnForm(forms.Form):
    """The owner's remarks when sending content back to its writers."""

    reason = forms.CharField(
        label=_("Remarks for the writers"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What should change before it can be published."),
    )
