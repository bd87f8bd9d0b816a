"""Statuses from Midtrans replayed or forged, and refunds made outside KESAN
(the Midtrans dashboard): orders and the ledger must stay as they were, and
the buyer is never refunded twice."""

import json

import pytest
from django.db.models import Sum
from django.urls import reverse

from marketplace.complaints import services
from marketplace.complaints.models import Complaint
from marketplace.fulfilment.services import confirm_received, ship_part
from marketplace.ledger.models import LedgerEntry, LedgerTransaction
from marketplace.ledger.selectors import balance_of_pesantren
from marketplace.payments.gateways.base import TransactionStatus
from marketplace.payments.models import (
    PaymentAttempt,
    PaymentNotification,
    PaymentTransition,
    Refund,
)
from marketplace.payments.services import apply_status
from tests.adversarial.conftest import assert_money_invariants

pytestmark = pytest.mark.django_db
Decision = Complaint.Decision


def ledger_state():
    return sorted(
        LedgerEntry.objects.values_list("transaction__key", "account_id", "amount")
    )


def status(shop, name, **fields):
    return TransactionStatus(
        order_id=shop.attempt.provider_order_id,
        transaction_status=name,
        status_code="200",
        gross_amount=f"{shop.attempt.amount}",
        payment_type="qris",
        transaction_id="tx-1",
        **fields,
    )


def test_a_replayed_settlement_after_a_partial_refund_changes_nothing(shop):
    ship_part(shop.alfa, shop.alfa_part.pk, None, "JNE", "JNE0001")
    complaint = services.open_complaint(
        shop.order,
        shop.alfa_part.pk,
        user=shop.buyer,
        reason="damaged",
        description="x",
    )
    services.resolve_complaint(
        complaint.pk, Decision.PARTIAL_REFUND, actor=None, note="x", amount=20000
    )
    apply_status(
        shop.attempt.pk,
        status(
            shop,
            "partial_refund",
            refund_amount="20000.00",
            refunds=(
                {
                    "refund_key": Refund.objects.get().refund_key,
                    "refund_amount": "20000.00",
                    "refund_chargeback_id": 1,
                },
            ),
        ),
        PaymentTransition.Source.NOTIFICATION,
    )
    before = ledger_state()
    shop.order.refresh_from_db()
    order_status = shop.order.status

    transition = apply_status(
        shop.attempt.pk,
        status(shop, "settlement"),
        PaymentTransition.Source.NOTIFICATION,
    )

    assert transition.is_applied is False
    shop.order.refresh_from_db()
    shop.attempt.refresh_from_db()
    assert shop.order.status == order_status
    assert shop.attempt.status == PaymentAttempt.Status.PARTIALLY_REFUNDED
    assert ledger_state() == before
    assert Refund.objects.count() == 1
    assert_money_invariants(shop.alfa_part, shop.beta_part)


def dashboard_refund(shop, amount=None):
    """An operator refunds the payment (or ``amount`` of it) in the Midtrans dashboard."""
    name = "partial_refund" if amount else "refund"
    amount = f"{amount or shop.attempt.amount}"
    apply_status(
        shop.attempt.pk,
        status(
            shop,
            name,
            refund_amount=amount,
            refunds=({"refund_amount": amount, "refund_chargeback_id": 9},),
        ),
        PaymentTransition.Source.NOTIFICATION,
    )


def refunded_to_buyer():
    return Refund.objects.aggregate(t=Sum("amount"))["t"] or 0


def test_after_a_part_is_refunded_at_midtrans_a_complaint_cannot_refund_it_again(shop):
    ship_part(shop.alfa, shop.alfa_part.pk, None, "JNE", "JNE0001")
    # Alfa's whole part (Rp115.000 of Rp175.000) refunded in the dashboard.
    dashboard_refund(shop, 115000)
    shop.attempt.refresh_from_db()
    paid = shop.attempt.amount
    try:
        complaint = services.open_complaint(
            shop.order,
            shop.alfa_part.pk,
            user=shop.buyer,
            reason="damaged",
            description="x",
        )
        services.resolve_complaint(
            complaint.pk, Decision.FULL_REFUND, actor=None, note="x"
        )
    except services.ComplaintRefused:
        pass
    assert refunded_to_buyer() <= paid


def test_after_a_full_refund_at_midtrans_receipt_releases_nothing(shop):
    ship_part(shop.alfa, shop.alfa_part.pk, None, "JNE", "JNE0001")
    dashboard_refund(shop)
    confirm_received(shop.order, shop.alfa_part.pk, None)
    assert balance_of_pesantren(shop.alfa).available == 0


def post_notification(client, body):
    return client.post(
        reverse("payments:midtrans-notification"),
        json.dumps(body),
        content_type="application/json",
    )


def test_a_forged_refund_notification_is_refused_and_changes_nothing(
    client, shop, settings
):
    from tests.fakes.midtrans import SERVER_KEY

    settings.MARKETPLACE_PAYMENT_GATEWAY = "midtrans"
    settings.MIDTRANS_SERVER_KEY = SERVER_KEY
    before = ledger_state()
    body = {
        "order_id": shop.attempt.provider_order_id,
        "status_code": "200",
        "gross_amount": f"{shop.attempt.amount}",
        "transaction_status": "refund",
        "signature_key": "0" * 128,
    }
    response = post_notification(client, body)
    assert response.status_code == 403
    unknown = {**body, "order_id": "KSN-999999-1-dead"}
    assert post_notification(client, unknown).status_code == 403
    shop.attempt.refresh_from_db()
    assert shop.attempt.status == PaymentAttempt.Status.PAID
    assert ledger_state() == before
    assert not PaymentNotification.objects.filter(
        outcome=PaymentNotification.Outcome.QUEUED
    ).exists()
    assert LedgerTransaction.objects.count() == 2


def test_a_signed_refund_notification_for_an_unknown_order_is_404(
    client, shop, settings
):
    from marketplace.payments.signature import compute_signature
    from tests.fakes.midtrans import SERVER_KEY

    settings.MARKETPLACE_PAYMENT_GATEWAY = "midtrans"
    settings.MIDTRANS_SERVER_KEY = SERVER_KEY
    body = {
        "order_id": "KSN-999999-1-dead",
        "status_code": "200",
        "gross_amount": "115000.00",
        "transaction_status": "refund",
    }
    body["signature_key"] = compute_signature(
        body["order_id"], body["status_code"], body["gross_amount"], SERVER_KEY
    )
    before = ledger_state()
    assert post_notification(client, body).status_code == 404
    assert ledger_state() == before
    assert Refund.objects.count() == 0


def test_a_charged_back_payment_keeps_the_money_held(shop):
    ship_part(shop.alfa, shop.alfa_part.pk, None, "JNE", "JNE0001")
    apply_status(
        shop.attempt.pk,
        status(shop, "chargeback"),
        PaymentTransition.Source.NOTIFICATION,
    )
    shop.attempt.refresh_from_db()
    assert shop.attempt.status == PaymentAttempt.Status.DISPUTED
    confirm_received(shop.order, shop.alfa_part.pk, None)
    assert balance_of_pesantren(shop.alfa).available == 0


def test_a_partial_refund_at_midtrans_holds_the_order_until_attributed_in_admin(
    shop, admin_client
):
    from marketplace.payments.refunds import unaccounted_refund

    ship_part(shop.alfa, shop.alfa_part.pk, None, "JNE", "JNE0001")
    ship_part(shop.beta, shop.beta_part.pk, None, "JNE", "JNE0002")
    dashboard_refund(shop, 15000)

    # Held everywhere: it could be either part's money.
    confirm_received(shop.order, shop.beta_part.pk, None)
    assert balance_of_pesantren(shop.beta).available == 0
    assert unaccounted_refund(shop.order) == 15000
    refund = Refund.objects.get(group__isnull=True)
    page = admin_client.get(f"/admin/marketplace/refund/{refund.pk}/attribute/")
    assert page.status_code == 200

    response = admin_client.post(
        f"/admin/marketplace/refund/{refund.pk}/attribute/",
        {"group": shop.alfa_part.pk},
    )
    again = admin_client.post(
        f"/admin/marketplace/refund/{refund.pk}/attribute/",
        {"group": shop.alfa_part.pk},
    )

    assert response.status_code == 302
    assert again.status_code == 200  # refused: already attributed
    refund.refresh_from_db()
    assert refund.group_id == shop.alfa_part.pk
    assert unaccounted_refund(shop.order) == 0
    refunds_account = LedgerEntry.objects.filter(
        transaction__order=shop.order, account__kind="refunds"
    ).aggregate(total=Sum("amount"))["total"]
    assert refunds_account == 15000
    # The part received meanwhile is released once nothing is unaccounted.
    assert balance_of_pesantren(shop.beta).available > 0
    assert balance_of_pesantren(shop.beta).held == 0
    assert_money_invariants(shop.alfa_part, shop.beta_part)


def test_a_chargeback_stops_the_parts_and_keeps_the_money_held(shop):
    apply_status(
        shop.attempt.pk, status(shop, "chargeback"), PaymentTransition.Source.NOTIFICATION
    )

    shop.order.refresh_from_db()
    assert shop.order.status == "payment_reversed"
