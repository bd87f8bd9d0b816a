"""The /pesantren/ directory and its filters."""

import pytest

from tests.html import parse, texts


def listed(client, query=""):
    response = client.get(f"/pesantren/{query}")
    assert response.status_code == 200
    return texts(parse(response).find_all("h3"))


def test_directory_lists_verified_pesantren_featured_first(client, marketplace):
    assert listed(client) == ["Pondok Pesantren Al-Hikmah", "Pesantren Nurul Huda"]


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("?province=35", ["Pondok Pesantren Al-Hikmah"]),
        # The suspended Hidayatul Mubtadiin is in Jawa Tengah too.
        ("?province=33", ["Pesantren Nurul Huda"]),
        ("?province=34", []),
        ("?opop=1", ["Pondok Pesantren Al-Hikmah"]),
        ("?province=33&opop=1", []),
        ("?province=99", ["Pondok Pesantren Al-Hikmah", "Pesantren Nurul Huda"]),
    ],
)
def test_directory_filters_by_province_and_opop(client, marketplace, query, names):
    assert listed(client, query) == names


def test_directory_shows_where_each_pesantren_is_and_links_its_storefront(
    client, marketplace
):
    page = parse(client.get("/pesantren/"))

    cards = page.find_all("a", cls="pesantren-card")
    assert [card.attrs["href"] for card in cards] == [
        "/pesantren/al-hikmah/",
        "/pesantren/nurul-huda/",
    ]
    assert [card.find("p").text() for card in cards] == [
        "Kabupaten Jombang, Jawa Timur",
        "Kabupaten Magelang, Jawa Tengah",
    ]
