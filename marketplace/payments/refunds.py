"""Refunds: recorded when a pesantren cancels a paid part or a complaint is
settled with a refund (whole or in part), sent to the gateway where it can
refund by API, and otherwise left for a transfer by hand.

Midtrans refunds cards, e-wallets and QRIS by API, but not virtual accounts
or convenience stores; those refunds are marked MANUAL for the operators.
"""

import logging
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from marketplace.payments.gateways import get_gateway
from marketplace.payments.gateways.base import GatewayRefused
from marketplace.payments.models import PaymentAttempt, Refund
from marketplace.queue import enqueue_on_commit

logger = logging.getLogger(__name__)
Status = PaymentAttempt.Status


def paid_attempt(order):
    return (
        order.payment_attempts.filter(
            status__in=[Status.PAID, Status.PARTIALLY_REFUNDED]
        )
        .order_by("-sequence")
        .first()
    )


def refund_part(order, group, reason):
    """Record the refund of a cancelled part of a paid order, once, and send it after commit."""
    return request_refund(order, group, group.total, reason, f"part{group.pk}")


def request_refund(order, group, amount, reason, key):
    """Record a refund of ``amount`` of ``group`` to its buyer, once per ``key``.

    ``key`` names the decision (a cancelled part, a complaint); the gateway's
    refund key is the paid attempt's order id and it, so that a repeated
    request is one refund here and at the gateway. The refund is sent after
    commit. Returns None for an order without a paid attempt.
    """
    attempt = paid_attempt(order)
    if attempt is None:
        return None
    refund, created = Refund.objects.get_or_create(
        refund_key=f"{attempt.provider_order_id}-{key}",
        defaults={
            "attempt": attempt,
            "group": group,
            "amount": amount,
            "reason": reason[:255],
        },
    )
    if created:
        from marketplace.payments.tasks import submit_refund as submit_refund_task

        enqueue_on_commit(submit_refund_task, refund.pk)
    return refund


def submit_refund(refund_id):
    """Send a requested refund to the gateway, or mark it for a manual transfer.

    The gateway is called outside any transaction, so that no row stays
    locked while it answers (its notification about this very refund may
    arrive before its answer). The refund key makes a repeated call
    harmless. Raises GatewayError when the gateway cannot answer (the task
    retries).
    """
    refund = Refund.objects.select_related("attempt__order").get(pk=refund_id)
    attempt = refund.attempt
    gateway = get_gateway(attempt.gateway)
    if refund.status != Refund.Status.REQUESTED:
        return refund
    if not gateway.can_refund(attempt):
        logger.warning(
            "%s: refund %s of %s needs a manual transfer (%s)",
            attempt.order.number,
            refund.refund_key,
            refund.amount,
            attempt.payment_type,
        )
        return _settle_request(refund, Refund.Status.MANUAL)
    try:
        answer = gateway.refund(
            attempt, refund.refund_key, refund.amount, refund.reason
        )
    except GatewayRefused as refusal:
        logger.warning(
            "%s: refund %s refused: %s",
            attempt.order.number,
            refund.refund_key,
            refusal,
        )
        return _settle_request(refund, Refund.Status.MANUAL, error_message=str(refusal))
    logger.info("%s: refund %s submitted", attempt.order.number, refund.refund_key)
    return _settle_request(
        refund,
        Refund.Status.SUBMITTED,
        provider_reference=str(answer.get("refund_chargeback_id", "")),
    )


def _settle_request(refund, status, **fields):
    """Move a still-requested refund to ``status`` (a confirmation may have come first)."""
    with transaction.atomic():
        refund = Refund.objects.select_for_update().get(pk=refund.pk)
        if refund.status == Refund.Status.REQUESTED:
            refund.status = status
            for name, value in fields.items():
                setattr(refund, name, value)
            refund.save()
    return refund


def stalled_refunds(older_than=timedelta(minutes=5)):
    """Refunds requested a while ago and never sent."""
    return Refund.objects.filter(
        status=Refund.Status.REQUESTED, date_created__lt=timezone.now() - older_than
    ).order_by("pk")


def record_gateway_refunds(attempt, status):
    """Confirm our refunds, and record the gateway's own, from a status report.

    Called by apply_status with the order and attempt locked.
    """
    attempt.refunded_amount = status.refunded_amount
    attempt.save(update_fields=["refunded_amount"])
    for item in status.refunds:
        key = (
            item.get("refund_key")
            or f"{attempt.provider_order_id}-gw{item.get('refund_chargeback_id')}"
        )
        refund, _created = Refund.objects.get_or_create(
            refund_key=str(key)[:64],
            defaults={
                "attempt": attempt,
                "amount": item.get("refund_amount") or 0,
                "reason": str(item.get("reason") or "")[:255],
            },
        )
        if refund.status != Refund.Status.CONFIRMED:
            refund.status = Refund.Status.CONFIRMED
            refund.provider_reference = str(item.get("refund_chargeback_id", ""))
            refund.date_confirmed = timezone.now()
            refund.save(
                update_fields=["status", "provider_reference", "date_confirmed"]
            )
