"""Payout requests raced on PostgreSQL with real threads."""

import time

import pytest

from marketplace.payouts import selectors, services
from marketplace.payouts.models import PayoutRequest
from tests.concurrency import run_concurrently

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_requests_at_once_cannot_together_take_more_than_is_requestable(
    alfa_available, alfa_owner, monkeypatch
):
    # Both threads would pass the check before either inserts, were the
    # available account not locked.
    original = selectors.requestable_amount

    def slow_requestable(pesantren):
        amount = original(pesantren)
        time.sleep(0.2)
        return amount

    monkeypatch.setattr(selectors, "requestable_amount", slow_requestable)

    results = run_concurrently(
        lambda: services.request_payout(alfa_owner, 100000),
        lambda: services.request_payout(alfa_owner, 100000),
    )

    assert sorted(type(result).__name__ for result in results) == [
        "PayoutError",
        "PayoutRequest",
    ]
    assert list(PayoutRequest.objects.values_list("amount", flat=True)) == [100000]
    assert original(alfa_owner.pesantren) == 15000


def test_marking_paid_twice_at_once_posts_once(alfa_available, alfa_owner):
    payout = services.request_payout(alfa_owner, 60000)
    services.export_batch([payout.pk], None)

    results = run_concurrently(
        lambda: services.mark_paid(payout.pk, "BSI-RACE", None),
        lambda: services.mark_paid(payout.pk, "BSI-RACE", None),
    )

    assert [type(result).__name__ for result in results] == ["PayoutRequest"] * 2
    payout.refresh_from_db()
    assert payout.status == PayoutRequest.Status.PAID
    assert payout.pesantren.ledger_accounts.get(kind="paid_out").entries.count() == 1
