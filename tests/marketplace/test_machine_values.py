"""Numbers read by machines are never localised: ids, amounts and quantities
in data attributes, form actions, inputs and querystrings stay ``1234`` and
``150000`` while people read ``Rp1.500.000`` or ``Rp1,500,000``.

USE_THOUSAND_SEPARATOR is on, so every id and amount here is above 1000.
"""

from decimal import Decimal

import pytest
from django.conf import settings
from oscar.apps.basket.models import Basket, Line

from tests.factories import (
    PesantrenFactory,
    UserFactory,
    bulk_products,
    make_category,
    make_product,
)
from tests.html import parse

SHOWN = {"id": "Rp1.500.000", "en": "Rp1,500,000"}

pytestmark = pytest.mark.parametrize("language", ["id", "en"])


@pytest.fixture
def big_product(db):
    pesantren = PesantrenFactory(slug="al-hikmah")
    category = make_category("Kerajinan", "kerajinan", id=1234)
    return make_product(
        pesantren,
        id=1234,
        title="Kaligrafi Ayat Kursi",
        slug="kaligrafi-ayat-kursi",
        price=Decimal("1500000"),
        num_in_stock=2500,
        categories=[category],
    )


@pytest.fixture
def speaking(client, language):
    """The test client, with ``language`` chosen in the switcher."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def test_product_card_carries_plain_id_and_price(speaking, language, big_product):
    page = parse(speaking.get("/catalogue/"))

    card = page.find("article", cls="card")
    assert card.attrs["data-product-id"] == "1234"
    assert card.attrs["data-price"] == "1500000"
    assert (
        card.find("a", cls="title").attrs["href"]
        == "/catalogue/kaligrafi-ayat-kursi_1234/"
    )
    assert card.find("span", cls="price").text() == SHOWN[language]
    assert page.find("html").attrs["lang"] == language


def test_product_page_carries_plain_id_price_and_stock(speaking, language, big_product):
    page = parse(speaking.get("/catalogue/kaligrafi-ayat-kursi_1234/"))

    assert page.find("div", cls="product").attrs["data-product-id"] == "1234"
    price = page.find("div", cls="price")
    assert (price.attrs["data-price"], price.text()) == ("1500000", SHOWN[language])
    form = page.find("form", action="/basket/add/1234/")
    quantity = form.find("input", name="quantity")
    assert (quantity.attrs["value"], quantity.attrs["max"]) == ("1", "2500")
    breadcrumb = page.find("nav", cls="breadcrumbs").find_all("a")[1]
    assert breadcrumb.attrs["href"] == "/catalogue/category/kerajinan_1234/"


def test_storefront_category_filter_carries_a_plain_id(speaking, language, big_product):
    page = parse(speaking.get("/pesantren/al-hikmah/"))

    chips = page.find("div", cls="chips").find_all("a")
    assert [chip.attrs["href"] for chip in chips] == ["?", "?category=1234"]


def test_basket_carries_plain_line_id_quantity_and_total(
    speaking, language, big_product
):
    # Given a signed-in buyer whose basket line 1234 holds 1,500 calligraphies
    buyer = UserFactory()
    basket = Basket.objects.create(owner=buyer)
    stockrecord = big_product.stockrecords.get()
    Line.objects.create(
        id=1234,
        basket=basket,
        product=big_product,
        stockrecord=stockrecord,
        quantity=1500,
        line_reference=f"1234_{stockrecord.pk}",
        price_currency="IDR",
        price_excl_tax=Decimal("1500000"),
        price_incl_tax=Decimal("1500000"),
    )
    speaking.force_login(buyer)

    # When the basket renders
    page = parse(speaking.get("/basket/"))

    # Then machine values are plain digits
    line = page.find("div", cls="basket-line")
    assert (line.attrs["data-line-id"], line.attrs["data-quantity"]) == ("1234", "1500")
    assert page.find("input", name="form-0-id").attrs["value"] == "1234"
    assert page.find("input", name="form-0-quantity").attrs["value"] == "1500"
    assert page.find("span", data_total=True).attrs["data-total"] == "2250000000"
    assert page.find("a", data_basket_lines=True).attrs["data-basket-lines"] == "1500"
    shown_total = {"id": "Rp2.250.000.000", "en": "Rp2,250,000,000"}[language]
    assert page.find("span", data_total=True).text() == shown_total


def test_pagination_links_carry_plain_page_numbers(speaking, language, db):
    # Given 1,002 products, one per page
    bulk_products(PesantrenFactory(), 1002)

    # When page 1,001 is read
    response = speaking.get("/catalogue/?per_page=1&page=1001")

    # Then its neighbours are linked as ?page=1000 and ?page=1002
    assert response.status_code == 200
    page = parse(response)
    assert page.find("a", rel="prev").attrs["href"] == "?per_page=1&page=1000"
    assert page.find("a", rel="next").attrs["href"] == "?per_page=1&page=1002"
