"""Editors write and submit articles; the owner publishes or returns them."""

import io

import pytest
from django.urls import reverse
from PIL import Image

from dakwah.models import Article, ContentEvent, Status
from tests.dakwah.factories import ArticleFactory
from tests.html import parse, texts
from tests.marketplace.seller.conftest import photo

pytestmark = pytest.mark.django_db

CREATE_URL = "/seller/dakwah/articles/new/"
VERSE = "وَلَا تَيْأَسُوا مِنْ رَوْحِ اللَّهِ"


def article_data(ustadz, category, **changes):
    return {
        "title": "Jangan Berputus Asa",
        "summary": "Tafsir QS. Yusuf: 87.",
        "category": category.pk,
        "author": ustadz.pk,
        "body": "<p>Isi.</p>",
        "tags": "tafsir, harapan",
        "action": "save",
        **changes,
    }


def edit_url(article):
    return reverse("seller:dakwah-article-edit", args=[article.pk])


def action_buttons(response):
    return [
        button.attrs["value"]
        for button in parse(response).find_all("button", name="action")
    ]


@pytest.fixture
def in_review(pesantren, ustadz, category):
    return ArticleFactory(
        pesantren=pesantren,
        author=ustadz,
        category=category,
        title="Menunggu Tinjauan",
        status=Status.IN_REVIEW,
        date_published=None,
    )


def test_editor_writes_an_article_and_sends_it_for_review(
    signed_in, editor, ustadz, category
):
    client = signed_in(editor)
    body = f'<p lang="ar" dir="rtl">{VERSE}</p><script>alert(1)</script>'

    response = client.post(
        CREATE_URL, article_data(ustadz, category, body=body, action="submit")
    )

    article = Article.objects.get()
    assert response.status_code == 302
    assert response.url == edit_url(article)
    assert (article.status, article.created_by, article.pesantren.slug) == (
        Status.IN_REVIEW,
        editor,
        "al-hikmah",
    )
    assert article.body == f'<p lang="ar" dir="rtl">{VERSE}</p>'
    assert sorted(tag.name for tag in article.tags.all()) == ["harapan", "tafsir"]
    assert list(article.events.values_list("action", "actor")) == [
        (ContentEvent.Action.SUBMITTED, editor.pk)
    ]
    assert [str(message) for message in response.wsgi_request._messages] == [
        "Jangan Berputus Asa is sent to the owner for review."
    ]


def test_pasted_plain_text_becomes_paragraphs_with_arabic_right_to_left(
    signed_in, editor, ustadz, category
):
    body = f"Allah berfirman:\r\n\r\n{VERSE}\r\n\r\nArtinya: janganlah berputus asa."

    signed_in(editor).post(CREATE_URL, article_data(ustadz, category, body=body))

    assert Article.objects.get().body == (
        "<p>Allah berfirman:</p>\n"
        f'<p lang="ar" dir="rtl">{VERSE}</p>\n'
        "<p>Artinya: janganlah berputus asa.</p>"
    )


def test_a_refused_article_form_keeps_what_was_typed(
    signed_in, editor, ustadz, category
):
    response = signed_in(editor).post(
        CREATE_URL,
        article_data(ustadz, category, summary="", body=f"<p>{VERSE}</p>"),
    )

    page = parse(response)
    assert response.status_code == 200
    assert page.find("input", name="title").attrs["value"] == "Jangan Berputus Asa"
    assert page.find("textarea", name="body").text() == f"<p>{VERSE}</p>"
    assert page.find("input", name="tags").attrs["value"] == "tafsir, harapan"
    assert texts(page.find("div", id="field-summary").find_all("ul")) == [
        "This field is required."
    ]
    assert Article.objects.count() == 0


def test_cover_image_is_checked_and_stored_as_a_clean_jpeg(
    signed_in, editor, ustadz, category
):
    png = photo("sampul.png", size=(3000, 1500), colour=(10, 80, 60, 128), format="PNG")

    signed_in(editor).post(CREATE_URL, article_data(ustadz, category, cover_image=png))

    cover = Article.objects.get().cover_image
    assert cover.name.startswith("dakwah/articles/sampul")
    with Image.open(cover.path) as stored:
        assert (stored.format, stored.size, stored.mode) == (
            "JPEG",
            (2000, 1000),
            "RGB",
        )


def test_a_file_that_is_not_a_picture_is_refused_as_a_cover(
    signed_in, editor, ustadz, category
):
    fake = io.BytesIO(b"MZ not a picture")
    fake.name = "sampul.jpg"

    response = signed_in(editor).post(
        CREATE_URL, article_data(ustadz, category, cover_image=fake)
    )

    assert response.status_code == 200
    assert texts(
        parse(response).find("div", id="field-cover_image").find_all("li")
    ) == ["This file is not a picture. Upload a JPEG, PNG or WebP photo."]
    assert Article.objects.count() == 0


def test_editing_keeps_the_cover_unless_a_new_one_is_uploaded_or_it_is_cleared(
    signed_in, editor, ustadz, category
):
    client = signed_in(editor)
    client.post(CREATE_URL, article_data(ustadz, category, cover_image=photo()))
    article = Article.objects.get()
    first_cover = article.cover_image.name

    client.post(edit_url(article), article_data(ustadz, category, title="Judul Baru"))
    article.refresh_from_db()
    kept = (article.title, article.cover_image.name)
    client.post(
        edit_url(article),
        article_data(ustadz, category, **{"cover_image-clear": "on"}),
    )
    article.refresh_from_db()

    assert kept == ("Judul Baru", first_cover)
    assert article.cover_image.name == ""


def test_the_publish_button_does_not_appear_for_editors(
    signed_in, editor, owner, in_review
):
    editor_page = signed_in(editor).get(edit_url(in_review))
    editor_overview = signed_in(editor).get("/seller/dakwah/")
    owner_page = signed_in(owner).get(edit_url(in_review))
    owner_overview = signed_in(owner).get("/seller/dakwah/")
    publish_url = reverse("seller:dakwah-article-publish", args=[in_review.pk])

    assert action_buttons(editor_page) == ["save"]
    assert parse(editor_overview).find_all("form", action=publish_url) == []
    assert action_buttons(owner_page) == ["save", "publish"]
    assert len(parse(owner_overview).find_all("form", action=publish_url)) == 1


def test_an_editor_cannot_publish_with_a_forged_post(
    signed_in, editor, in_review, ustadz, category
):
    client = signed_in(editor)

    direct = client.post(reverse("seller:dakwah-article-publish", args=[in_review.pk]))
    through_the_form = client.post(
        edit_url(in_review),
        article_data(ustadz, category, title="Diganti", action="publish"),
    )

    assert (direct.status_code, through_the_form.status_code) == (403, 403)
    in_review.refresh_from_db()
    # The save before the refused step is undone with it.
    assert (in_review.status, in_review.title) == (
        Status.IN_REVIEW,
        "Menunggu Tinjauan",
    )
    assert ContentEvent.objects.count() == 0


def test_owner_publishes_from_the_review_list(signed_in, owner, in_review):
    response = signed_in(owner).post(
        reverse("seller:dakwah-article-publish", args=[in_review.pk]),
        {"next": "/seller/dakwah/"},
    )

    in_review.refresh_from_db()
    assert (response.status_code, response.url) == (302, "/seller/dakwah/")
    assert in_review.status == Status.PUBLISHED
    assert in_review.date_published is not None
    assert list(in_review.events.values_list("action", flat=True)) == [
        ContentEvent.Action.PUBLISHED
    ]


def test_owner_may_publish_a_new_article_at_once(signed_in, owner, ustadz, category):
    signed_in(owner).post(CREATE_URL, article_data(ustadz, category, action="publish"))

    assert Article.objects.get().status == Status.PUBLISHED


def test_owner_returns_an_article_with_remarks_that_the_editor_reads(
    signed_in, owner, editor, in_review
):
    return_url = reverse("seller:dakwah-article-return", args=[in_review.pk])
    remarks = "Tambahkan sumber tafsirnya."

    response = signed_in(owner).post(return_url, {"reason": remarks})
    overview = parse(signed_in(editor).get("/seller/dakwah/"))
    edit_page = parse(signed_in(editor).get(edit_url(in_review)))

    in_review.refresh_from_db()
    assert (response.status_code, response.url) == (302, edit_url(in_review))
    assert in_review.status == Status.DRAFT
    returned = overview.find("section", id="returned")
    assert returned.find("a", cls="title").text() == "Menunggu Tinjauan"
    assert returned.find("p", cls="remarks").text() == f"Remarks: {remarks}"
    notice = edit_page.find("section", id="review").find("div", cls="notice")
    assert texts(notice.find_all("p")) == ["Remarks from Kyai:", remarks]
    assert action_buttons(signed_in(editor).get(edit_url(in_review))) == [
        "save",
        "submit",
    ]


def test_returning_without_remarks_is_refused_and_changes_nothing(
    signed_in, owner, in_review
):
    response = signed_in(owner).post(
        reverse("seller:dakwah-article-return", args=[in_review.pk]), {"reason": " "}
    )

    in_review.refresh_from_db()
    assert response.status_code == 200
    assert texts(parse(response).find("div", id="field-reason").find_all("li")) == [
        "This field is required."
    ]
    assert in_review.status == Status.IN_REVIEW
    assert ContentEvent.objects.count() == 0


def test_an_editor_cannot_return_an_article(signed_in, editor, in_review):
    response = signed_in(editor).post(
        reverse("seller:dakwah-article-return", args=[in_review.pk]),
        {"reason": "Saya sendiri"},
    )

    in_review.refresh_from_db()
    assert response.status_code == 403
    assert parse(response).find("p", cls="reason").text() == (
        "Only the owner of the pesantren publishes dakwah."
    )
    assert in_review.status == Status.IN_REVIEW


def test_a_published_article_is_read_only_for_editors(
    signed_in, editor, owner, pesantren, ustadz, category
):
    published = ArticleFactory(
        pesantren=pesantren, author=ustadz, category=category, title="Terbit"
    )

    page = signed_in(editor).get(edit_url(published))
    refused = signed_in(editor).post(
        edit_url(published), article_data(ustadz, category, title="Diganti")
    )
    by_owner = signed_in(owner).post(
        edit_url(published), article_data(ustadz, category, title="Diperbaiki")
    )

    assert page.status_code == 200
    assert parse(page).find("div", cls="notice").text() == (
        "This is published: only the owner of the pesantren can change it now."
    )
    assert action_buttons(page) == []
    assert refused.status_code == 403
    assert by_owner.status_code == 302
    published.refresh_from_db()
    assert (published.title, published.status) == ("Diperbaiki", Status.PUBLISHED)


def test_submitting_twice_is_refused_and_keeps_what_was_typed(
    signed_in, editor, in_review, ustadz, category
):
    response = signed_in(editor).post(
        edit_url(in_review),
        article_data(ustadz, category, title="Judul Diketik", action="submit"),
    )

    in_review.refresh_from_db()
    assert response.status_code == 200
    assert parse(response).find("input", name="title").attrs["value"] == (
        "Judul Diketik"
    )
    assert texts(parse(response).find("div", cls="form-errors").find_all("li")) == [
        "“Submitted for review” is not possible: Judul Diketik is in review."
    ]
    assert in_review.title == "Menunggu Tinjauan"
