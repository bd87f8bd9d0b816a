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

# Letters of the Arabic script blocks (Arabic, its supplement and extended
# ranges, and the presentation forms that pasted Qur'an text often uses).
ARABIC_LETTER = re.compile(
    "[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]"
)
LETTER = re.compile(r"[^\W\d_]")
BLANK_LINE = re.compile(r"\n[ \t]*\n")
TAG = re.compile(r"<[^>]*>")
BLOCK_TAG = re.compile(
    r"<(p|div|br|h[1-6]|ul|ol|li|blockquote|pre|table|figure|hr)\b", re.IGNORECASE
)

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


def has_paragraphs(html):
    """True if ``html`` already marks its paragraphs (or other blocks)."""
    return bool(BLOCK_TAG.search(html))


def paragraphs_from_text(text):
    """Paragraphs for ``text`` typed or pasted without block tags.

    Blank lines separate paragraphs and single line breaks are kept. A
    paragraph written mostly in Arabic letters is marked ``lang="ar"
    dir="rtl"``, so a verse pasted from a phone's notes reads right to left
    in the naskh face without the writer typing any HTML. Inline tags are
    left in place: the result is sanitised like any body when it is saved.
    """
    paragraphs = []
    for block in BLANK_LINE.split(text.replace("\r\n", "\n").strip()):
        block = block.strip()
        if not block:
            continue
        lines = "<br>".join(line.strip() for line in block.split("\n"))
        if _mostly_arabic(TAG.sub("", block)):
            paragraphs.append(f'<p lang="ar" dir="rtl">{lines}</p>')
        else:
            paragraphs.append(f"<p>{lines}</p>")
    return "\n".join(paragraphs)


def _mostly_arabic(text):
    letters = LETTER.findall(text)
    arabic = [letter for letter in letters if ARABIC_LETTER.match(letter)]
    return bool(letters) and len(arabic) * 2 > len(letters)
