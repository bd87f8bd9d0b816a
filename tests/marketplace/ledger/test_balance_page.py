"""The owner's Saldo page: its pesantren's balance and ledger lines only."""

import pytest
from django.db import transaction

from marketplace.fulfilment.models import FulfilmentGroup
from marketplace.fulfilment.services import cancel_part, confirm_received, ship_part
from marketplace.ledger import services
from marketplace.payouts.services import request_payout
from pesantren.models import Membership
from tests.factories import (
    make_basket,
    make_member,
    make_product,
    pay_order,
    place_order,
)
from tests.marketplace.ledger.conftest import unbalanced_transactions

pytestmark = pytest.mark.django_db


@pytest.fixture
def alfa_owner(order_and_parts, client, english):
    _order, alfa, _beta, _alfa_part, _beta_part = order_and_parts
    owner = make_member(alfa, role=Membership.Role.OWNER, email="pemilik@alfa.test")
    client.force_login(owner)
    return client


def test_the_owner_sees_held_available_and_paid_out_with_order_numbers(
    order_and_parts, alfa_owner
):
    order, alfa, _beta, alfa_part, _beta_part = order_and_parts
    pay_order(order)
    ship_part(alfa, alfa_part.pk, None, "JNE", "JNE0001")
    confirm_received(order, alfa_part.pk, None)
    services.record_payout(alfa, 100000, "TRF-1")

    response = alfa_owner.get("/seller/balance/")

    assert response.status_code == 200
    assert response.context["balance"].available == 15000
    assert response.context["balance"].paid_out == 100000
    assert [
        (entry.transaction.kind, entry.account.kind, entry.amount)
        for entry in response.context["entries"]
    ] == [
        ("payout", "paid_out", 100000),
        ("payout", "available", -100000),
        ("released", "available", 115000),
        ("released", "held", -115000),
        ("order_paid", "held", 115000),
    ]
    page = response.content.decode()
    assert page.count(order.number) == 3
    assert "Rp15,000" in page and "Rp100,000" in page


def test_staff_of_the_pesantren_get_403(order_and_parts, client):
    _order, alfa, _beta, _alfa_part, _beta_part = order_and_parts
    client.force_login(make_member(alfa, role=Membership.Role.STAFF))

    assert client.get("/seller/balance/").status_code == 403


def test_another_pesantrens_owner_never_sees_this_balance(order_and_parts, client):
    order, _alfa, beta, _alfa_part, _beta_part = order_and_parts
    pay_order(order)
    client.force_login(make_member(beta, role=Membership.Role.OWNER))

    response = client.get("/seller/balance/")

    assert response.context["balance"].held == 60000
    assert {entry.account.pesantren_id for entry in response.context["entries"]} == {
        beta.pk
    }
    assert "115.000" not in response.content.decode()


def test_the_page_runs_a_fixed_number_of_queries(
    order_and_parts, alfa_owner, django_assert_num_queries
):
    order, alfa, _beta, alfa_part, _beta_part = order_and_parts
    pay_order(order)
    alfa_owner.get("/seller/balance/")
    ship_part(alfa, alfa_part.pk, None, "JNE", "JNE0001")
    confirm_received(order, alfa_part.pk, None)
    services.record_payout(alfa, 50000, "TRF-1")
    request_payout(Membership.objects.get(user__email="pemilik@alfa.test"), 50000)

    # User, membership, balance sums, count, the page of lines with their
    # transactions, parts and orders, and what every page asks (the request
    # savepoint and its release, Oscar's notification count, the basket, its
    # line count and lines): 11; then the sum of open payout requests, the
    # payout history and the monthly sales (one query for 12 months): 14,
    # whatever the number of lines, payouts and months.
    with django_assert_num_queries(14):
        alfa_owner.get("/seller/balance/")


@pytest.mark.parametrize("platform_fee_percent", ["3.3"])
def test_every_transaction_of_every_flow_sums_to_zero(order_and_parts):
    order, alfa, beta, alfa_part, beta_part = order_and_parts
    pay_order(order)
    ship_part(alfa, alfa_part.pk, None, "JNE", "JNE0001")
    confirm_received(order, alfa_part.pk, None)
    cancel_part(beta, beta_part.pk, None, "Habis")
    services.record_payout(alfa, 50000, "TRF-1")
    with transaction.atomic():
        services.refund_part(FulfilmentGroup.objects.get(pk=alfa_part.pk))
    kopi = make_product(alfa, num_in_stock=3, title="Kopi lagi")
    second = place_order(make_basket((kopi, 1))).order
    pay_order(second)

    assert services.LedgerTransaction.objects.count() == 7
    assert unbalanced_transactions() == []
