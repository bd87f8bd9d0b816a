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

from marketplace.ledger import services as ledger
from marketplace.payments.gateways import get_gateway
from marketplace.payments.gateways.base import GatewayRefused
from marketplace.payments.models import PaymentAttempt, Refund
from marketplace.queue import enqueue_on_commit

logger = logging.getLogger(__name__)
Status = PaymentAttempt.Status


def paid_attempt(order, include_refunded=False):
    """The attempt that paid ``order`` (also once refunded in full, if asked)."""
    statuses = [Status.PAID, Status.PARTIALLY_REFUNDED]
    if include_refunded:
        statuses.append(Status.REFUNDED)
    return (
        order.payment_attempts.filter(status__in=statuses)
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

    Called by apply_status with the order and attempt locked. A refund made
    at the gateway itself (the Midtrans dashboard) names no part: a full one
    refunds every part in the ledger; a partial one holds every part's money
    (``unaccounted_refund``) until an operator attributes it to a part in
    Django admin (``attribute_gateway_refund``).
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
    if attempt.refunded_amount >= attempt.amount and unaccounted_refund(attempt.order):
        # Everything went back to the buyer: every part is refunded.
        for group in attempt.order.fulfilment_groups.select_related(
            "pesantren", "order"
        ).select_for_update():
            ledger.refund_part(group)
        logger.warning(
            "%s: refunded in full at the gateway; every part refunded in the ledger",
            attempt.order.number,
        )
    elif unaccounted_refund(attempt.order):
        logger.error(
            "%s: a refund made at the gateway names no part; the order's money "
            "stays held until it is attributed in admin",
            attempt.order.number,
        )


def unaccounted_refund(order):
    """What the gateway gave back to the buyer that no part accounts for yet.

    The gateway's refunded total, less what the ledger refunded through it:
    every refund posted in the ledger except those paid by hand (manual) and
    those not sent yet (requested), which the gateway does not know of. Only
    a refund made at the gateway itself (its dashboard) leaves anything here,
    until it is attributed to a part.
    """
    from django.db.models import Sum

    from marketplace.ledger.models import LedgerAccount, LedgerEntry

    attempt = paid_attempt(order, include_refunded=True)
    if attempt is None:
        return 0
    in_ledger = (
        LedgerEntry.objects.filter(
            transaction__order=order, account__kind=LedgerAccount.Kind.REFUNDS
        ).aggregate(total=Sum("amount"))["total"]
        or 0
    )
    not_at_gateway = (
        Refund.objects.filter(
            attempt__order=order,
            status__in=[Refund.Status.MANUAL, Refund.Status.REQUESTED],
        ).aggregate(total=Sum("amount"))["total"]
        or 0
    )
    through_gateway = in_ledger - int(not_at_gateway)
    return max(int(attempt.refunded_amount) - through_gateway, 0)


def _release_received_parts(order):
    """Release the parts received while an unattributed refund held them."""
    from marketplace.fulfilment.models import FulfilmentGroup

    for part in order.fulfilment_groups.filter(
        status=FulfilmentGroup.Status.RECEIVED
    ).select_related("pesantren", "order"):
        if not ledger.release_blocked(part):
            ledger.release_part(part)


def gateway_refund_left(refund):
    """What of a gateway-made refund no part accounts for yet."""
    from django.db.models import Sum

    from marketplace.ledger.models import LedgerAccount, LedgerEntry

    attributed = (
        LedgerEntry.objects.filter(
            transaction__key__startswith=f"gateway-refund:{refund.pk}:",
            account__kind=LedgerAccount.Kind.REFUNDS,
        ).aggregate(total=Sum("amount"))["total"]
        or 0
    )
    return int(refund.amount) - attributed


def attribute_gateway_refund(refund, group):
    """Post (part of) a gateway-made refund against ``group``, a part it was for.

    At most what is left of the refund, what is unaccounted, and what is
    left of the part: a refund larger than the part is placed on it as far
    as it goes, and the rest can be attributed to another part. Before the
    part's release only the refund leaves its held money (the rest waits for
    receipt). Once nothing of the refund is left, it names its last part.
    Posted once per refund and part. Returns the amount posted.
    """
    with transaction.atomic():
        order = type(group.order).objects.select_for_update().get(pk=group.order_id)
        group = type(group).objects.select_for_update().select_related(
            "pesantren", "order"
        ).get(pk=group.pk, order=order)
        refund = Refund.objects.select_for_update().get(pk=refund.pk)
        if refund.group_id is not None or refund.attempt.order_id != order.pk:
            raise ValueError("This refund is already attributed or of another order.")
        amount = min(
            gateway_refund_left(refund),
            unaccounted_refund(order),
            ledger.refundable_amount(group),
        )
        if amount <= 0:
            raise ValueError("Nothing of this refund is left to attribute to that part.")
        posted = ledger.refund_part_in_part(
            group, amount, f"gateway-refund:{refund.pk}:{group.pk}", keep_held=True
        )
        if posted is None:
            raise ValueError("This part already took its share of this refund.")
        if gateway_refund_left(refund) <= 0:
            refund.group = group
            refund.save(update_fields=["group"])
        if not unaccounted_refund(order):
            _release_received_parts(order)
    logger.info(
        "%s: %s of gateway refund %s attributed to part %s",
        order.number,
        amount,
        refund.pk,
        group.pk,
    )
    return amount
