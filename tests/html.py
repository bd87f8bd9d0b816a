"""Read rendered pages as a small element tree, so tests assert on what a
page shows (cards, links, data attributes) rather than on raw markup."""

from html.parser import HTMLParser

VOID_TAGS = set(
    "area base br col embed hr img input link meta source track wbr".split()
)


class Element:
    def __init__(self, tag, attrs, parent=None):
        self.tag, self.attrs, self.parent = tag, dict(attrs), parent
        self.children = []

    def __repr__(self):
        return f"<{self.tag} {self.attrs}>"

    @property
    def classes(self):
        return set((self.attrs.get("class") or "").split())

    def iter(self):
        for child in self.children:
            if isinstance(child, Element):
                yield child
                yield from child.iter()

    def find_all(self, tag=None, cls=None, **attrs):
        """Descendants with ``tag``, CSS class ``cls`` and these attributes
        (``data_product_id`` matches ``data-product-id``; True: present)."""
        wanted = {name.replace("_", "-"): value for name, value in attrs.items()}
        return [
            element
            for element in self.iter()
            if (tag is None or element.tag == tag)
            and (cls is None or cls in element.classes)
            and all(
                name in element.attrs
                if value is True
                else element.attrs.get(name) == value
                for name, value in wanted.items()
            )
        ]

    def find(self, tag=None, cls=None, **attrs):
        found = self.find_all(tag, cls, **attrs)
        assert len(found) == 1, (
            f"expected one {tag or ''}.{cls or ''} {attrs}, found {len(found)}"
        )
        return found[0]

    def text(self):
        """The text inside, with runs of white space made one space."""
        parts = []
        for child in self.children:
            parts.append(child.text() if isinstance(child, Element) else child)
        return " ".join("".join(parts).split())


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = self.current = Element("document", {})

    def handle_starttag(self, tag, attrs):
        element = Element(tag, attrs, self.current)
        self.current.children.append(element)
        if tag not in VOID_TAGS:
            self.current = element

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Element(tag, attrs, self.current))

    def handle_endtag(self, tag):
        # Close up to the matching open element; ignore a stray end tag.
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(response_or_html):
    """The element tree of a response (or of an HTML string)."""
    html = response_or_html
    if not isinstance(html, str):
        html = response_or_html.content.decode()
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


def card_titles(page):
    """Titles of the product cards on a page, in order."""
    return [
        card.find("a", cls="title").text()
        for card in page.find_all("article", cls="card")
    ]


def card_ids(page):
    return [
        card.attrs["data-product-id"] for card in page.find_all("article", cls="card")
    ]


def texts(elements):
    return [element.text() for element in elements]
