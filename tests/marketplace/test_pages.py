"""Home, storefront and search pages: what a buyer sees on each."""

from tests.factories import make_category, make_product
from tests.html import card_titles, parse, texts


def test_home_shows_featured_pesantren_newest_products_and_categories(
    client, marketplace
):
    # Given the small marketplace, whose pending and suspended pesantren are
    # featured too
    # When a buyer opens the home page
    response = client.get("/")

    # Then only the verified featured pesantren, the public products newest
    # first and the root categories show
    assert response.status_code == 200
    page = parse(response)
    featured = page.find("div", cls="pesantren-grid")
    assert texts(featured.find_all("h3")) == ["Pondok Pesantren Al-Hikmah"]
    assert [link.attrs["href"] for link in featured.find_all("a")] == [
        "/pesantren/al-hikmah/"
    ]
    assert card_titles(page) == [
        "Sarung Tenun Goyor",
        "Teh Sereh Jahe Celup",
        "Kopi Robusta Lereng Kelud",
    ]
    chips = page.find("div", cls="chips").find_all("a", cls="chip")
    assert texts(chips) == ["Makanan & Minuman", "Fashion Muslim"]
    assert [chip.attrs["href"] for chip in chips] == [
        marketplace.food.get_absolute_url(),
        marketplace.fashion.get_absolute_url(),
    ]


def test_storefront_shows_the_profile_and_a_whatsapp_link(client, marketplace):
    response = client.get("/pesantren/al-hikmah/")

    assert response.status_code == 200
    page = parse(response)
    assert page.find("h1").text() == "Pondok Pesantren Al-Hikmah"
    profile = page.find("aside", cls="profile")
    assert texts(profile.find_all("dd")) == [
        "Kabupaten Jombang, Jawa Timur",
        "KH. Ahmad Mubarok",
        "Kopontren Al-Hikmah",
        "Jl. Pesantren No. 1",
    ]
    whatsapp = profile.find("a", cls="whatsapp")
    assert whatsapp.attrs["href"] == "https://wa.me/6281200000001"
    assert card_titles(page) == ["Sarung Tenun Goyor", "Kopi Robusta Lereng Kelud"]


def test_storefront_paginates_its_products(client, marketplace):
    # Given a third product of Al-Hikmah
    make_product(marketplace.hikmah, title="Madu Hutan Murni")

    # When the storefront is read one product per page
    first = parse(client.get("/pesantren/al-hikmah/?per_page=2"))
    second = parse(client.get("/pesantren/al-hikmah/?per_page=2&page=2"))

    # Then the pages split the products, and link to each other
    assert card_titles(first) == ["Madu Hutan Murni", "Sarung Tenun Goyor"]
    assert card_titles(second) == ["Kopi Robusta Lereng Kelud"]
    assert first.find("a", rel="next").attrs["href"] == "?per_page=2&page=2"
    assert second.find("a", rel="prev").attrs["href"] == "?per_page=2&page=1"
    assert second.find_all("a", rel="next") == []


def test_storefront_filters_its_products_by_its_categories(client, marketplace):
    # Given the storefront lists the categories Al-Hikmah sells in
    page = parse(client.get("/pesantren/al-hikmah/"))
    chips = page.find("div", cls="chips").find_all("a", cls="chip")
    coffee_filter = f"?category={marketplace.coffee.pk}"
    assert [chip.attrs["href"] for chip in chips] == [
        "?",
        coffee_filter,
        f"?category={marketplace.sarung.pk}",
    ]
    assert texts(chips)[1:] == ["Kopi & Teh", "Sarung & Batik"]

    # When the buyer picks coffee
    filtered = parse(client.get(f"/pesantren/al-hikmah/{coffee_filter}"))

    # Then only its coffee shows, and that chip is the active one
    assert card_titles(filtered) == ["Kopi Robusta Lereng Kelud"]
    active = filtered.find("a", cls="active")
    assert active.attrs["href"] == coffee_filter


def test_storefront_of_an_unknown_slug_is_not_found(client, marketplace):
    assert client.get("/pesantren/tidak-ada/").status_code == 404


def test_search_lists_products_matching_every_word(client, marketplace):
    def found(query):
        response = client.get("/search/", {"q": query})
        assert response.status_code == 200
        return card_titles(parse(response))

    assert found("kopi") == ["Kopi Robusta Lereng Kelud"]
    assert found("KOPI kelud") == ["Kopi Robusta Lereng Kelud"]
    assert found("teh jahe") == ["Teh Sereh Jahe Celup"]
    # "kopi" and "sarung" each match a product, but no product has both.
    assert found("kopi sarung") == []
    assert found("") == []


def test_search_matches_descriptions_too(client, marketplace):
    make_product(
        marketplace.huda,
        title="Gula Aren Cair",
        description="Manis alami dari nira aren kebun pesantren.",
    )

    response = client.get("/search/", {"q": "nira kebun"})

    assert card_titles(parse(response)) == ["Gula Aren Cair"]


def test_category_menu_shows_a_new_category_at_once(client, marketplace):
    # Given the menu cached by a first page view
    client.get("/")

    # When a category is added
    herbal = make_category("Herbal", "herbal")

    # Then the next page shows it
    nav = parse(client.get("/")).find("nav", cls="category-nav")
    # (the links shown on phones only come first: pesantren, dakwah)
    menu = [link for link in nav.find_all("a") if "narrow-only" not in link.classes]
    assert [link.attrs["href"] for link in menu][-1] == herbal.get_absolute_url()
    assert texts(menu)[1:] == ["Makanan & Minuman", "Fashion Muslim", "Herbal"]
