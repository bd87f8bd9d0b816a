"""Celery tasks of fulfilment: the order e-mails."""

import logging
import smtplib

from celery import shared_task

from marketplace.fulfilment import emails

logger = logging.getLogger(__name__)


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=5)
def send_order_email(self, email_id):
    """Send one queued order e-mail; a second run finds it sent and stops."""
    try:
        return emails.send_email(email_id)
    except (smtplib.SMTPException, OSError) as error:
        logger.warning(
            "E-mail %s failed (%s), retry %d", email_id, error, self.request.retries + 1
        )
        raise self.retry(exc=error, countdown=min(600, 30 * 2**self.request.retries))


@shared_task(acks_late=True, reject_on_worker_lost=True)
def send_unsent_emails():
    """Beat: send queued e-mails whose task never ran (the broker was down at commit)."""
    sent = 0
    for email_id in emails.unsent_email_ids():
        try:
            sent += bool(emails.send_email(email_id))
        except (smtplib.SMTPException, OSError) as error:
            logger.warning("E-mail %s still failing: %s", email_id, error)
    return sent
