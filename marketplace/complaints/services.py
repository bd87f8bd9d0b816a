"""Complaints: opened by the buyer within the khiyar window, answered by the
pesantren, decided by KESAN's operators.

Lock order (as in marketplace.fulfilment.services): the order, then its part,
then the complaint. A decision moves money once: the complaint row is locked
and must still be open, the refund and the ledger posting have unique keys.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from marketplace.complaints.models import Complaint, ComplaintMessage, ComplaintPhoto
from marketplace.fulfilment.emails import Kind as EmailKind
from marketplace.fulfilment.emails import queue_email
from marketplace.fulfilment.models import FulfilmentGroup, OrderStatus
from marketplace.ledger import services as ledger
from marketplace.money import format_rupiah

logger = logging.getLogger(__name__)

Order = get_model("order", "Order")
Status = FulfilmentGroup.Status
Decision = Complaint.Decision
Author = ComplaintMessage.Author
MAX_PHOTOS = 3


class ComplaintRefused(Exception):
    """The complaint or the action on it is not allowed; the message says why."""


def window_end(group):
    """When the buyer's return window of a part closes (None if not sent yet).

    After receipt: its khiyar days. A part shipped and never confirmed counts
    as received when its money is released automatically
    (MARKETPLACE_AUTO_RELEASE_DAYS after shipping); the window runs from then.
    """
    if group.date_received is not None:
        received = group.date_received
    elif group.date_shipped is not None:
        received = group.date_shipped + timedelta(
            days=settings.MARKETPLACE_AUTO_RELEASE_DAYS
        )
    else:
        return None
    return received + timedelta(days=group.khiyar_days)


def complaint_refusal(group, now=None):
    """Why ``group`` cannot take a new complaint now, or None if it can.

    A part can be complained about while it is shipped and not yet received,
    and within its khiyar days after receipt, if its order was paid and
    something of it is left to refund.
    """
    now = now or timezone.now()
    if group.order.status not in (OrderStatus.PAID, OrderStatus.COMPLETED):
        return _("This order is not paid, so there is nothing to complain about.")
    if group.status not in (Status.SHIPPED, Status.RECEIVED):
        return _("A complaint can be made once the part has been sent.")
    end = window_end(group)
    if end is not None and now > end:
        return _("The time to complain about this part ended on %(date)s.") % {
            "date": timezone.localtime(end).strftime("%d-%m-%Y")
        }
    if group.complaints.filter(status=Complaint.Status.OPEN).exists():
        return _("This part already has an open complaint.")
    if ledger.refundable_amount(group) <= 0:
        return _("This part has been refunded in full.")
    return None


def _lock_part(order_id, group_id):
    Order.objects.select_for_update().get(pk=order_id)
    return (
        FulfilmentGroup.objects.select_for_update()
        .select_related("order", "pesantren")
        .get(pk=group_id, order_id=order_id)
    )


@transaction.atomic
def open_complaint(order, group_id, *, user, reason, description, photos=()):
    """Open a complaint on part ``group_id`` of ``order`` (the caller checked the
    buyer may see the order); ``photos`` are kesan.images.CleanImage.

    Raises FulfilmentGroup.DoesNotExist for a part not of ``order`` and
    ComplaintRefused, with nothing written, when the part cannot take one.
    """
    group = _lock_part(order.pk, group_id)
    refusal = complaint_refusal(group)
    if refusal:
        raise ComplaintRefused(refusal)
    if len(photos) > MAX_PHOTOS:
        raise ComplaintRefused(_("Send at most 3 photos."))
    try:
        with transaction.atomic():
            complaint = Complaint.objects.create(
                group=group,
                buyer=user if user is not None and user.is_authenticated else None,
                reason=reason,
                description=description,
            )
    except IntegrityError:
        raise ComplaintRefused(_("This part already has an open complaint.")) from None
    for photo in photos:
        ComplaintPhoto.objects.create(complaint=complaint).image.save(
            photo.file.name, photo.file
        )
    queue_email(EmailKind.COMPLAINT_OPENED, group.order, group, complaint=complaint)
    logger.info(
        "%s: complaint %s opened on part %s", order.number, complaint.pk, group.pk
    )
    return complaint


def _lock_complaint(complaint_id):
    ids = Complaint.objects.values_list("group__order_id", "group_id").get(
        pk=complaint_id
    )
    group = _lock_part(*ids)
    complaint = Complaint.objects.select_for_update().get(pk=complaint_id)
    complaint.group = group
    return complaint


@transaction.atomic
def add_message(complaint_id, *, author, user, body):
    """Add ``body`` by ``author`` to an open complaint (access checked by the caller).

    An answer of the pesantren is e-mailed to the buyer. Raises
    ComplaintRefused once the complaint is resolved.
    """
    complaint = _lock_complaint(complaint_id)
    if not complaint.is_open:
        raise ComplaintRefused(_("This complaint is closed; no more messages."))
    message = ComplaintMessage.objects.create(
        complaint=complaint,
        author=author,
        user=user if user is not None and user.is_authenticated else None,
        body=body,
    )
    if author == Author.PESANTREN:
        group = complaint.group
        queue_email(
            EmailKind.COMPLAINT_ANSWERED,
            group.order,
            group,
            complaint=complaint,
            about=message,
        )
    return message


@transaction.atomic
def resolve_complaint(complaint_id, decision, *, actor, note="", amount=None):
    """Decide an open complaint: release the held money, or refund the buyer.

    ``amount`` (whole rupiah, for a partial refund) is at most what is left
    of the part. The refund is recorded (sent to the gateway after commit,
    or marked manual) and the ledger posted, each once. Deciding a complaint
    already decided changes nothing and returns it as it is.
    """
    from marketplace.payments import refunds

    complaint = _lock_complaint(complaint_id)
    if not complaint.is_open:
        return complaint
    group = complaint.group
    if group.order.status not in (OrderStatus.PAID, OrderStatus.COMPLETED):
        # A reversed (charged back) payment: the held money stays held for
        # the operators, as release_part keeps it; no decision moves it.
        raise ComplaintRefused(
            _(
                "The payment of this order is no longer settled, so no money can "
                "be released or refunded; settle it with the payment provider first."
            )
        )
    if refunds.unaccounted_refund(group.order):
        raise ComplaintRefused(
            _(
                "The payment provider refunded part of this order without naming "
                "the part. Attribute that refund to its part in the refunds list "
                "first, so that nothing is refunded twice."
            )
        )
    left = ledger.refundable_amount(group)
    reason = _("Complaint %(number)s: %(note)s") % {
        "number": complaint.pk,
        "note": note or complaint.get_reason_display(),
    }
    if decision == Decision.PARTIAL_REFUND and amount == left:
        decision = Decision.FULL_REFUND
    if decision == Decision.RELEASE:
        amount = None
        ledger.release_part(group)
    elif decision == Decision.FULL_REFUND:
        amount = left
        if amount > 0:
            refunds.request_refund(
                group.order, group, amount, reason, f"c{complaint.pk}"
            )
        ledger.refund_part(group)
    elif decision == Decision.PARTIAL_REFUND:
        if not isinstance(amount, int) or not 0 < amount < left:
            raise ComplaintRefused(
                _("The refund must be between Rp1 and %(left)s.")
                % {"left": format_rupiah(left)}
            )
        refunds.request_refund(group.order, group, amount, reason, f"c{complaint.pk}")
        ledger.refund_part_in_part(group, amount, refund_key(complaint))
    else:
        raise ComplaintRefused(_("Choose a decision."))

    complaint.status = Complaint.Status.RESOLVED
    complaint.decision = decision
    complaint.refund_amount = amount
    complaint.decision_note = note
    complaint.decided_by = actor
    complaint.date_resolved = timezone.now()
    complaint.save()
    queue_email(EmailKind.COMPLAINT_RESOLVED, group.order, group, complaint=complaint)
    logger.info(
        "%s: complaint %s resolved (%s, %s)",
        group.order.number,
        complaint.pk,
        decision,
        amount,
    )
    return complaint


def refund_key(complaint):
    return f"complaint-refund:{complaint.pk}"
