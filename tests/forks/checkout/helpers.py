"""Steps of a checkout through the views, shared by the checkout tests."""

from decimal import Decimal

from django.urls import reverse

from tests.factories import (
    DEPOK_POSTCODE,
    DEPOK_VILLAGE,
    PesantrenFactory,
    give_flat_rate,
    make_product,
    offer_pickup,
)

ADDRESS = {
    "first_name": "Siti Aminah",
    "phone_number": "0812-3456-7890",
    "line1": "Jl. Merdeka No. 10, RT 02/RW 03",
    "province": "32",
    "regency": "32.76",
    "district": "32.76.01",
    "village": DEPOK_VILLAGE,
    "postcode": DEPOK_POSTCODE,
}


def make_shop():
    alfa, beta = PesantrenFactory(name="Pesantren Alfa"), PesantrenFactory(name="Pesantren Beta")
    give_flat_rate(alfa, 15000)
    give_flat_rate(beta, 20000)
    offer_pickup(beta)
    products = [
        make_product(alfa, price=Decimal("50000"), title="Kopi Santri"),
        make_product(alfa, price=Decimal("30000"), title="Sabun Sereh"),
        make_product(beta, price=Decimal("40000"), title="Madu Hutan"),
    ]
    return alfa, beta, products


def fill_basket(client, products):
    for product in products:
        response = client.post(reverse("basket:add", args=[product.pk]), {"quantity": 1})
        assert response.status_code == 302


def to_preview(client, alfa, beta, choices=("delivery", "delivery")):
    response = client.post(reverse("checkout:shipping-address"), ADDRESS)
    assert response.status_code == 302, response.context["form"].errors
    assert response.url == reverse("checkout:shipping-method")
    response = client.post(
        reverse("checkout:shipping-method"),
        {f"pesantren-{alfa.pk}": choices[0], f"pesantren-{beta.pk}": choices[1]},
    )
    assert response.url == reverse("checkout:preview")
    return client.get(reverse("checkout:preview"))


def guest_to_preview(client, shop):
    alfa, beta, products = shop
    fill_basket(client, products)
    response = client.post(reverse("checkout:index"), {"username": "siti@example.test", "options": "anonymous"})
    assert response.url == reverse("checkout:shipping-address")
    return to_preview(client, alfa, beta)


def place_order_form(preview, confirm=True):
    """The preview's "place order" form, the akad confirmed (or not)."""
    form = {
        "action": "place_order",
        "basket_token": preview.context["basket_token"],
        "akad_digest": preview.context["akad_digest"],
    }
    if confirm:
        form["akad_confirm"] = "1"
    return form
