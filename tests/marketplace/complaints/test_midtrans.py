"""A complaint's refund goes through Midtrans where the channel refunds by
API (a partial amount in the request), and is left manual otherwise."""

from decimal import Decimal

import pytest

from marketplace.complaints import services
from marketplace.complaints.models import Complaint
from marketplace.fulfilment import services as fulfilment
from marketplace.fulfilment.models import FulfilmentGroup
from marketplace.payments.models import PaymentAttempt, Refund
from tests.marketplace.payments.helpers import reload, started_payment

pytestmark = pytest.mark.django_db(transaction=True)


def complained_part(midtrans, payment_type):
    attempt = started_payment()
    midtrans.pay(attempt.provider_order_id, payment_type=payment_type)
    group = FulfilmentGroup.objects.get(
        order=attempt.order, pesantren__name="Pesantren Beta"
    )
    fulfilment.ship_part(group.pesantren, group.pk, None, "JNE", "JNE0001")
    complaint = services.open_complaint(
        attempt.order, group.pk, user=None, reason="damaged", description="Pecah."
    )
    return attempt, complaint


def test_a_partial_refund_of_a_qris_payment_goes_through_midtrans(
    midtrans, private_root
):
    attempt, complaint = complained_part(midtrans, "qris")

    services.resolve_complaint(
        complaint.pk,
        Complaint.Decision.PARTIAL_REFUND,
        actor=None,
        note="Satu botol pecah.",
        amount=25000,
    )
    services.resolve_complaint(
        complaint.pk,
        Complaint.Decision.PARTIAL_REFUND,
        actor=None,
        note="Lagi.",
        amount=25000,
    )

    refund = Refund.objects.get()
    assert (refund.amount, refund.status) == (Decimal(25000), Refund.Status.CONFIRMED)
    transaction = midtrans.transactions[attempt.provider_order_id]
    assert [(r["refund_key"], r["amount"]) for r in transaction.refunds] == [
        (f"{attempt.provider_order_id}-c{complaint.pk}", 25000)
    ]
    assert midtrans.count_requests("refund") == 1
    attempt = reload(attempt)
    assert (attempt.status, attempt.refunded_amount) == (
        PaymentAttempt.Status.PARTIALLY_REFUNDED,
        Decimal(25000),
    )


def test_a_refund_of_a_virtual_account_payment_is_left_manual(midtrans, private_root):
    _attempt, complaint = complained_part(midtrans, "bank_transfer")

    services.resolve_complaint(
        complaint.pk, Complaint.Decision.FULL_REFUND, actor=None, note="Rusak."
    )

    assert list(Refund.objects.values_list("amount", "status")) == [
        (Decimal(60000), Refund.Status.MANUAL)
    ]
    assert midtrans.count_requests("refund") == 0
