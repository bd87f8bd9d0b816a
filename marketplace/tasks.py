"""Celery discovers ``marketplace.tasks``: the seller tasks are here, the
order and payment tasks live with their subdomain and are imported here."""

from celery import shared_task

from marketplace import images
from marketplace.fulfilment.tasks import send_order_email, send_unsent_emails
from marketplace.ledger.tasks import release_due_parts
from marketplace.payments.tasks import (
    deliver_simulated_notification,
    expire_unpaid_orders,
    process_payment_notification,
    reconcile_pending_payments,
    submit_refund,
    submit_stalled_refunds,
)
from marketplace.payouts.tasks import (
    send_payout_decision_email,
    send_unsent_payout_emails,
)

__all__ = [
    "deliver_simulated_notification",
    "expire_unpaid_orders",
    "make_image_renditions",
    "process_payment_notification",
    "reconcile_pending_payments",
    "release_due_parts",
    "run_product_import",
    "send_order_email",
    "send_payout_decision_email",
    "send_unsent_emails",
    "send_unsent_payout_emails",
    "submit_refund",
    "submit_stalled_refunds",
]


@shared_task
def make_image_renditions(name):
    """Make the square renditions of an uploaded product picture."""
    images.make_renditions(name)


@shared_task
def run_product_import(import_id):
    """Import the checked rows of a ProductImport, writing progress as it goes."""
    # Imported here: the import module queues this task, so it imports us.
    from marketplace.seller.imports import run_import

    run_import(import_id)
