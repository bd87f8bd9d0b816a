"""Product pictures as pages show them: square renditions made by Celery,
the original until they exist, a placeholder when the file is gone.

Renditions live next to the original under ``renditions/<size>/``, so their
names follow from the original's and no table is needed. Whether a file is
in storage is cached, because asking S3 costs a request per picture.
"""

import hashlib
import io
import logging

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.templatetags.static import static
from PIL import Image, ImageOps

logger = logging.getLogger(__name__)

# Size name: side in pixels. Cards show 300 px squares, the product page 600.
RENDITIONS = {"thumb": 128, "card": 360, "detail": 720}
PLACEHOLDER = "img/placeholder.svg"
PRESENT_FOR = 3600
ABSENT_FOR = 60


def rendition_name(name, size):
    return f"renditions/{size}/{name}"


def _exists_key(name):
    return f"media-exists:{hashlib.sha1(name.encode()).hexdigest()}"


def is_stored(name):
    """Whether ``name`` is in the default storage (cached)."""
    key = _exists_key(name)
    found = cache.get(key)
    if found is None:
        found = default_storage.exists(name)
        cache.set(key, found, PRESENT_FOR if found else ABSENT_FOR)
    return found


def picture_url(name, size):
    """The URL to show the picture stored as ``name`` at ``size``."""
    if not name:
        return static(PLACEHOLDER)
    rendition = rendition_name(name, size)
    if is_stored(rendition):
        return default_storage.url(rendition)
    if is_stored(name):
        return default_storage.url(name)
    return static(PLACEHOLDER)


def make_renditions(name):
    """Write every rendition of the original ``name``; skip a missing file."""
    if not default_storage.exists(name):
        logger.warning("%s: original missing, no renditions made", name)
        return []
    with default_storage.open(name) as handle:
        original = Image.open(handle)
        original.load()
    original = original.convert("RGB")
    made = []
    for size, side in RENDITIONS.items():
        square = ImageOps.fit(original, (side, side), Image.Resampling.LANCZOS)
        buffer = io.BytesIO()
        square.save(buffer, "JPEG", quality=82, optimize=True)
        target = rendition_name(name, size)
        if default_storage.exists(target):
            default_storage.delete(target)
        saved = default_storage.save(target, ContentFile(buffer.getvalue()))
        cache.set(_exists_key(saved), True, PRESENT_FOR)
        made.append(saved)
    return made


def delete_renditions(names):
    for name in names:
        for size in RENDITIONS:
            target = rendition_name(name, size)
            default_storage.delete(target)
            cache.delete(_exists_key(target))
        cache.delete(_exists_key(name))
