"""The buyer's order pages: only their own orders, each part with its status,
courier and tracking, and "pesanan diterima" per shipped part."""

from decimal import Decimal

import pytest
from django.urls import reverse

from marketplace.fulfilment.models import FulfilmentGroup
from marketplace.fulfilment.services import ship_part
from tests.factories import (
    PesantrenFactory,
    UserFactory,
    give_flat_rate,
    make_basket,
    make_product,
    pay_order,
    place_order,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def buyer_order():
    buyer = UserFactory()
    alfa, beta = (
        PesantrenFactory(name="Pesantren Alfa"),
        PesantrenFactory(name="Pesantren Beta"),
    )
    give_flat_rate(alfa, 15000)
    give_flat_rate(beta, 20000)
    basket = make_basket(
        (make_product(alfa, price=Decimal("50000")), 1),
        (make_product(beta, price=Decimal("40000")), 1),
    )
    order = place_order(basket, user=buyer).order
    pay_order(order)
    return buyer, order, alfa, beta


def test_a_buyer_sees_each_part_with_courier_and_tracking(client, buyer_order):
    buyer, order, alfa, _beta = buyer_order
    alfa_part = order.fulfilment_groups.get(pesantren=alfa)
    ship_part(alfa, alfa_part.pk, None, "JNE REG", "JNE0001")
    client.force_login(buyer)

    page = client.get(reverse("orders:detail", args=[order.number]))

    body = page.content.decode()
    assert [part.group.status for part in page.context["parts"]] == ["shipped", "new"]
    assert "<strong data-courier>JNE REG</strong>" in body
    assert "<strong data-tracking>JNE0001</strong>" in body
    assert body.count("data-received-button") == 1
    assert client.get(reverse("orders:list")).context["orders"][0] == order


def test_the_buyer_confirms_a_part_received(client, buyer_order):
    buyer, order, alfa, _beta = buyer_order
    alfa_part = order.fulfilment_groups.get(pesantren=alfa)
    ship_part(alfa, alfa_part.pk, None, "JNE REG", "JNE0001")
    client.force_login(buyer)

    response = client.post(
        reverse("orders:part-received", args=[order.number, alfa_part.pk]),
        {"confirm": "1"},
    )

    assert response.url == reverse("orders:detail", args=[order.number])
    assert (
        FulfilmentGroup.objects.get(pk=alfa_part.pk).status
        == FulfilmentGroup.Status.RECEIVED
    )


def test_receipt_is_not_confirmed_without_the_tick(client, buyer_order):
    buyer, order, alfa, _beta = buyer_order
    alfa_part = order.fulfilment_groups.get(pesantren=alfa)
    ship_part(alfa, alfa_part.pk, None, "JNE REG", "JNE0001")
    client.force_login(buyer)

    response = client.post(
        reverse("orders:part-received", args=[order.number, alfa_part.pk])
    )

    assert response.url == reverse("orders:detail", args=[order.number])
    assert (
        FulfilmentGroup.objects.get(pk=alfa_part.pk).status
        == FulfilmentGroup.Status.SHIPPED
    )


def test_another_buyer_gets_404_for_the_order_and_its_actions(client, buyer_order):
    _buyer, order, alfa, _beta = buyer_order
    alfa_part = order.fulfilment_groups.get(pesantren=alfa)
    ship_part(alfa, alfa_part.pk, None, "JNE REG", "JNE0001")
    client.force_login(UserFactory())

    assert client.get(reverse("orders:detail", args=[order.number])).status_code == 404
    assert (
        client.post(
            reverse("orders:part-received", args=[order.number, alfa_part.pk]),
            {"confirm": "1"},
        ).status_code
        == 404
    )
    assert client.post(reverse("orders:pay", args=[order.number])).status_code == 404
    assert (
        FulfilmentGroup.objects.get(pk=alfa_part.pk).status
        == FulfilmentGroup.Status.SHIPPED
    )


def test_a_guest_opens_the_order_from_the_signed_link_only(client):
    pesantren = PesantrenFactory()
    give_flat_rate(pesantren, 15000)
    order = place_order(make_basket((make_product(pesantren), 1))).order

    assert client.get(reverse("orders:detail", args=[order.number])).status_code == 302
    assert (
        client.get(
            reverse("orders:guest-detail", args=[order.number, "nope"])
        ).status_code
        == 404
    )
    link = client.get(
        reverse("orders:guest-detail", args=[order.number, order.verification_hash()])
    )
    assert link.url == reverse("orders:detail", args=[order.number])
    assert client.get(link.url).status_code == 200


def test_the_payment_simulator_page_is_only_for_the_buyer(client, buyer_order):
    from marketplace.payments import services

    buyer, _order, alfa, _beta = buyer_order
    basket = make_basket((make_product(alfa), 1))
    unpaid = place_order(basket, user=buyer).order
    attempt = services.start_payment(unpaid, "http://testserver/payments/finish/")
    url = reverse("payments:simulator", args=[attempt.provider_order_id])

    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(buyer)
    page = client.get(url)
    assert page.status_code == 200
    assert page.context["attempt"] == attempt


def test_the_payment_simulator_is_closed_where_it_is_not_allowed(
    client, buyer_order, settings
):
    # Given a site whose payment gateway is still the simulator while the
    # simulator is not allowed (no MIDTRANS_SERVER_KEY on a production site:
    # the system check refuses it, but gunicorn runs no system checks)
    from marketplace.payments import services
    from marketplace.payments.models import SimulatedTransaction

    buyer, _order, alfa, _beta = buyer_order
    unpaid = place_order(make_basket((make_product(alfa), 1)), user=buyer).order
    attempt = services.start_payment(unpaid, "http://testserver/payments/finish/")
    settings.MARKETPLACE_PAYMENT_SIMULATOR_ALLOWED = False
    client.force_login(buyer)
    page = reverse("payments:simulator", args=[attempt.provider_order_id])
    action = reverse("payments:simulator-action", args=[attempt.provider_order_id])

    # When the buyer opens the simulator and "pays"
    responses = [
        client.get(page).status_code,
        client.post(action, {"action": "choose", "channel": "bca_va"}).status_code,
        client.post(action, {"action": "pay"}).status_code,
    ]

    # Then nothing is simulated and the order still waits for real money
    assert responses == [404, 404, 404]
    assert SimulatedTransaction.objects.exists() is False
    unpaid.refresh_from_db()
    assert unpaid.status == "pending_payment"
