"""Celery tasks of payouts: the owner's e-mail about a decided request."""

import logging
import smtplib

from celery import shared_task

from marketplace.payouts import emails

logger = logging.getLogger(__name__)


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=5)
def send_payout_decision_email(self, payout_id):
    """Send the paid/rejected e-mail of one request; a second run finds it sent."""
    try:
        return emails.send_decision_email(payout_id)
    except (smtplib.SMTPException, OSError) as error:
        logger.warning(
            "Payout %s e-mail failed (%s), retry %d",
            payout_id,
            error,
            self.request.retries + 1,
        )
        raise self.retry(exc=error, countdown=min(600, 30 * 2**self.request.retries))


@shared_task(acks_late=True, reject_on_worker_lost=True)
def send_unsent_payout_emails():
    """Beat: send decision e-mails whose task never ran."""
    sent = 0
    for payout_id in emails.unnotified_payout_ids():
        try:
            sent += bool(emails.send_decision_email(payout_id))
        except (smtplib.SMTPException, OSError) as error:
            logger.warning("Payout %s e-mail still failing: %s", payout_id, error)
    return sent
