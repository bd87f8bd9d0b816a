"""Postings raced on PostgreSQL with real threads: each key posts once."""

import time

import pytest
from django.db import transaction

from marketplace.fulfilment.services import confirm_received, ship_part
from marketplace.ledger import services
from marketplace.ledger.models import LedgerAccount, LedgerTransaction
from marketplace.ledger.selectors import balance_of_pesantren
from marketplace.ledger.services import Line
from tests.concurrency import run_concurrently
from tests.factories import pay_order

pytestmark = pytest.mark.django_db(transaction=True)
Account = LedgerAccount.Kind


@pytest.mark.parametrize("round_number", range(3))
def test_the_same_key_posted_at_once_from_ten_threads_posts_once(
    monkeypatch, round_number
):
    clearing = services.get_account(Account.CLEARING)
    fees = services.get_account(Account.FEE_REVENUE)
    # Every thread passes the "already posted?" check before any inserts.
    original = LedgerTransaction.objects.create

    def slow_create(**fields):
        time.sleep(0.05)
        return original(**fields)

    monkeypatch.setattr(LedgerTransaction.objects, "create", slow_create)

    def post():
        with transaction.atomic():
            return services.post_transaction(
                "race", "payout", [Line(clearing, -1000), Line(fees, 1000)]
            )

    results = run_concurrently(*[post] * 10)

    assert [type(result).__name__ for result in results].count("LedgerTransaction") == 1
    assert results.count(None) == 9
    assert services.balance_of(fees) == 1000


def test_receipt_and_the_beat_task_at_once_release_once(order_and_parts, clock):
    order, alfa, _beta, alfa_part, _beta_part = order_and_parts
    pay_order(order)
    ship_part(alfa, alfa_part.pk, None, "JNE", "JNE0001")
    clock.advance(days=8)

    results = run_concurrently(
        lambda: confirm_received(order, alfa_part.pk, None),
        lambda: services.release_due_parts(),
    )

    assert not any(isinstance(result, BaseException) for result in results)
    assert balance_of_pesantren(alfa).available == 115000
    assert (
        LedgerTransaction.objects.filter(key__startswith="part-released").count() == 1
    )
