"""Celery tasks of compliance: certificate expiry and its e-mails."""

import logging
import smtplib

from celery import shared_task

from marketplace.compliance import emails, services

logger = logging.getLogger(__name__)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def check_certificate_expiry():
    """Beat: reminders 30 and 7 days before expiry, unpublishing on expiry,
    and notices whose task never ran. Safe to run as often as wanted."""
    reminders, hidden = services.check_expiries()
    for notice_id in emails.unsent_notice_ids():
        try:
            emails.send_notice(notice_id)
        except (smtplib.SMTPException, OSError) as error:
            logger.warning("Certificate notice %s still failing: %s", notice_id, error)
    return {"reminders": reminders, "hidden": hidden}


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=5)
def send_certificate_notice(self, notice_id):
    """Send one queued notice; a second run finds it sent and stops."""
    try:
        return emails.send_notice(notice_id)
    except (smtplib.SMTPException, OSError) as error:
        logger.warning(
            "Notice %s failed (%s), retry %d",
            notice_id,
            error,
            self.request.retries + 1,
        )
        raise self.retry(exc=error, countdown=min(600, 30 * 2**self.request.retries))
