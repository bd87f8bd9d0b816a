"""Checks on an uploaded certificate document, by its content.

A PDF must start with the PDF signature; a picture must open in Pillow as
JPEG or PNG. The name a file carries proves nothing. The checks run in the
form, so a refused file is never stored.
"""

import warnings
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

PDF_SIGNATURE = b"%PDF-"
IMAGE_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png"}


@dataclass(frozen=True)
class CheckedDocument:
    file: object
    content_type: str


def check_document(uploaded):
    """Return ``uploaded`` as a CheckedDocument, or raise ValidationError."""
    limit = settings.MARKETPLACE_CERTIFICATE_MAX_BYTES
    if uploaded.size > limit:
        raise ValidationError(
            _("The file is %(size)s; the limit is %(limit)s."),
            code="too_large",
            params={
                "size": filesizeformat(uploaded.size),
                "limit": filesizeformat(limit),
            },
        )
    uploaded.seek(0)
    head = uploaded.read(1024)
    uploaded.seek(0)
    if head.startswith(PDF_SIGNATURE):
        return CheckedDocument(uploaded, "application/pdf")
    content_type = _image_type(uploaded)
    if content_type is None:
        raise ValidationError(
            _(
                "This file is not a PDF or a photo. Upload the certificate as a PDF, "
                "JPEG or PNG."
            ),
            code="invalid_document",
        )
    return CheckedDocument(uploaded, content_type)


def _image_type(uploaded):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(uploaded) as image:
                image.verify()
                kind = IMAGE_TYPES.get(image.format)
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
    ):
        return None
    finally:
        uploaded.seek(0)
    return kind
