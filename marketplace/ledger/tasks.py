"""Celery tasks of the ledger: the automatic release of held money."""

from celery import shared_task

from marketplace.ledger import services


@shared_task(acks_late=True, reject_on_worker_lost=True)
def release_due_parts():
    """Beat: release the money of parts shipped long enough ago and not received."""
    return services.release_due_parts()
