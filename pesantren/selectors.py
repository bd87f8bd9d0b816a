"""Reads of pesantren for public pages."""

from pesantren.models import Pesantren


def pesantren_directory(province_code="", opop_only=False):
    """Verified pesantren, filtered as the directory page asks."""
    found = Pesantren.objects.public()
    if province_code:
        found = found.filter(province_code=province_code)
    if opop_only:
        found = found.filter(is_opop_member=True)
    return found.order_by("-is_featured", "name")
