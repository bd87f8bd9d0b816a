"""Celery discovers ``marketplace.tasks``; the tasks live with their subdomain."""

from marketplace.fulfilment.tasks import send_order_email, send_unsent_emails
from marketplace.payments.tasks import (
    deliver_simulated_notification,
    expire_unpaid_orders,
    process_payment_notification,
    reconcile_pending_payments,
    submit_refund,
    submit_stalled_refunds,
)

__all__ = [
    "deliver_simulated_notification",
    "expire_unpaid_orders",
    "process_payment_notification",
    "reconcile_pending_payments",
    "send_order_email",
    "send_unsent_emails",
    "submit_refund",
    "submit_stalled_refunds",
]
