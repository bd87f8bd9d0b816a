"""Product text written by sellers, kept safe to show.

A description is plain text (shown with its line breaks, escaped) or simple
HTML with the tags below; only the HTML goes through nh3, so that a plain
"2 < 3" is not stored as an entity and escaped twice.
"""

import html
import re

import nh3

DESCRIPTION_TAGS = {"p", "br", "strong", "b", "em", "i", "ul", "ol", "li"}
_ALLOWED_TAG = re.compile(
    rf"</?({'|'.join(sorted(DESCRIPTION_TAGS))})\b", re.IGNORECASE
)
# In nh3's output every "<" opens a tag: text has it as "&lt;".
_CLEAN_TAG = re.compile(r"<[^>]*>")


def looks_like_html(text):
    return bool(_ALLOWED_TAG.search(text or ""))


def clean_description(text):
    """Keep simple formatting only: no script, style, link or attribute survives."""
    text = (text or "").strip()
    if not looks_like_html(text):
        return text
    return nh3.clean(text, tags=DESCRIPTION_TAGS, attributes={}).strip()


def description_as_text(text):
    """The description as one line of plain text, e.g. for a meta tag.

    Not safe to mark safe: the text may hold quotes and ``<``, so the
    template's autoescaping must escape it.
    """
    text = text or ""
    if looks_like_html(text):
        text = html.unescape(_CLEAN_TAG.sub(" ", clean_description(text)))
    return " ".join(text.split())
