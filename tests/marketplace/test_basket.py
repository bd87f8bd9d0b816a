"""The basket page: lines grouped by the pesantren that sells them."""

from oscar.apps.basket.models import Line

from tests.html import parse, texts


def add(client, product, quantity=1):
    response = client.post(f"/basket/add/{product.pk}/", {"quantity": quantity})
    assert response.status_code == 302
    return response


def test_basket_groups_lines_by_pesantren_with_subtotals(client, marketplace):
    # Given lines from two pesantren, Al-Hikmah's added first
    add(client, marketplace.robusta, quantity=2)
    add(client, marketplace.tea, quantity=3)
    add(client, marketplace.sarung_product)

    # When the buyer opens the basket
    response = client.get("/basket/")

    # Then each pesantren has its section with its lines and its subtotal
    assert response.status_code == 200
    groups = parse(response).find_all("section", cls="basket-group")
    headers = [group.find("header") for group in groups]
    assert [header.find("a").attrs["href"] for header in headers] == [
        "/pesantren/al-hikmah/",
        "/pesantren/nurul-huda/",
    ]
    assert [texts(header.find_all("span")) for header in headers] == [
        ["Rp275.000"],
        ["Rp54.000"],
    ]
    assert [texts(group.find_all("a")[1:]) for group in groups] == [
        ["Kopi Robusta Lereng Kelud", "Sarung Tenun Goyor"],
        ["Teh Sereh Jahe Celup"],
    ]
    assert Line.objects.count() == 3


def test_basket_total_is_the_sum_of_the_subtotals(client, marketplace):
    add(client, marketplace.robusta, quantity=2)
    add(client, marketplace.tea, quantity=3)

    page = parse(client.get("/basket/"))

    total = page.find("span", data_total=True)
    assert total.text() == "Rp144.000"
    assert total.attrs["data-total"] == "144000"


def test_empty_basket_has_no_groups(client, marketplace):
    page = parse(client.get("/basket/"))

    assert page.find_all("section", cls="basket-group") == []
