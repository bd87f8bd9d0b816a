"""Ratings on the product page, the product cards and the storefront: the
right numbers, from approved reviews only, in a constant number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from oscar.core.loading import get_model

from marketplace.reviews import services
from tests.factories import (
    PesantrenFactory,
    UserFactory,
    buy_and_receive,
    give_flat_rate,
    make_product,
)

pytestmark = pytest.mark.django_db
ProductReview = get_model("reviews", "ProductReview")


@pytest.fixture
def shop():
    pesantren = PesantrenFactory(name="Pesantren Alfa", slug="alfa")
    give_flat_rate(pesantren, 15000)
    kopi = make_product(pesantren, title="Kopi Santri", num_in_stock=50)
    madu = make_product(pesantren, title="Madu Hutan", num_in_stock=50)
    return pesantren, kopi, madu


def write_review(
    product, score, first_name="Siti Aminah", body="Barangnya bagus.", **extra
):
    buyer = UserFactory(first_name=first_name, last_name="Rahmawati")
    order = buy_and_receive(buyer, product)
    return services.submit_review(
        user=buyer,
        line=order.lines.get(),
        score=score,
        title=extra.get("title", ""),
        body=body,
    )


def test_the_product_page_shows_average_count_bars_and_newest_first(client, shop):
    _pesantren, kopi, _madu = shop
    write_review(kopi, 5, first_name="Ahmad Fauzi", title="Mantap")
    write_review(kopi, 4, first_name="Siti Aminah")
    write_review(kopi, 4, first_name="")

    page = client.get(kopi.get_absolute_url())

    rating = page.context["rating"]
    assert (round(rating.average, 4), rating.count) == (4.3333, 3)
    assert [(s.stars, s.count, s.percent) for s in rating.shares] == [
        (5, 1, 33),
        (4, 2, 67),
        (3, 0, 0),
        (2, 0, 0),
        (1, 0, 0),
    ]
    body = page.content.decode()
    assert 'data-average="4,3"' in body
    assert '<li data-stars="4" data-count="2">' in body
    names = [review.reviewer_first_name for review in page.context["reviews_page"]]
    assert names == ["", "Siti", "Ahmad"]
    assert "Rahmawati" not in body and "Aminah" not in body
    assert body.count("Verified buyer") + body.count("Pembeli terverifikasi") == 3


def test_the_reviews_are_paginated(client, shop, settings):
    _pesantren, kopi, _madu = shop
    settings.OSCAR_REVIEWS_PER_PAGE = 2
    for score in (1, 2, 3):
        write_review(kopi, score)

    first = client.get(kopi.get_absolute_url())
    second = client.get(f"{kopi.get_absolute_url()}?reviews=2")

    assert [r.score for r in first.context["reviews_page"]] == [3, 2]
    assert [r.score for r in second.context["reviews_page"]] == [1]
    assert 'href="?reviews=2#reviews"' in first.content.decode()


def test_cards_and_storefront_show_the_numbers(client, shop):
    pesantren, kopi, madu = shop
    write_review(kopi, 5)
    write_review(kopi, 4)
    write_review(madu, 2)

    catalogue = client.get("/catalogue/").content.decode()
    store = client.get(pesantren.get_absolute_url())

    assert 'data-card-rating="4,5" data-card-reviews="2"' in catalogue
    assert 'data-card-rating="2,0" data-card-reviews="1"' in catalogue
    shown = store.context["pesantren"]
    assert (round(shown.review_average, 4), shown.review_count) == (3.6667, 3)
    assert 'data-store-rating="3,7" data-store-reviews="3"' in store.content.decode()


def test_a_review_hidden_by_an_admin_drops_out_of_every_number(client, shop):
    pesantren, kopi, madu = shop
    write_review(kopi, 5)
    hidden = write_review(kopi, 1, body="Jelek sekali, tidak sesuai.")
    write_review(madu, 3)
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    response = client.post(
        reverse("admin:reviews_productreview_changelist"),
        {"action": "hide_reviews", "_selected_action": [hidden.pk]},
    )

    assert response.status_code == 302
    hidden.refresh_from_db()
    kopi.refresh_from_db()
    assert hidden.status == ProductReview.REJECTED
    assert (kopi.rating, kopi.review_count) == (5.0, 1)
    client.logout()
    page = client.get(kopi.get_absolute_url())
    assert page.context["rating"].count == 1
    assert "Jelek sekali" not in page.content.decode()
    store = client.get(pesantren.get_absolute_url()).context["pesantren"]
    assert (store.review_average, store.review_count) == (4.0, 2)
    assert 'data-card-reviews="1"' in client.get("/catalogue/").content.decode()


def test_publishing_it_again_brings_it_back(client, shop):
    _pesantren, kopi, _madu = shop
    review = write_review(kopi, 2)
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    changelist = reverse("admin:reviews_productreview_changelist")

    client.post(changelist, {"action": "hide_reviews", "_selected_action": [review.pk]})
    client.post(
        changelist, {"action": "publish_reviews", "_selected_action": [review.pk]}
    )

    kopi.refresh_from_db()
    assert (kopi.rating, kopi.review_count) == (2.0, 1)


def test_a_review_is_shown_as_plain_escaped_text(client, shop):
    _pesantren, kopi, _madu = shop
    write_review(
        kopi,
        5,
        first_name="<i>Budi</i>",
        title="<script>alert(1)</script>",
        body='Enak <img src=x onerror="alert(2)">\nSekali',
    )

    body = client.get(kopi.get_absolute_url()).content.decode()

    assert "<script>alert(1)" not in body and "<img src=x" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "Enak &lt;img src=x onerror=&quot;alert(2)&quot;&gt;<br>Sekali" in body
    assert "&lt;i&gt;Budi&lt;/i&gt;" in body


def test_the_product_page_query_count_does_not_grow_with_reviews(
    client, shop, django_assert_num_queries
):
    _pesantren, kopi, madu = shop
    write_review(madu, 4)
    for score in (5, 4, 3, 2, 1, 5, 4, 3, 2, 1, 5, 4):
        write_review(kopi, score)
    client.get(madu.get_absolute_url())

    with CaptureQueriesContext(connection) as one_review:
        client.get(madu.get_absolute_url())
    with django_assert_num_queries(len(one_review)):
        page = client.get(kopi.get_absolute_url())

    assert len(page.context["reviews_page"]) == 10


def test_deleting_reviews_in_bulk_in_admin_recounts_the_product(client, shop):
    _pesantren, kopi, _madu = shop
    kept = write_review(kopi, 4)
    deleted = write_review(kopi, 1)
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    client.post(
        reverse("admin:reviews_productreview_changelist"),
        {"action": "delete_selected", "_selected_action": [deleted.pk], "post": "yes"},
    )

    assert list(ProductReview.objects.values_list("pk", flat=True)) == [kept.pk]
    kopi.refresh_from_db()
    assert (kopi.rating, kopi.review_count) == (4.0, 1)
