"""Checkout through the views: guest and signed-in, Indonesian address,
one shipping option per pesantren, order placed before payment, and a
repeated "place order" that places nothing twice."""

from decimal import Decimal

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from marketplace.fulfilment.models import OrderStatus
from marketplace.payments.models import PaymentAttempt
from tests.factories import DEPOK_POSTCODE, DEPOK_VILLAGE, UserFactory
from tests.forks.checkout.helpers import (
    ADDRESS,
    fill_basket,
    guest_to_preview,
    place_order_form,
    to_preview,
)

pytestmark = pytest.mark.django_db
Order = get_model("order", "Order")
UserAddress = get_model("address", "UserAddress")


def test_a_guest_checks_out_two_pesantren_and_is_sent_to_pay(client, shop):
    preview = guest_to_preview(client, shop)

    assert preview.status_code == 200
    assert [part.charge for part in preview.context["parts"]] == [
        Decimal("15000"),
        Decimal("20000"),
    ]
    assert preview.context["order_total"].incl_tax == Decimal("155000")
    assert "Rp155.000" in preview.content.decode()

    response = client.post(
        reverse("checkout:preview"),
        place_order_form(preview),
    )

    order = Order.objects.get()
    attempt = PaymentAttempt.objects.get()
    assert response.status_code == 302
    assert response.url == reverse(
        "payments:simulator", args=[attempt.provider_order_id]
    )
    assert (order.status, order.guest_email, order.user) == (
        OrderStatus.PENDING_PAYMENT,
        "siti@example.test",
        None,
    )
    assert (order.shipping_address.line2, order.shipping_address.line3) == (
        "Depok",
        "Kec. Pancoran Mas",
    )
    assert str(order.shipping_address.phone_number) == "+6281234567890"
    assert client.get(reverse("orders:detail", args=[order.number])).status_code == 200


def test_placing_again_after_going_back_reuses_the_order_and_its_payment(client, shop):
    preview = guest_to_preview(client, shop)
    form = place_order_form(preview)

    first = client.post(reverse("checkout:preview"), form)
    again = client.post(reverse("checkout:preview"), form)

    assert again.status_code == 302
    assert again.url == first.url
    assert Order.objects.count() == 1
    assert PaymentAttempt.objects.count() == 1


def test_pickup_chosen_for_one_pesantren_drops_its_shipping(client, shop):
    alfa, beta, products = shop
    fill_basket(client, products)
    client.post(
        reverse("checkout:index"),
        {"username": "siti@example.test", "options": "anonymous"},
    )

    preview = to_preview(client, alfa, beta, choices=("delivery", "pickup"))

    assert preview.context["shipping_charge"].incl_tax == Decimal("15000")


def test_a_postcode_that_is_not_the_desas_is_refused(client, shop, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    _alfa, _beta, products = shop
    fill_basket(client, products)
    client.post(
        reverse("checkout:index"),
        {"username": "siti@example.test", "options": "anonymous"},
    )

    response = client.post(
        reverse("checkout:shipping-address"), {**ADDRESS, "postcode": "16432"}
    )

    assert response.status_code == 200
    assert response.context["form"].errors["postcode"] == [
        "The postcode of Depok is 16431, not 16432."
    ]


def test_without_javascript_the_region_lists_fill_one_level_per_submit(client, shop):
    _alfa, _beta, products = shop
    fill_basket(client, products)
    client.post(
        reverse("checkout:index"),
        {"username": "siti@example.test", "options": "anonymous"},
    )

    response = client.post(
        reverse("checkout:shipping-address"),
        {**ADDRESS, "regency": "", "district": "", "village": ""},
    )

    form = response.context["form"]
    assert "32.76" in dict(form.fields["regency"].choices)
    assert list(form.fields["district"].choices) == [("", "---------")]
    assert sorted(form.errors) == ["district", "regency", "village"]


def test_a_signed_in_buyer_ships_to_a_saved_address(client, shop):
    alfa, beta, products = shop
    user = UserFactory()
    client.force_login(user)
    saved = UserAddress(
        user=user,
        first_name="Ahmad",
        phone_number="+6281234567891",
        line1="Jl. Pondok 1",
        postcode=DEPOK_POSTCODE,
    )
    from marketplace.addresses import apply_region, indonesia

    saved.country = indonesia()
    apply_region(saved, DEPOK_VILLAGE)
    saved.save()
    fill_basket(client, products)

    page = client.get(reverse("checkout:shipping-address"))
    assert list(page.context["addresses"]) == [saved]
    response = client.post(
        reverse("checkout:shipping-address"),
        {"action": "ship_to", "address_id": saved.pk},
    )
    assert response.url == reverse("checkout:shipping-method")
    client.post(
        reverse("checkout:shipping-method"),
        {f"pesantren-{alfa.pk}": "delivery", f"pesantren-{beta.pk}": "delivery"},
    )
    preview = client.get(reverse("checkout:preview"))
    client.post(
        reverse("checkout:preview"),
        place_order_form(preview),
    )

    order = Order.objects.get()
    assert (order.user, order.guest_email, order.shipping_address.first_name) == (
        user,
        "",
        "Ahmad",
    )
    assert UserAddress.objects.get().num_orders_as_shipping_address == 1


def test_the_region_list_gives_the_children_of_a_region(client):
    response = client.get(reverse("marketplace:region-list"), {"parent": "32.76.01"})

    regions = response.json()["regions"]
    assert {
        "code": DEPOK_VILLAGE,
        "name": "Depok",
        "postal_code": DEPOK_POSTCODE,
    } in regions
    assert all(region["code"].startswith("32.76.01.") for region in regions)


def test_a_payment_service_that_does_not_answer_leaves_a_clear_message(
    client, shop, settings
):
    # Midtrans at a closed loopback port: the connection is refused at once.
    settings.MARKETPLACE_PAYMENT_GATEWAY = "midtrans"
    settings.MIDTRANS_SNAP_BASE_URL = "http://127.0.0.1:1/snap/v1"
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    preview = guest_to_preview(client, shop)

    response = client.post(
        reverse("checkout:preview"),
        place_order_form(preview),
        follow=True,
    )

    order = Order.objects.get()
    assert response.redirect_chain == [
        (reverse("orders:detail", args=[order.number]), 302)
    ]
    assert [str(m) for m in response.context["messages"]] == [
        "The payment service is not answering right now, so no payment was started. "
        "Your order is saved: try paying again in a few minutes."
    ]
    assert order.status == OrderStatus.PENDING_PAYMENT
    assert list(PaymentAttempt.objects.values_list("status", "redirect_url")) == [
        ("start_failed", "")
    ]
    assert 'action="/orders/%s/pay/"' % order.number in response.content.decode()
