"""Oscar's own review URLs (/catalogue/<slug>_<pk>/reviews/...) follow the
same rules as the order page: only the buyer of a received part, once per
product per order, never the pesantren's own people. Oscar's default let
anyone, signed in or not, publish a review at once."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client
from oscar.core.loading import get_model

from tests.factories import (
    PesantrenFactory,
    UserFactory,
    buy_and_receive,
    give_flat_rate,
    make_basket,
    make_member,
    make_product,
    pay_order,
    place_order,
)

pytestmark = pytest.mark.django_db
ProductReview = get_model("reviews", "ProductReview")
Vote = get_model("reviews", "Vote")
REVIEW = {
    "title": "Enak",
    "score": "5",
    "body": "Kopinya harum sekali.",
    "name": "Siti",
}


@pytest.fixture
def kopi():
    pesantren = PesantrenFactory()
    give_flat_rate(pesantren, 15000)
    return make_product(pesantren, title="Kopi Santri")


def paid_not_received(product, user):
    pay_order(place_order(make_basket((product, 1)), user=user).order)
    return user


def client_of(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def review_as(product, user):
    return client_of(user).post(
        f"{product.get_absolute_url()}reviews/add/", {**REVIEW, "email": "s@x.test"}
    )


@pytest.mark.parametrize(
    "reviewer",
    [
        "visitor",
        "signed-in non-buyer",
        "buyer who has not paid",
        "buyer who paid but has not received",
        "its own seller, received",
    ],
)
def test_only_a_buyer_who_received_it_and_does_not_sell_it_may_review(kopi, reviewer):
    user = {
        "visitor": lambda: None,
        "signed-in non-buyer": UserFactory,
        "buyer who has not paid": lambda: (
            place_order(make_basket((kopi, 1)), user=UserFactory()).order.user
        ),
        "buyer who paid but has not received": lambda: paid_not_received(
            kopi, UserFactory()
        ),
        "its own seller, received": lambda: (
            buy_and_receive(
                make_member(kopi.stockrecords.get().partner.pesantren), kopi
            ).user
        ),
    }[reviewer]()

    response = review_as(kopi, user)

    assert (response.status_code, response.url) == (302, kopi.get_absolute_url())
    assert ProductReview.objects.count() == 0
    assert kopi.is_review_permitted(user or AnonymousUser()) is False


def test_a_buyer_who_received_it_reviews_once_per_order(kopi):
    buyer = UserFactory()
    first_order = buy_and_receive(buyer, kopi)

    first, second = review_as(kopi, buyer), review_as(kopi, buyer)

    assert (first.status_code, second.status_code) == (302, 302)
    assert list(
        ProductReview.objects.values_list("user", "order", "title", "score")
    ) == [(buyer.pk, first_order.pk, "Enak", 5)]
    assert kopi.is_review_permitted(buyer) is False

    second_order = buy_and_receive(buyer, kopi)
    assert kopi.is_review_permitted(buyer) is True
    review_as(kopi, buyer)
    assert set(ProductReview.objects.values_list("order", flat=True)) == {
        first_order.pk,
        second_order.pk,
    }


def test_the_add_url_shows_the_same_form_as_the_order_page(kopi):
    buyer = UserFactory()
    buy_and_receive(buyer, kopi)

    response = client_of(buyer).get(f"{kopi.get_absolute_url()}reviews/add/")

    assert response.status_code == 200
    assert response.templates[0].name == "marketplace/reviews/review_form.html"
    assert response.content.decode().count('type="radio" name="score"') == 5


def test_the_list_detail_and_vote_urls_lead_to_the_product_page(kopi):
    buyer, voter = UserFactory(), UserFactory()
    buy_and_receive(buyer, kopi)
    review_as(kopi, buyer)
    review = ProductReview.objects.get()
    base = f"{kopi.get_absolute_url()}reviews/"

    listed = client_of(None).get(base)
    detail = client_of(None).get(f"{base}{review.pk}/")
    vote = client_of(voter).post(f"{base}{review.pk}/vote/", {"delta": "1"})

    expected = f"{kopi.get_absolute_url()}#reviews"
    assert [r.url for r in (listed, detail, vote)] == [expected] * 3
    assert Vote.objects.count() == 0
