"""``{{ product.description|product_description }}``: a description as HTML;
``{{ product.description|description_text }}``: as plain text, for attributes.

Plain text keeps its line breaks and is escaped; HTML is cleaned again on
the way out, since the admin and imports also write descriptions.
"""

from django import template
from django.template.defaultfilters import linebreaks_filter
from django.utils.safestring import mark_safe

from marketplace.text import clean_description, description_as_text, looks_like_html

register = template.Library()


@register.filter(name="product_description")
def product_description(text):
    if not text:
        return ""
    if looks_like_html(text):
        # Safe: nh3 has just removed every tag and attribute not allowed.
        return mark_safe(clean_description(text))
    return linebreaks_filter(text, autoescape=True)


@register.filter(name="description_text")
def description_text(text):
    # Left unsafe on purpose: ``striptags`` after ``product_description``
    # kept the result marked safe, quotes and all, inside an attribute.
    return description_as_text(text)
