"""The ledger follows each pesantren's part: held on payment, available on
receipt, reversed or clawed back on a refund, each posting once."""

from decimal import Decimal

import pytest
from django.db import transaction

from marketplace.fulfilment.models import FulfilmentGroup
from marketplace.fulfilment.services import (
    cancel_part,
    cancel_unpaid_order,
    mark_payment_reversed,
    confirm_received,
    mark_order_paid,
    ship_part,
)
from marketplace.ledger import services, tasks
from marketplace.ledger.fees import fee_of
from marketplace.ledger.models import LedgerAccount, LedgerEntry, LedgerTransaction
from marketplace.ledger.selectors import Balance, balance_of_pesantren
from marketplace.ledger.services import LedgerError, Line
from marketplace.payments.models import PaymentAttempt
from tests.factories import pay_order
from tests.marketplace.ledger.conftest import unbalanced_transactions

pytestmark = pytest.mark.django_db
Account = LedgerAccount.Kind


def platform_balances():
    return {
        kind: services.balance_of(services.get_account(kind))
        for kind in (Account.CLEARING, Account.FEE_REVENUE, Account.REFUNDS)
    }


@pytest.mark.parametrize("platform_fee_percent", ["2.5"])
def test_payment_holds_each_part_less_the_fee_and_receipt_makes_it_available(
    order_and_parts,
):
    order, alfa, beta, alfa_part, _beta_part = order_and_parts

    pay_order(order)

    # The fee is on the goods only: 100.000 × 2,5% = 2.500 and
    # 40.000 × 2,5% = 1.000 kept as ujrah; shipping passes through whole.
    assert balance_of_pesantren(alfa) == Balance(
        held=112500, available=0, paid_out=0, clawback_owed=0
    )
    assert balance_of_pesantren(beta) == Balance(
        held=59000, available=0, paid_out=0, clawback_owed=0
    )
    assert platform_balances() == {
        Account.CLEARING: -175000,
        Account.FEE_REVENUE: 3500,
        Account.REFUNDS: 0,
    }
    held = LedgerEntry.objects.get(
        transaction__key=f"order-paid:{alfa_part.pk}", account__kind=Account.HELD
    )
    assert (held.amount, held.fee, held.fee_percent) == (
        112500,
        2500,
        Decimal("2.50"),
    )

    ship_part(alfa, alfa_part.pk, None, "JNE", "JNE0001")
    confirm_received(order, alfa_part.pk, None)

    assert balance_of_pesantren(alfa) == Balance(
        held=0, available=112500, paid_out=0, clawback_owed=0
    )
    assert balance_of_pesantren(beta).held == 59000
    assert unbalanced_transactions() == []


@pytest.mark.parametrize("platform_fee_percent", ["10"])
def test_the_fee_of_a_placed_order_does_not_change_with_the_setting(
    order_and_parts, settings
):
    order, alfa, _beta, alfa_part, _beta_part = order_and_parts
    settings.MARKETPLACE_PLATFORM_FEE_PERCENT = "0"
    pay_order(order)

    ship_part(alfa, alfa_part.pk, None, "JNE", "JNE0001")
    confirm_received(order, alfa_part.pk, None)

    # 115.000 less 10% of the goods' 100.000.
    assert balance_of_pesantren(alfa).available == 105000


def test_a_repeated_paid_notification_posts_once(order_and_parts):
    order, alfa, _beta, _alfa_part, _beta_part = order_and_parts
    attempt = pay_order(order)

    with transaction.atomic():
        locked = type(order).objects.select_for_update().get(pk=order.pk)
        assert mark_order_paid(locked, PaymentAttempt.objects.get(pk=attempt.pk))

    assert LedgerTransaction.objects.filter(kind="order_paid").count() == 2
    assert balance_of_pesantren(alfa).held == 115000


def test_each_posting_happens_once_however_often_it_is_triggered(order_and_parts):
    order, alfa, _beta, alfa_part, _beta_part = order_and_parts
    pay_order(order)
    ship_part(alfa, alfa_part.pk, None, "JNE", "JNE0001")
    confirm_received(order, alfa_part.pk, None)
    group = FulfilmentGroup.objects.get(pk=alfa_part.pk)

    assert services.post_part_paid(group) is None
    assert services.release_part(group) is None

    assert balance_of_pesantren(alfa) == Balance(
        held=0, available=115000, paid_out=0, clawback_owed=0
    )


@pytest.mark.parametrize("platform_fee_percent", ["2.5"])
def test_cancelling_a_part_before_release_reverses_its_held_amount(order_and_parts):
    order, _alfa, beta, _alfa_part, beta_part = order_and_parts
    pay_order(order)

    cancel_part(beta, beta_part.pk, None, "Madu habis")

    assert balance_of_pesantren(beta) == Balance(
        held=0, available=0, paid_out=0, clawback_owed=0
    )
    assert LedgerTransaction.objects.get(key=f"part-refunded:{beta_part.pk}").kind == (
        LedgerTransaction.Kind.REVERSED
    )
    # The buyer gets the whole part back, the fee included.
    assert platform_balances() == {
        Account.CLEARING: -175000,
        Account.FEE_REVENUE: 2500,
        Account.REFUNDS: 60000,
    }
    assert services.release_part(FulfilmentGroup.objects.get(pk=beta_part.pk)) is None
    assert unbalanced_transactions() == []


def test_a_refund_after_release_takes_the_available_balance_then_owes_a_clawback(
    order_and_parts,
):
    order, alfa, _beta, alfa_part, _beta_part = order_and_parts
    pay_order(order)
    ship_part(alfa, alfa_part.pk, None, "JNE", "JNE0001")
    confirm_received(order, alfa_part.pk, None)
    services.record_payout(alfa, 100000, "TRF-1")
    assert balance_of_pesantren(alfa) == Balance(
        held=0, available=15000, paid_out=100000, clawback_owed=0
    )

    with transaction.atomic():
        services.refund_part(FulfilmentGroup.objects.get(pk=alfa_part.pk))
        services.refund_part(FulfilmentGroup.objects.get(pk=alfa_part.pk))

    balance = balance_of_pesantren(alfa)
    assert balance == Balance(
        held=0, available=0, paid_out=100000, clawback_owed=100000
    )
    assert balance.payable == 0
    assert LedgerTransaction.objects.filter(kind="clawback").count() == 1
    assert unbalanced_transactions() == []


def test_the_clawback_is_settled_from_the_next_payout(order_and_parts):
    order, alfa, _beta, alfa_part, _beta_part = order_and_parts
    pay_order(order)
    ship_part(alfa, alfa_part.pk, None, "JNE", "JNE0001")
    confirm_received(order, alfa_part.pk, None)
    services.record_payout(alfa, 115000, "TRF-1")
    with transaction.atomic():
        services.refund_part(FulfilmentGroup.objects.get(pk=alfa_part.pk))
    # A later sale of Rp200.000 is released.
    later = LedgerTransaction.objects.create(key="later-sale", kind="released")
    LedgerEntry.objects.bulk_create(
        [
            LedgerEntry(
                transaction=later,
                account=services.get_account(Account.AVAILABLE, alfa),
                amount=200000,
            ),
            LedgerEntry(
                transaction=later,
                account=services.get_account(Account.CLEARING),
                amount=-200000,
            ),
        ]
    )
    assert balance_of_pesantren(alfa).payable == 85000

    with pytest.raises(LedgerError):
        services.record_payout(alfa, 85001, "TRF-2")
    services.record_payout(alfa, 85000, "TRF-2")
    services.record_payout(alfa, 85000, "TRF-2")

    assert balance_of_pesantren(alfa) == Balance(
        held=0, available=0, paid_out=200000, clawback_owed=0
    )


def test_an_unbalanced_or_fractional_posting_is_refused(db):
    clearing = services.get_account(Account.CLEARING)
    fees = services.get_account(Account.FEE_REVENUE)

    with pytest.raises(LedgerError):
        services.post_transaction(
            "bad", "payout", [Line(clearing, -100), Line(fees, 99)]
        )
    with pytest.raises(LedgerError):
        services.post_transaction(
            "bad", "payout", [Line(clearing, Decimal("-0.5")), Line(fees, 1)]
        )

    assert LedgerTransaction.objects.count() == 0


def test_the_beat_task_releases_parts_shipped_long_enough_ago(
    order_and_parts, clock, settings
):
    settings.MARKETPLACE_AUTO_RELEASE_DAYS = 7
    order, alfa, beta, alfa_part, beta_part = order_and_parts
    pay_order(order)
    ship_part(alfa, alfa_part.pk, None, "JNE", "JNE0001")
    clock.advance(days=2)
    ship_part(beta, beta_part.pk, None, "SiCepat", "SCP0002")

    clock.advance(days=5, hours=-1)
    assert tasks.release_due_parts() == 0
    clock.advance(hours=1)
    assert tasks.release_due_parts() == 1
    assert tasks.release_due_parts() == 0

    assert balance_of_pesantren(alfa).available == 115000
    assert balance_of_pesantren(beta).held == 60000
    released = LedgerTransaction.objects.get(key=f"part-released:{alfa_part.pk}")
    assert (released.kind, released.date_created) == ("auto_released", clock.now)

    clock.advance(days=2)
    assert tasks.release_due_parts() == 1
    assert balance_of_pesantren(beta).available == 60000


def test_a_part_received_in_time_is_not_released_again(order_and_parts, clock):
    order, alfa, _beta, alfa_part, _beta_part = order_and_parts
    pay_order(order)
    ship_part(alfa, alfa_part.pk, None, "JNE", "JNE0001")
    confirm_received(order, alfa_part.pk, None)

    clock.advance(days=30)

    assert tasks.release_due_parts() == 0
    assert list(
        LedgerTransaction.objects.filter(group=alfa_part).values_list("kind", flat=True)
    ) == ["order_paid", "released"]


def test_a_blocked_part_stays_held(order_and_parts, clock, monkeypatch):
    order, alfa, _beta, alfa_part, _beta_part = order_and_parts
    pay_order(order)
    ship_part(alfa, alfa_part.pk, None, "JNE", "JNE0001")
    monkeypatch.setattr(services, "release_blocked", lambda part: True)

    clock.advance(days=8)

    assert tasks.release_due_parts() == 0
    assert balance_of_pesantren(alfa).held == 115000


def test_release_blocked_blocks_nothing_until_complaints_exist(order_and_parts):
    _order, _alfa, _beta, alfa_part, _beta_part = order_and_parts

    assert services.release_blocked(alfa_part) is False


def test_the_platform_fee_rounds_half_up_to_whole_rupiah():
    assert [
        fee_of(amount, Decimal("2.5"))
        for amount in (115000, 15020, 15019, 0)
    ] == [2875, 376, 375, 0]


def test_an_unpaid_cancelled_order_posts_nothing(order_and_parts):
    order, _alfa, _beta, _alfa_part, _beta_part = order_and_parts
    with transaction.atomic():
        cancel_unpaid_order(
            type(order).objects.select_for_update().get(pk=order.pk), "x"
        )

    assert LedgerTransaction.objects.count() == 0
    assert LedgerEntry.objects.count() == 0


def test_money_of_a_reversed_payment_stays_held(order_and_parts, clock):
    order, alfa, _beta, alfa_part, _beta_part = order_and_parts
    attempt = pay_order(order)
    ship_part(alfa, alfa_part.pk, None, "JNE", "JNE0001")
    with transaction.atomic():
        locked = type(order).objects.select_for_update().get(pk=order.pk)
        mark_payment_reversed(locked, attempt)

    clock.advance(days=8)

    assert tasks.release_due_parts() == 0
    confirm_received(order, alfa_part.pk, None)
    assert balance_of_pesantren(alfa).held == 115000
