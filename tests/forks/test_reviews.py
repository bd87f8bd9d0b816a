"""Product reviews come from verified purchases only (no najasy): Oscar's
default let anyone, signed in or not, publish one at once."""

import pytest
from django.test import Client
from oscar.core.loading import get_model

from tests.factories import (
    PesantrenFactory,
    UserFactory,
    give_flat_rate,
    make_basket,
    make_member,
    make_product,
    pay_order,
    place_order,
)

pytestmark = pytest.mark.django_db
ProductReview = get_model("reviews", "ProductReview")
REVIEW = {"title": "Enak", "score": "5", "body": "Kopinya harum.", "name": "Siti"}


@pytest.fixture
def kopi():
    pesantren = PesantrenFactory()
    give_flat_rate(pesantren, 15000)
    return make_product(pesantren, title="Kopi Santri")


def bought(product, user, paid=True):
    order = place_order(make_basket((product, 1)), user=user).order
    if paid:
        pay_order(order)
    return user


def review_as(product, user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client.post(
        f"{product.get_absolute_url()}reviews/add/", {**REVIEW, "email": "s@x.test"}
    )


@pytest.mark.parametrize(
    "reviewer",
    ["visitor", "signed-in non-buyer", "buyer who has not paid", "its own seller"],
)
def test_only_a_paying_buyer_who_does_not_sell_it_may_review(kopi, reviewer):
    user = {
        "visitor": lambda: None,
        "signed-in non-buyer": UserFactory,
        "buyer who has not paid": lambda: bought(kopi, UserFactory(), paid=False),
        "its own seller": lambda: bought(
            kopi, make_member(kopi.stockrecords.get().partner.pesantren)
        ),
    }[reviewer]()

    response = review_as(kopi, user)

    assert (response.status_code, response.url) == (302, kopi.get_absolute_url())
    assert ProductReview.objects.count() == 0


def test_a_buyer_of_a_paid_order_reviews_it_once(kopi):
    buyer = bought(kopi, UserFactory())

    first, second = review_as(kopi, buyer), review_as(kopi, buyer)

    assert (first.status_code, second.status_code) == (302, 302)
    assert list(ProductReview.objects.values_list("user", "title", "score")) == [
        (buyer.pk, "Enak", 5)
    ]
