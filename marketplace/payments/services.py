"""Payments of orders: start one, take in what the gateway reports, and keep
every attempt moving forward only.

The gateway is never trusted on its word alone: a notification is verified,
stored, and then only used as a cue to ask the gateway for the current
status, which is applied under the order's row lock.
"""

import hashlib
import json
import logging
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from marketplace.fulfilment import services as fulfilment
from marketplace.fulfilment.models import OrderStatus
from marketplace.ledger import services as ledger
from marketplace.payments import refunds
from marketplace.payments.gateways import get_gateway
from marketplace.payments.gateways.base import GatewayError, GatewayRefused
from marketplace.payments.models import (
    PaymentAttempt,
    PaymentNotification,
    PaymentTransition,
)
from marketplace.payments.signature import is_signature_valid
from marketplace.payments.snap import AmountMismatch, snap_request
from marketplace.payments.statuses import target_status
from marketplace.queue import enqueue_on_commit

logger = logging.getLogger(__name__)

Order = get_model("order", "Order")
Status = PaymentAttempt.Status
Outcome = PaymentNotification.Outcome
Source = PaymentTransition.Source


# Of a refused notification's body, the part stored; a genuine Midtrans
# notification is about 1 KB.
REFUSED_BODY_KEPT_CHARS = 16_384


class PaymentNotStartable(Exception):
    """The order cannot take a payment now; the message is for the buyer."""


def payment_deadline(order):
    """When an unpaid ``order`` is cancelled: its placing plus the payment window."""
    return order.date_placed + timedelta(
        minutes=settings.MARKETPLACE_PAYMENT_EXPIRY_MINUTES
    )


def new_provider_order_id(order, sequence):
    # A random tail keeps ids unique when a development database restarts
    # its numbering against the same Midtrans sandbox account.
    return f"{settings.MIDTRANS_ORDER_ID_PREFIX}-{order.number}-{sequence}-{secrets.token_hex(2)}"


# Starting ------------------------------------------------------------------


def start_payment(order, finish_url):
    """Return the live attempt of unpaid ``order``, starting one if it has none.

    The order row stays locked while the gateway is asked, so that a second
    request for the same order (a double submit) waits and then gets the same
    attempt. If the gateway fails, the attempt is kept as START_FAILED with
    the error and returned; nothing else changes and the buyer may try
    again. Raises PaymentNotStartable for an order that is not awaiting
    payment or whose time to pay is over. Call outside any transaction.
    """
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=order.pk)
        if order.status != OrderStatus.PENDING_PAYMENT:
            raise PaymentNotStartable(_("This order is not awaiting payment."))
        deadline = payment_deadline(order)
        if deadline <= timezone.now() + timedelta(minutes=1):
            raise PaymentNotStartable(_("The time to pay for this order has run out."))
        live = (
            order.payment_attempts.filter(status__in=[Status.CREATED, Status.PENDING])
            .order_by("-sequence")
            .first()
        )
        if live is not None:
            return live

        gateway = get_gateway()
        sequence = (
            order.payment_attempts.aggregate(last=Max("sequence"))["last"] or 0
        ) + 1
        attempt = PaymentAttempt.objects.create(
            order=order,
            gateway=gateway.name,
            sequence=sequence,
            provider_order_id=new_provider_order_id(order, sequence),
            amount=order.total_incl_tax,
            expires_at=deadline,
        )
        try:
            started = gateway.start(attempt, snap_request(order, attempt, finish_url))
        except (GatewayError, GatewayRefused, AmountMismatch) as error:
            attempt.status = Status.START_FAILED
            attempt.error_message = str(error)
            attempt.save(update_fields=["status", "error_message", "date_updated"])
            logger.error(
                "%s: payment %s could not start: %s",
                order.number,
                attempt.provider_order_id,
                error,
                extra={"order_number": order.number, "gateway": gateway.name},
            )
            return attempt
        attempt.token = started.token
        attempt.redirect_url = started.redirect_url
        attempt.save(update_fields=["token", "redirect_url", "date_updated"])
    logger.info(
        "%s: payment %s started at %s",
        order.number,
        attempt.provider_order_id,
        gateway.name,
    )
    return attempt


# Notifications -------------------------------------------------------------


def receive_notification(raw_body, headers, remote_addr):
    """Store a notification as received, verify it, and queue it once verified.

    Return (notification, HTTP status for the sender): 200 queued, 400
    malformed, 403 wrong signature, 404 unknown order. Only a verified
    notification of a known attempt is processed, after this commit.
    """
    gateway = get_gateway()
    text = raw_body.decode("utf-8", errors="replace")
    body = _parse(text)
    fields = {
        "gateway": gateway.name,
        "body": _storable(text),
        "headers": headers,
        "remote_addr": remote_addr,
        "provider_order_id": _storable((body or {}).get("order_id", ""), 64),
        "transaction_status": _storable((body or {}).get("transaction_status", ""), 32),
    }
    digest = hashlib.sha256(raw_body).hexdigest()
    if body is None or not is_signature_valid(body, gateway.server_key):
        outcome = Outcome.MALFORMED if body is None else Outcome.REJECTED
        # Anyone can post here, each refusal is a row: keep only the start of
        # a large body (the sha256 still names the whole of it).
        fields["body"] = fields["body"][:REFUSED_BODY_KEPT_CHARS]
        notification = PaymentNotification.objects.create(
            body_sha256=digest, is_signature_valid=False, outcome=outcome, **fields
        )
        logger.warning(
            "%s: notification refused (%s) from %s",
            fields["provider_order_id"] or "?",
            outcome,
            remote_addr,
        )
        return notification, 400 if body is None else 403

    notification, created = PaymentNotification.objects.get_or_create(
        body_sha256=digest,
        is_signature_valid=True,
        defaults={"outcome": Outcome.QUEUED, **fields},
    )
    if not created:
        PaymentNotification.objects.filter(pk=notification.pk).update(
            times_received=F("times_received") + 1
        )
    attempt = PaymentAttempt.objects.filter(
        provider_order_id=notification.provider_order_id
    ).first()
    if attempt is None:
        notification.outcome = Outcome.UNKNOWN_ORDER
        notification.save(update_fields=["outcome"])
        logger.warning(
            "%s: notification for an unknown order", notification.provider_order_id
        )
        return notification, 404
    if notification.attempt_id is None:
        notification.attempt = attempt
        notification.save(update_fields=["attempt"])

    from marketplace.payments.tasks import process_payment_notification

    enqueue_on_commit(process_payment_notification, notification.pk)
    return notification, 200


def _parse(text):
    try:
        body = json.loads(text)
    except (ValueError, RecursionError):
        # RecursionError: a deeply nested body exhausts the JSON parser.
        return None
    return body if isinstance(body, dict) else None


def _storable(value, limit=None):
    """``value`` as text PostgreSQL can store, cut to ``limit``: it refuses NUL
    characters, which no genuine notification carries, so they are kept as
    U+FFFD for the audit."""
    return str(value).replace("\x00", "\ufffd")[:limit]


def process_notification(notification_id):
    """Ask the gateway for the status a notification hints at and apply it.

    Raises GatewayError when the gateway cannot answer (the task retries).
    """
    notification = PaymentNotification.objects.select_related("attempt__order").get(
        pk=notification_id
    )
    attempt = notification.attempt
    status = get_gateway(attempt.gateway).fetch_status(attempt)
    if status is None:
        outcome = Outcome.NOT_FOUND
    else:
        apply_status(attempt.pk, status, Source.NOTIFICATION)
        outcome = Outcome.APPLIED
    PaymentNotification.objects.filter(pk=notification.pk).update(
        outcome=outcome, date_processed=timezone.now()
    )
    return outcome


# Applying a status ---------------------------------------------------------


def apply_status(attempt_id, status, source):
    """Move an attempt to what gateway ``status`` says, if that is forward.

    Locks the order, then the attempt. A status the attempt's TRANSITIONS do
    not allow from where it is (a duplicate, a late "pending" or "expire"
    after a payment) is recorded as not applied and changes nothing else.
    A paid amount that differs from the attempt's holds it for review.
    Returns the PaymentTransition.
    """
    with transaction.atomic():
        order_id = PaymentAttempt.objects.values_list("order_id", flat=True).get(
            pk=attempt_id
        )
        order = Order.objects.select_for_update().get(pk=order_id)
        attempt = PaymentAttempt.objects.select_for_update().get(pk=attempt_id)
        attempt.date_checked = timezone.now()
        target = target_status(attempt, status)
        note = ""
        if (
            target in (Status.PAID, Status.REVIEW)
            and status.paid_amount != attempt.amount
        ):
            target = Status.REVIEW
            note = f"paid {status.gross_amount}, expected {attempt.amount}"

        transition = PaymentTransition(
            attempt=attempt,
            source=source,
            provider_status=status.transaction_status,
            from_status=attempt.status,
            to_status=target or attempt.status,
            is_applied=_moves_forward(attempt, target, status),
            note=note,
        )
        if not transition.is_applied:
            _note_settled_capture(attempt, status)
            attempt.save(update_fields=["date_checked", "provider_status"])
            transition.save()
            logger.info(
                "%s: %s %s ignored (attempt is %s)",
                order.number,
                attempt.provider_order_id,
                status.transaction_status,
                attempt.status,
            )
            return transition

        previous = attempt.status
        attempt.status = target
        attempt.provider_status = status.transaction_status
        attempt.fraud_status = status.fraud_status
        attempt.payment_type = status.payment_type or attempt.payment_type
        attempt.transaction_id = status.transaction_id or attempt.transaction_id
        if target == Status.PAID:
            attempt.date_paid = attempt.date_checked
        attempt.save()
        transition.save()
        logger.info(
            "%s: %s %s -> %s",
            order.number,
            attempt.provider_order_id,
            previous,
            target,
            extra={"order_number": order.number, "amount": str(attempt.amount)},
        )
        _apply_to_order(order, attempt, previous, status)
        return transition


def _moves_forward(attempt, target, status):
    if target is None or not attempt.can_move_to(target):
        return False
    if target == attempt.status:
        # Only a further partial refund repeats a status.
        return status.refunded_amount > attempt.refunded_amount
    return True


def _note_settled_capture(attempt, status):
    # A card capture settling is no change of state, but it matters later:
    # a captured payment can be voided, a settled one cannot.
    if (
        attempt.provider_status == "capture"
        and status.transaction_status == "settlement"
    ):
        attempt.provider_status = "settlement"


def _apply_to_order(order, attempt, previous, status):
    """What an applied attempt status means for its (locked) order."""
    target = attempt.status
    if target == Status.PAID:
        if not fulfilment.mark_order_paid(order, attempt):
            attempt.requires_refund = True
            attempt.save(update_fields=["requires_refund"])
            logger.warning(
                "%s: payment %s arrived for an order that is %s; it must be refunded",
                order.number,
                attempt.provider_order_id,
                order.status,
            )
    elif target == Status.REVIEW:
        fulfilment.hold_order_for_review(order)
    elif target in (Status.FAILED, Status.EXPIRED):
        _cancel_if_unpayable(order, attempt, previous)
    elif target == Status.REVERSED:
        fulfilment.mark_payment_reversed(order, attempt)
    elif target in (Status.REFUNDED, Status.PARTIALLY_REFUNDED):
        refunds.record_gateway_refunds(attempt, status)
    elif target == Status.DISPUTED:
        # A chargeback: the buyer's bank took the money back. Fulfilment
        # stops and every part is refunded in the ledger, from held money or,
        # once released, from the pesantren's balance (a clawback), so none
        # of it can still be paid out.
        logger.error(
            "%s: payment %s charged back", order.number, attempt.provider_order_id
        )
        fulfilment.mark_payment_reversed(order, attempt)
        for group in order.fulfilment_groups.select_related(
            "pesantren", "order"
        ).select_for_update():
            ledger.refund_part(group)


def _cancel_if_unpayable(order, attempt, previous):
    """Cancel the unpaid order when this failure leaves it no way to be paid.

    A payment that expired, or a reviewed one that was refused, ends the
    order, as does any failure once its time to pay is over; an earlier
    failure (a declined e-wallet) leaves the buyer free to try again.
    """
    others = order.payment_attempts.exclude(pk=attempt.pk)
    if others.filter(status__in=[*PaymentAttempt.LIVE, Status.PAID]).exists():
        return
    if (
        attempt.status == Status.EXPIRED
        or previous == Status.REVIEW
        or payment_deadline(order) <= timezone.now()
    ):
        fulfilment.cancel_unpaid_order(order, reason=attempt.provider_status)


# Beat jobs -----------------------------------------------------------------


def fetch_status(attempt):
    """The gateway's current TransactionStatus of ``attempt``, None if it has none."""
    return get_gateway(attempt.gateway).fetch_status(attempt)


def cancel_payment(attempt, source=Source.ACTION):
    """Void an unpaid attempt at its gateway, so it can no longer be paid.

    Applies what the gateway then reports; if it refuses because the buyer
    paid meanwhile, that payment is applied instead. Returns the
    PaymentTransition, or None if the gateway has no such transaction.
    """
    gateway = get_gateway(attempt.gateway)
    try:
        status = gateway.cancel(attempt)
    except GatewayRefused:
        status = gateway.fetch_status(attempt)
    return None if status is None else apply_status(attempt.pk, status, source)


def reconcile_attempt(attempt):
    """Ask the gateway about a pending attempt and apply what it says."""
    status = fetch_status(attempt)
    if status is None:
        PaymentAttempt.objects.filter(pk=attempt.pk).update(date_checked=timezone.now())
        return None
    return apply_status(attempt.pk, status, Source.RECONCILIATION)


def attempts_to_reconcile():
    """Attempts of unpaid orders that stayed unsettled longer than the grace period."""
    cutoff = timezone.now() - timedelta(
        minutes=settings.MARKETPLACE_PAYMENT_RECONCILE_AFTER_MINUTES
    )
    return PaymentAttempt.objects.filter(
        status__in=[*PaymentAttempt.LIVE, Status.START_FAILED],
        order__status__in=[OrderStatus.PENDING_PAYMENT, OrderStatus.PAYMENT_REVIEW],
        date_created__lt=cutoff,
    ).exclude(date_checked__gte=cutoff)


def orders_to_expire():
    cutoff = timezone.now() - timedelta(
        minutes=settings.MARKETPLACE_PAYMENT_EXPIRY_MINUTES
    )
    return Order.objects.filter(
        status=OrderStatus.PENDING_PAYMENT, date_placed__lt=cutoff
    )


def expire_order(order):
    """Cancel an unpaid order whose time to pay is over, and release its stock.

    The gateway is asked about every attempt first, so a payment made at the
    last moment is applied instead of lost, and a still-open virtual account
    is cancelled so it can no longer be paid. Midtrans never notifies about a
    payment page the buyer left without choosing a method; this is how such
    orders end. Raises GatewayError (nothing cancelled) when the gateway
    cannot answer.
    """
    for attempt in order.payment_attempts.filter(
        status__in=[*PaymentAttempt.LIVE, Status.START_FAILED]
    ):
        status = fetch_status(attempt)
        if status is not None and status.transaction_status == "pending":
            cancel_payment(attempt, Source.EXPIRY)
        elif status is not None:
            apply_status(attempt.pk, status, Source.EXPIRY)

    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=order.pk)
        attempts = list(order.payment_attempts.select_for_update())
        if order.status != OrderStatus.PENDING_PAYMENT or any(
            attempt.status in (Status.PAID, Status.REVIEW) for attempt in attempts
        ):
            return False
        for attempt in attempts:
            if attempt.can_move_to(Status.EXPIRED):
                PaymentTransition.objects.create(
                    attempt=attempt,
                    source=Source.EXPIRY,
                    from_status=attempt.status,
                    to_status=Status.EXPIRED,
                    is_applied=True,
                )
                attempt.status = Status.EXPIRED
                attempt.save(update_fields=["status", "date_updated"])
        return fulfilment.cancel_unpaid_order(order, reason="expired")
