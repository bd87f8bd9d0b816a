"""Celery discovers ``marketplace.tasks``; the tasks live with their subdomain."""

from marketplace.fulfilment.tasks import send_order_email
from marketplace.payments.tasks import (
    deliver_simulated_notification,
    expire_unpaid_orders,
    process_payment_notification,
    reconcile_pending_payments,
    submit_refund,
)

__all__ = [
    "deliver_simulated_notification",
    "expire_unpaid_orders",
    "process_payment_notification",
    "reconcile_pending_payments",
    "send_order_email",
    "submit_refund",
]
