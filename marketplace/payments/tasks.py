"""Celery tasks of payments. All are idempotent, so they run with late
acknowledgement and are re-queued when their worker dies; a gateway that
cannot answer is retried a bounded number of times with a growing delay
(always shorter than the broker's visibility timeout), and every failure is
logged with the order number."""

import logging

import requests
from celery import shared_task

from marketplace.payments import refunds, services
from marketplace.payments.gateways import get_gateway
from marketplace.payments.gateways.base import GatewayError
from marketplace.payments.gateways.simulator import deliver
from marketplace.payments.models import PaymentNotification, PaymentTransition, Refund

logger = logging.getLogger(__name__)

RETRYING = {
    "bind": True,
    "acks_late": True,
    "reject_on_worker_lost": True,
    "max_retries": 6,
}
BATCH = 200


def backoff(retries):
    """Seconds before retry ``retries + 1``: 15, 30, 60 ... at most 600."""
    return min(600, 15 * 2**retries)


def retry_later(task, error, order_number):
    if task.request.retries >= task.max_retries:
        logger.error(
            "%s: %s failed for good after %d tries: %s",
            order_number,
            task.name,
            task.request.retries + 1,
            error,
        )
        raise error
    countdown = backoff(task.request.retries)
    logger.warning(
        "%s: %s failed (%s), retry %d in %d s",
        order_number,
        task.name,
        error,
        task.request.retries + 1,
        countdown,
    )
    raise task.retry(exc=error, countdown=countdown)


@shared_task(**RETRYING)
def process_payment_notification(self, notification_id):
    """Ask the gateway about a verified notification and apply the answer."""
    try:
        return services.process_notification(notification_id)
    except GatewayError as error:
        number = (
            PaymentNotification.objects.filter(pk=notification_id)
            .values_list("attempt__order__number", flat=True)
            .first()
        )
        retry_later(self, error, number)


@shared_task(**RETRYING)
def submit_refund(self, refund_id):
    """Send a refund to the gateway, then apply the status it reports."""
    refund = Refund.objects.select_related("attempt__order").get(pk=refund_id)
    try:
        refund = refunds.submit_refund(refund_id)
        if refund.status == Refund.Status.SUBMITTED:
            status = get_gateway(refund.attempt.gateway).fetch_status(refund.attempt)
            if status is not None:
                services.apply_status(
                    refund.attempt_id, status, PaymentTransition.Source.ACTION
                )
    except GatewayError as error:
        retry_later(self, error, refund.attempt.order.number)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def expire_unpaid_orders():
    """Beat: cancel orders whose time to pay is over and release their stock."""
    expired = 0
    for order in services.orders_to_expire()[:BATCH]:
        try:
            expired += bool(services.expire_order(order))
        except GatewayError as error:
            logger.error(
                "%s: not expired, gateway unavailable: %s", order.number, error
            )
        except Exception:
            logger.exception("%s: expiring failed", order.number)
    return expired


@shared_task(acks_late=True, reject_on_worker_lost=True)
def reconcile_pending_payments():
    """Beat: ask the gateway about attempts that stayed pending, so that a
    lost notification heals by itself."""
    checked = 0
    for attempt in services.attempts_to_reconcile().select_related("order")[:BATCH]:
        try:
            services.reconcile_attempt(attempt)
            checked += 1
        except GatewayError as error:
            logger.error("%s: reconciliation failed: %s", attempt.order.number, error)
        except Exception:
            logger.exception("%s: reconciliation failed", attempt.order.number)
    return checked


@shared_task(acks_late=True, reject_on_worker_lost=True)
def submit_stalled_refunds():
    """Beat: send refunds whose task never ran (the broker was down at commit)."""
    submitted = 0
    for refund in refunds.stalled_refunds().select_related("attempt__order"):
        try:
            refunds.submit_refund(refund.pk)
            submitted += 1
        except GatewayError as error:
            logger.error(
                "%s: refund %s still failing: %s",
                refund.attempt.order.number,
                refund.refund_key,
                error,
            )
    return submitted


@shared_task(bind=True, acks_late=True, max_retries=3)
def deliver_simulated_notification(self, notification_url, body):
    """The simulator's stand-in for Midtrans's HTTP notification."""
    try:
        return deliver(notification_url, body)
    except requests.RequestException as error:
        logger.warning(
            "Simulator notification to %s failed: %s", notification_url, error
        )
        raise self.retry(exc=error, countdown=backoff(self.request.retries))
