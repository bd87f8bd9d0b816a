"""``{{ image|picture:"card" }}``: the URL of a product picture at a size, or
of the placeholder when the picture or its file is missing."""

from django import template

from marketplace.images import picture_url

register = template.Library()


@register.filter(name="picture")
def picture(image, size="card"):
    name = getattr(getattr(image, "original", None), "name", "") if image else ""
    return picture_url(name, size)
