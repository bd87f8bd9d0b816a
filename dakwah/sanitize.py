"""The one HTML sanitiser for dakwah bodies, on nh3.

Editors paste text from Word, WhatsApp web and other sites, so the body is
cleaned on every save, whatever form or admin page wrote it. What survives is
what an article needs: headings, paragraphs, lists, quotations, links,
images, and the ``lang``/``dir`` marks that make Arabic text render right to
left. Scripts, styles, event handlers and ``javascript:`` URLs never do.
"""

import re

import nh3

ALLOWED_TAGS = {
    "h2", "h3", "h4", "p", "br", "hr", "blockquote", "cite", "q",
    "ul", "ol", "li", "strong", "b", "em", "i", "u", "s", "sup", "sub", "small",
    "a", "img", "figure", "figcaption", "span", "bdi", "code", "pre",
    "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip

# Attributes that mark the language and direction are allowed on every text
# element; anything that can run code or restyle the page is not.
TEXT_ATTRIBUTES = {"lang", "dir", "title"}
# Quotations are marked so that the page can style Qur'an and hadith
# differently from an ordinary quote; other classes are dropped.
ALLOWED_CLASSES = {
    "blockquote": {"quran", "hadits"},
    "p": {"arabic", "translation", "source"},
    "span": {"arabic"},
}
ALLOWED_ATTRIBUTES = {
    **{tag: set(TEXT_ATTRIBUTES) for tag in ALLOWED_TAGS},
    "a": TEXT_ATTRIBUTES | {"href"},
    "img": {"src", "alt", "width", "height", "title"},
    "th": TEXT_ATTRIBUTES | {"colspan", "rowspan"},
    "td": TEXT_ATTRIBUTES | {"colspan", "rowspan"},
}
for tag in ALLOWED_CLASSES:
    ALLOWED_ATTRIBUTES[tag] = ALLOWED_ATTRIBUTES[tag] | {"class"}

URL_SCHEMES = {"http", "https", "mailto"}
DIRECTIONS = {"rtl", "ltr", "auto"}
LANGUAGE_CODE = re.compile(r"^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})?$")

# The tags whose content goes too, not only the tag.
DROPPED_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "noscript"}


def _filter_attribute(tag, attribute, value):
    """Keep ``lang``, ``dir`` and ``class`` only with well-formed values."""
    if attribute == "class":
        classes = [name for name in value.split() if name in ALLOWED_CLASSES[tag]]
        return " ".join(classes) or None
    if attribute == "dir":
        return value.lower() if value.lower() in DIRECTIONS else None
    if attribute == "lang":
        return value if LANGUAGE_CODE.match(value) else None
    return value


def sanitise_html(html):
    """Return ``html`` with only the tags, attributes and URLs listed above."""
    if not html:
        return ""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags=DROPPED_WITH_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_filter_attribute,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    ).strip()
