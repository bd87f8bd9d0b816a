"""Indonesian by default, English when the visitor picks it in the switcher."""

from django.conf import settings

from tests.html import parse, texts


def test_pages_are_indonesian_by_default_even_for_an_english_browser(
    client, marketplace
):
    response = client.get("/catalogue/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")

    page = parse(response)
    assert page.find("html").attrs["lang"] == "id"
    assert response.headers["Content-Language"] == "id"
    assert texts(page.find_all("span", cls="price")) == [
        "Rp185.000",
        "Rp18.000",
        "Rp45.000",
    ]
    selected = page.find("select", id="language-select").find("option", selected=True)
    assert selected.attrs["value"] == "id"


def test_switching_to_english_shows_english_pages(client, marketplace):
    # Given a visitor on the catalogue
    # When they pick English in the switcher
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/catalogue/"})

    # Then they are sent back, and the pages are English from then on
    assert response.status_code == 302
    assert response.headers["Location"] == "/catalogue/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    follow = client.get("/catalogue/")
    page = parse(follow)
    assert page.find("html").attrs["lang"] == "en"
    assert follow.headers["Content-Language"] == "en"
    assert page.find("h1").text() == "All pesantren products"
    assert texts(page.find_all("span", cls="price")) == [
        "Rp185,000",
        "Rp18,000",
        "Rp45,000",
    ]


def test_switching_back_to_indonesian(client, marketplace):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    client.post("/i18n/setlang/", {"language": "id", "next": "/"})

    response = client.get("/catalogue/")

    assert parse(response).find("html").attrs["lang"] == "id"
    assert response.headers["Content-Language"] == "id"


def test_unknown_language_cookie_falls_back_to_indonesian(client, marketplace):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"

    response = client.get("/")

    assert parse(response).find("html").attrs["lang"] == "id"


def test_pages_vary_on_the_language_cookie(client, marketplace):
    # Caches between KESAN and the visitor must not hand one language's page
    # to a visitor who chose the other.
    response = client.get("/catalogue/")

    assert "Cookie" in [value.strip() for value in response.headers["Vary"].split(",")]
