import pytest

from dakwah.sanitize import has_paragraphs, paragraphs_from_text, sanitise_html
from tests.dakwah.factories import ArticleFactory

VERSE = "يَرْفَعِ اللَّهُ الَّذِينَ آمَنُوا مِنكُمْ"


def test_pasted_script_is_removed_with_its_content():
    assert sanitise_html("<p>Salam</p><script>alert('x')</script>") == "<p>Salam</p>"


def test_event_handler_attributes_are_removed():
    cleaned = sanitise_html(
        '<p onclick="steal()">a<img src="/x.jpg" onerror="steal()"></p>'
    )

    assert cleaned == '<p>a<img src="/x.jpg"></p>'


@pytest.mark.parametrize(
    "href", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)"]
)
def test_javascript_links_lose_their_href(href):
    cleaned = sanitise_html(f'<a href="{href}">klik</a>')

    assert cleaned == '<a rel="noopener noreferrer nofollow">klik</a>'


def test_styles_iframes_and_unknown_classes_are_removed():
    cleaned = sanitise_html(
        '<p style="position:fixed" class="ad">x</p><iframe src="https://e.test"></iframe>'
        "<style>body{display:none}</style>"
    )

    assert cleaned == "<p>x</p>"


def test_arabic_quotation_keeps_its_text_language_direction_and_class():
    html = f'<blockquote class="quran" lang="ar" dir="rtl"><p>{VERSE}</p></blockquote>'

    assert sanitise_html(html) == html


def test_invalid_direction_and_language_values_are_dropped():
    cleaned = sanitise_html('<p dir="sideways" lang="ar&quot;x">t</p>')

    assert cleaned == "<p>t</p>"


def test_headings_lists_links_and_images_survive():
    html = (
        "<h2>Judul</h2><ol><li>satu</li></ol><ul><li>dua</li></ul>"
        '<p><a href="https://kesan.test/x" rel="noopener noreferrer nofollow">'
        "tautan</a></p>"
        '<figure><img src="https://kesan.test/a.jpg" alt="gambar">'
        "<figcaption>c</figcaption></figure>"
    )

    assert sanitise_html(html) == html


@pytest.mark.django_db
def test_article_body_is_sanitised_on_every_save():
    article = ArticleFactory(body=f"<p>{VERSE}</p><script>alert(1)</script>")
    article.body += '<img src="/a.jpg" onerror="alert(2)">'

    article.save()

    article.refresh_from_db()
    assert article.body == f'<p>{VERSE}</p><img src="/a.jpg">'


def test_text_without_paragraph_tags_gets_paragraphs_arabic_ones_right_to_left():
    text = (
        f"Allah berfirman:\r\n\r\n{VERSE}\r\n(QS. Al-Mujadilah: 11)"
        "\n\n\nBaris satu\nbaris dua"
    )

    assert paragraphs_from_text(text) == (
        "<p>Allah berfirman:</p>\n"
        f'<p lang="ar" dir="rtl">{VERSE}<br>(QS. Al-Mujadilah: 11)</p>\n'
        "<p>Baris satu<br>baris dua</p>"
    )


def test_inline_tags_in_text_are_kept_for_the_sanitiser_to_judge():
    html = paragraphs_from_text("<b>Penting</b>\n\n<script>x()</script> a < b")

    assert sanitise_html(html) == "<p><b>Penting</b></p>\n<p> a &lt; b</p>"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("<p>Isi</p>", True),
        ("Satu<BR>dua", True),
        ('<blockquote class="quran">x</blockquote>', True),
        ("<b>tebal</b> saja", False),
        ("a < b", False),
    ],
)
def test_bodies_with_block_tags_are_taken_as_they_are(body, expected):
    assert has_paragraphs(body) is expected
