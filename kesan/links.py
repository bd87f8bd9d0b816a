"""Links to the public site from code that has no request (Celery e-mails)."""

from django.conf import settings


def absolute_url(path=""):
    """``path`` on the site at ``KESAN_SITE_URL``."""
    return f"{settings.KESAN_SITE_URL.rstrip('/')}{path}"
