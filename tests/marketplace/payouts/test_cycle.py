"""The whole cycle of a pesantren's money, through the real services and the
beat task: placed, paid, shipped, released automatically, requested,
exported, paid out; then a refund after release owed back as a clawback and
settled by the next payout. Every transaction sums to zero on the way and no
pesantren balance that must not go negative ever does."""

from decimal import Decimal

import pytest
from django.db import transaction

from marketplace.fulfilment.models import FulfilmentGroup
from marketplace.fulfilment.services import ship_part
from marketplace.ledger import services as ledger
from marketplace.ledger import tasks as ledger_tasks
from marketplace.ledger.models import LedgerAccount, LedgerEntry
from marketplace.ledger.selectors import Balance, balance_of_pesantren
from marketplace.payouts import selectors, services
from marketplace.payouts.models import PayoutRequest
from tests.factories import make_basket, make_product, pay_order, place_order
from tests.marketplace.ledger.conftest import unbalanced_transactions

pytestmark = pytest.mark.django_db
Account = LedgerAccount.Kind


def assert_ledger_sound(pesantren):
    """Balanced transactions, and no account below zero that may not be."""
    assert unbalanced_transactions() == []
    balance = balance_of_pesantren(pesantren)
    assert min(balance.held, balance.available, balance.paid_out) >= 0
    assert balance.clawback_owed >= 0
    return balance


def sell_and_auto_release(pesantren, clock, price, title):
    """One part of ``pesantren`` placed, paid, shipped and released by beat."""
    product = make_product(pesantren, price=Decimal(price), num_in_stock=5, title=title)
    order = place_order(make_basket((product, 1))).order
    pay_order(order)
    part = order.fulfilment_groups.get()
    ship_part(pesantren, part.pk, None, "JNE", f"JNE{part.pk:06d}")
    clock.advance(days=8)
    # The function the beat schedule names, run as Celery runs it.
    assert ledger_tasks.release_due_parts.delay().get() == 1
    return order, part


@pytest.mark.parametrize("platform_fee_percent", ["2.5"])
def test_the_whole_cycle_with_a_clawback_settled_by_the_next_payout(
    order_and_parts, alfa_owner, clock
):
    order, alfa, _beta, alfa_part, _beta_part = order_and_parts

    # Placed, paid: 100.000 goods + 15.000 shipping, 2,5% fee on the goods.
    pay_order(order)
    assert assert_ledger_sound(alfa) == Balance(
        held=112500, available=0, paid_out=0, clawback_owed=0
    )

    # Shipped; the buyer never confirms; the beat task releases it.
    ship_part(alfa, alfa_part.pk, None, "JNE", "JNE0001")
    clock.advance(days=7, hours=1)
    assert ledger_tasks.release_due_parts.delay().get() == 1
    assert assert_ledger_sound(alfa).available == 112500
    released = FulfilmentGroup.objects.get(pk=alfa_part.pk)
    assert released.status == FulfilmentGroup.Status.SHIPPED

    # Requested, exported, paid out.
    first = services.request_payout(alfa_owner, 100000)
    batch = services.export_batch([first.pk], None)
    services.mark_paid(first.pk, "BSI-0001", None)
    first.refresh_from_db()
    assert (first.status, first.batch_id, first.clawback_settled) == (
        PayoutRequest.Status.PAID,
        batch.pk,
        0,
    )
    assert assert_ledger_sound(alfa) == Balance(
        held=0, available=12500, paid_out=100000, clawback_owed=0
    )

    # The part is refunded after release: the available 12.500 pays back
    # what it can, 100.000 is owed as a clawback; nothing may be requested.
    with transaction.atomic():
        ledger.refund_part(FulfilmentGroup.objects.get(pk=alfa_part.pk))
    assert assert_ledger_sound(alfa) == Balance(
        held=0, available=0, paid_out=100000, clawback_owed=100000
    )
    assert selectors.requestable_amount(alfa) == 0

    # Two more sales are released: 200.000 + 15.000 shipping less 5.000 fee.
    sell_and_auto_release(alfa, clock, "200000", "Kopi Robusta")
    balance = assert_ledger_sound(alfa)
    assert (balance.available, balance.clawback_owed) == (210000, 100000)
    assert selectors.requestable_amount(alfa) == 110000

    # The next payout settles the clawback first, then pays what was asked.
    second = services.request_payout(alfa_owner, 110000)
    services.export_batch([second.pk], None)
    services.mark_paid(second.pk, "BSI-0002", None)
    second.refresh_from_db()
    assert second.clawback_settled == 100000
    assert assert_ledger_sound(alfa) == Balance(
        held=0, available=0, paid_out=210000, clawback_owed=0
    )
    entries = LedgerEntry.objects.filter(transaction__key="payout:BSI-0002")
    assert sorted(entries.values_list("account__kind", "amount")) == [
        (Account.AVAILABLE, -210000),
        (Account.CLAWBACK, 100000),
        (Account.PAID_OUT, 110000),
    ]


def test_a_clawback_owed_is_shown_on_the_open_request_and_the_page(
    order_and_parts, alfa_owner, client, english, clock
):
    order, alfa, _beta, alfa_part, _beta_part = order_and_parts
    pay_order(order)
    ship_part(alfa, alfa_part.pk, None, "JNE", "JNE0001")
    clock.advance(days=8)
    ledger_tasks.release_due_parts.delay()
    first = services.request_payout(alfa_owner, 100000)
    services.export_batch([first.pk], None)
    services.mark_paid(first.pk, "BSI-0001", None)
    with transaction.atomic():
        ledger.refund_part(FulfilmentGroup.objects.get(pk=alfa_part.pk))
    sell_and_auto_release(alfa, clock, "200000", "Kopi Robusta")
    second = services.request_payout(alfa_owner, 115000)
    client.force_login(alfa_owner.user)

    page = client.get("/seller/balance/").content.decode()
    detail = client.get(f"/seller/balance/payouts/{second.pk}/").content.decode()

    # The 15.000 left after the first payout paid back part of 115.000.
    assert balance_of_pesantren(alfa).clawback_owed == 100000
    assert "A refund after release left Rp100,000 owed" in page
    assert "Rp100,000 is owed back for a refund after release" in detail
