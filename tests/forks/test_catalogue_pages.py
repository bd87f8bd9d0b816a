"""Catalogue, category and product pages, served from the database."""

from forks.catalogue.models import Product
from tests.factories import ProductFactory, make_product
from tests.html import card_titles, parse, texts

PUBLIC_TITLES = [
    "Sarung Tenun Goyor",
    "Teh Sereh Jahe Celup",
    "Kopi Robusta Lereng Kelud",
]


def test_catalogue_lists_public_products_newest_first(client, marketplace):
    response = client.get("/catalogue/")

    assert response.status_code == 200
    page = parse(response)
    assert card_titles(page) == [
        "Sarung Tenun Goyor",
        "Teh Sereh Jahe Celup",
        "Kopi Robusta Lereng Kelud",
    ]
    assert texts(page.find_all("span", cls="price")) == [
        "Rp185.000",
        "Rp18.000",
        "Rp45.000",
    ]


def test_catalogue_sorts_by_price(client, marketplace):
    cheapest_first = parse(client.get("/catalogue/?sort=price_asc"))
    dearest_first = parse(client.get("/catalogue/?sort=price_desc"))

    assert card_titles(cheapest_first) == [
        "Teh Sereh Jahe Celup",
        "Kopi Robusta Lereng Kelud",
        "Sarung Tenun Goyor",
    ]
    assert card_titles(dearest_first) == card_titles(cheapest_first)[::-1]


def test_category_page_includes_the_products_of_its_subcategories(client, marketplace):
    # Products are filed in the leaf "Kopi & Teh", not in its parent
    response = client.get(marketplace.food.get_absolute_url())

    assert response.status_code == 200
    page = parse(response)
    assert page.find("h1").text() == "Makanan & Minuman"
    assert card_titles(page) == ["Teh Sereh Jahe Celup", "Kopi Robusta Lereng Kelud"]
    subcategories = page.find("div", cls="chips").find_all("a")
    assert texts(subcategories) == ["Kopi & Teh"]
    assert subcategories[0].attrs["href"] == marketplace.coffee.get_absolute_url()


def test_leaf_category_page_lists_its_own_products(client, marketplace):
    page = parse(client.get(marketplace.sarung.get_absolute_url()))

    assert card_titles(page) == ["Sarung Tenun Goyor"]


def test_category_page_at_an_old_slug_redirects_to_the_current_one(client, marketplace):
    response = client.get(f"/catalogue/category/kopi_{marketplace.coffee.pk}/?page=1")

    assert response.status_code == 301
    assert (
        response.headers["Location"]
        == f"{marketplace.coffee.get_absolute_url()}?page=1"
    )


def facts(page):
    """The product page's facts table, as {label: value}."""
    table = page.find("table", cls="facts")
    return [
        (row.find("th").text(), row.find("td").text()) for row in table.find_all("tr")
    ]


def test_product_page_shows_the_seller_weight_and_food_numbers(client, marketplace):
    response = client.get(marketplace.robusta.get_absolute_url())

    assert response.status_code == 200
    page = parse(response)
    assert page.find("h1").text() == "Kopi Robusta Lereng Kelud"
    seller = page.find("div", cls="seller-box")
    assert seller.find("a").attrs["href"] == "/pesantren/al-hikmah/"
    assert seller.find("a").text() == "Pondok Pesantren Al-Hikmah"
    values = [value for _label, value in facts(page)]
    assert values[0] == "260 g"
    assert values[2] == "Jual beli (bai')"
    # The default window: no category rule in this marketplace.
    assert values[3].startswith("3 hari setelah Anda menerimanya, untuk:")
    assert values[4:] == [
        "ID35110000123456",
        "206351701234-29",
        f"SKU-{marketplace.robusta.upc}",
    ]
    assert page.find("div", cls="price").text() == "Rp45.000"


def test_product_page_shows_the_bpom_number(client, marketplace):
    page = parse(client.get(marketplace.tea.get_absolute_url()))

    values = [value for _label, value in facts(page)]
    assert values[0] == "80 g"
    assert values[4:] == ["MD 123456789012", f"SKU-{marketplace.tea.upc}"]


def test_a_description_cannot_add_attributes_to_the_page_meta_tag(client, marketplace):
    # Given a seller's HTML description whose text closes the content attribute
    # (nh3 keeps quotes in text as they are)
    marketplace.robusta.description = (
        '<p>0;url=//evil.test" http-equiv="refresh</p><p>Kopi &amp; gula</p>'
    )
    marketplace.robusta.save()

    # When the product page is shown
    page = parse(client.get(marketplace.robusta.get_absolute_url()))

    # Then the meta description holds the text and nothing else (a refresh
    # would send every visitor to another site)
    assert page.find("meta", name="description").attrs == {
        "name": "description",
        "content": '0;url=//evil.test" http-equiv="refresh Kopi & gula',
    }


def test_product_page_of_an_unpublished_product_is_not_found(client, marketplace):
    marketplace.robusta.is_public = False
    marketplace.robusta.save()

    assert client.get(marketplace.robusta.get_absolute_url()).status_code == 404
    assert card_titles(parse(client.get("/catalogue/"))) == [
        "Sarung Tenun Goyor",
        "Teh Sereh Jahe Celup",
    ]


def test_product_page_at_an_old_slug_redirects_to_the_current_one(client, marketplace):
    response = client.get(f"/catalogue/kopi-lama_{marketplace.robusta.pk}/")

    assert response.status_code == 301
    assert response.headers["Location"] == marketplace.robusta.get_absolute_url()


def make_parent_with_variant(pesantren, title):
    """A parent product (never sold itself) and one variant sold by ``pesantren``."""
    parent = ProductFactory(structure=Product.PARENT, title=title)
    make_product(pesantren, structure=Product.CHILD, parent=parent, title="")
    return parent


def test_catalogue_lists_a_parent_whose_variant_a_verified_pesantren_sells(
    client, marketplace
):
    make_parent_with_variant(marketplace.huda, "Peci Rajut")
    make_parent_with_variant(marketplace.suspended, "Peci Beludru")

    page = parse(client.get("/catalogue/"))

    assert card_titles(page) == ["Peci Rajut", *PUBLIC_TITLES]
