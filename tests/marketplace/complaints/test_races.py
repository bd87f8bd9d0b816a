"""Decisions raced on PostgreSQL with real threads: money moves once."""

import pytest

from marketplace.complaints import services
from marketplace.complaints.models import Complaint
from marketplace.fulfilment.services import ship_part
from marketplace.ledger.models import LedgerTransaction
from marketplace.ledger.selectors import balance_of_pesantren
from marketplace.payments.models import Refund
from tests.concurrency import run_concurrently

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_operators_deciding_at_once_refund_and_post_once(shop):
    ship_part(shop.alfa, shop.alfa_part.pk, None, "JNE", "JNE0001")
    complaint = services.open_complaint(
        shop.order, shop.alfa_part.pk, user=shop.buyer, reason="other", description="?"
    )

    def decide(amount):
        return lambda: services.resolve_complaint(
            complaint.pk,
            Complaint.Decision.PARTIAL_REFUND,
            actor=None,
            note="Sebagian.",
            amount=amount,
        )

    results = run_concurrently(decide(20000), decide(30000))

    assert not any(isinstance(result, BaseException) for result in results)
    decided = Complaint.objects.get()
    assert list(Refund.objects.values_list("amount", flat=True)) == [
        decided.refund_amount
    ]
    assert (
        LedgerTransaction.objects.filter(key__startswith="complaint-refund:").count()
        == 1
    )
    # 10% of the fee back in proportion: 20.000 → 1.739, 30.000 → 2.609.
    fee_back = {20000: 1739, 30000: 2609}[decided.refund_amount]
    assert balance_of_pesantren(shop.alfa).available == (
        105000 - (decided.refund_amount - fee_back)
    )
