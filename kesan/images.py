"""Uploaded pictures, checked and cleaned before anything is stored.

Santri upload phone photos: large, rotated by an EXIF tag, carrying GPS
coordinates. Every upload is decoded with Pillow (its extension proves
nothing), refused when too heavy or too many pixels, turned upright, stripped
of metadata, flattened onto white and stored as a bounded JPEG. The checks
run in the form, so a refused file is never written to storage.
"""

import io
import warnings
from dataclasses import dataclass
from pathlib import PurePath

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF", "MPO"}
WHITE = (255, 255, 255)


@dataclass(frozen=True)
class CleanImage:
    """A decoded, cleaned picture ready to be saved under ``file.name``."""

    file: ContentFile
    width: int
    height: int


def clean_image(uploaded):
    """Return ``uploaded`` as a CleanImage, or raise ValidationError.

    The caller stores ``result.file``; nothing is written here.
    """
    limit = settings.KESAN_IMAGE_MAX_BYTES
    if uploaded.size > limit:
        raise ValidationError(
            _("The picture is %(size)s; the limit is %(limit)s."),
            code="too_large",
            params={
                "size": filesizeformat(uploaded.size),
                "limit": filesizeformat(limit),
            },
        )
    image = _decode(uploaded)
    image = ImageOps.exif_transpose(image)
    image = _on_white(image)
    side = settings.KESAN_IMAGE_MAX_SIDE
    image.thumbnail((side, side), Image.Resampling.LANCZOS)

    buffer = io.BytesIO()
    # A fresh save with no exif/icc arguments writes no metadata at all.
    image.save(buffer, "JPEG", quality=85, optimize=True)
    name = f"{PurePath(uploaded.name or 'foto').stem[:80] or 'foto'}.jpg"
    return CleanImage(ContentFile(buffer.getvalue(), name=name), *image.size)


def _decode(uploaded):
    not_an_image = ValidationError(
        _("This file is not a picture. Upload a JPEG, PNG or WebP photo."),
        code="invalid_image",
    )
    too_many_pixels = ValidationError(
        _("The picture has too many pixels (at most %(limit)s megapixels)."),
        code="too_many_pixels",
        params={"limit": settings.KESAN_IMAGE_MAX_PIXELS // 1_000_000},
    )
    uploaded.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(uploaded)
            if image.format not in ACCEPTED_FORMATS:
                raise not_an_image
            # The header gives the size before any pixel is decoded, so a
            # decompression bomb is refused without being unpacked.
            width, height = image.size
            if width * height > settings.KESAN_IMAGE_MAX_PIXELS:
                raise too_many_pixels
            side = settings.KESAN_IMAGE_MAX_SIDE
            image.draft("RGB", (side, side))
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise too_many_pixels from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise not_an_image from None
    return image


def _on_white(image):
    """Return an RGB copy; transparent parts become white, CMYK becomes RGB."""
    if "A" in image.getbands() or "transparency" in image.info:
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, WHITE)
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    if image.mode != "RGB":
        return image.convert("RGB")
    return image


class ImageUploadField(forms.FileField):
    """A file field whose cleaned value is a CleanImage."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "widget", forms.ClearableFileInput(attrs={"accept": "image/*"})
        )
        super().__init__(**kwargs)

    def to_python(self, data):
        uploaded = super().to_python(data)
        return None if uploaded is None else clean_image(uploaded)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleImageUploadField(forms.FileField):
    """Several pictures in one input; the cleaned value is a list of CleanImage."""

    default_error_messages = {
        "too_many": _("Upload at most %(limit)s pictures at once."),
    }

    def __init__(self, *, max_count=8, **kwargs):
        self.max_count = max_count
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/*"}))
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, (list, tuple)) else [data]) if f]
        if not files:
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return []
        if len(files) > self.max_count:
            raise ValidationError(
                self.error_messages["too_many"],
                code="too_many",
                params={"limit": self.max_count},
            )
        cleaned, errors = [], []
        for uploaded in files:
            try:
                cleaned.append(clean_image(super().to_python(uploaded)))
            except ValidationError as error:
                errors.extend(
                    ValidationError(
                        _("%(name)s: %(problem)s"),
                        code=error.code,
                        params={"name": uploaded.name, "problem": message},
                    )
                    for message in error.messages
                )
        if errors:
            raise ValidationError(errors)
        return cleaned
