"""Checkout steps of the akad tests, through the views."""

from django.urls import reverse

from tests.forks.checkout.helpers import fill_basket, place_order_form, to_preview


def preview_as_guest(client, shop, email="siti@example.test"):
    fill_basket(client, [shop.kopi, shop.kain, shop.madu])
    client.post(reverse("checkout:index"), {"username": email, "options": "anonymous"})
    return to_preview(client, shop.alfa, shop.beta)


def preview_signed_in(client, shop, user):
    client.force_login(user)
    fill_basket(client, [shop.kopi, shop.kain, shop.madu])
    return to_preview(client, shop.alfa, shop.beta)


def place(client, preview, confirm=True, **changes):
    return client.post(
        reverse("checkout:preview"), {**place_order_form(preview, confirm), **changes}
    )
