"""Only verified pesantren are public: pending and suspended ones, and their
products, are hidden from every page and cannot be bought."""

import pytest
from django.utils import translation
from django.utils.translation import gettext
from oscar.apps.basket.models import Line
from oscar.apps.partner.availability import Unavailable

from forks.catalogue.models import Product
from pesantren.models import Pesantren
from tests.factories import UserFactory
from tests.html import card_titles, parse, texts

HIDDEN = ["pending", "suspended"]
PUBLIC_TITLES = [
    "Sarung Tenun Goyor",
    "Teh Sereh Jahe Celup",
    "Kopi Robusta Lereng Kelud",
]


def hidden_pesantren(marketplace, which):
    pesantren = getattr(marketplace, which)
    product = (
        marketplace.pending_coffee
        if which == "pending"
        else marketplace.suspended_coffee
    )
    return pesantren, product


@pytest.mark.parametrize("which", HIDDEN)
def test_storefront_of_a_hidden_pesantren_is_not_found(client, marketplace, which):
    pesantren, _product = hidden_pesantren(marketplace, which)

    assert client.get(f"/pesantren/{pesantren.slug}/").status_code == 404


@pytest.mark.parametrize("which", HIDDEN)
def test_product_page_of_a_hidden_pesantren_is_not_found(client, marketplace, which):
    _pesantren, product = hidden_pesantren(marketplace, which)

    assert client.get(product.get_absolute_url()).status_code == 404


def test_staff_still_see_the_product_page_of_a_hidden_pesantren(
    client, marketplace, admin_user
):
    client.force_login(admin_user)

    response = client.get(marketplace.suspended_coffee.get_absolute_url())

    assert response.status_code == 200
    assert parse(response).find("h1").text() == "Kopi Pati Hidayatul"


def test_products_of_hidden_pesantren_are_absent_from_every_listing(
    client, marketplace
):
    # Both hidden pesantren sell a coffee ("Kopi ..."), filed in Kopi & Teh.
    def titles(url):
        response = client.get(url)
        assert response.status_code == 200
        return card_titles(parse(response))

    assert titles("/") == PUBLIC_TITLES
    assert titles("/catalogue/") == PUBLIC_TITLES
    assert titles(marketplace.coffee.get_absolute_url()) == PUBLIC_TITLES[1:]
    assert titles(marketplace.food.get_absolute_url()) == PUBLIC_TITLES[1:]
    assert titles("/search/?q=kopi") == ["Kopi Robusta Lereng Kelud"]
    directory = texts(parse(client.get("/pesantren/")).find_all("h3"))
    assert directory == ["Pondok Pesantren Al-Hikmah", "Pesantren Nurul Huda"]


@pytest.mark.parametrize("which", HIDDEN)
def test_product_of_a_hidden_pesantren_cannot_be_added_to_the_basket(
    client, marketplace, which
):
    _pesantren, product = hidden_pesantren(marketplace, which)

    response = client.post(f"/basket/add/{product.pk}/", {"quantity": 1})

    # Oscar's add view refuses the form and sends the buyer back
    assert response.status_code == 302
    assert response.headers["Location"] == "/basket/"
    assert Line.objects.count() == 0
    basket = parse(client.get("/basket/"))
    assert basket.find_all("div", cls="basket-line") == []
    assert len(basket.find("ul", cls="messages").find_all("li", cls="error")) == 1


def test_basket_line_becomes_unavailable_when_its_pesantren_is_suspended(
    client, marketplace
):
    # Given a signed-in buyer with a coffee in the basket while Al-Hikmah is
    # verified
    client.force_login(UserFactory())
    client.post(f"/basket/add/{marketplace.robusta.pk}/", {"quantity": 1})
    assert Line.objects.count() == 1

    # When Al-Hikmah is suspended
    Pesantren.objects.filter(pk=marketplace.hikmah.pk).update(
        status=Pesantren.Status.SUSPENDED
    )

    # Then the line stays, flagged unavailable, and checkout sends the buyer
    # back to the basket
    basket = parse(client.get("/basket/"))
    with translation.override("id"):
        unavailable = str(Unavailable.message)
        warning = gettext("'%(product)s' is no longer available") % {
            "product": "Kopi Robusta Lereng Kelud"
        }
    line = basket.find("div", cls="basket-line")
    assert line.find("div", cls="line-warning").text() == unavailable
    assert texts(basket.find_all("li", cls="warning")) == [warning]
    checkout = client.get("/checkout/")
    assert checkout.status_code == 302
    assert checkout.headers["Location"] == "/basket/"
    assert Line.objects.count() == 1


def test_unpublished_product_of_a_verified_pesantren_cannot_be_bought(
    client, marketplace
):
    # Given a product of a verified pesantren that its seller unpublished
    Product.objects.filter(pk=marketplace.robusta.pk).update(is_public=False)

    # When a buyer posts it to the basket anyway
    response = client.post(f"/basket/add/{marketplace.robusta.pk}/", {"quantity": 1})

    # Then it is refused and the basket stays empty
    assert response.status_code == 302
    assert response.headers["Location"] == "/basket/"
    assert Line.objects.count() == 0
