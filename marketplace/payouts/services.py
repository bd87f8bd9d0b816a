"""Changes to payouts: request, cancel, export in a batch, mark paid, reject.

Lock order: a pesantren's ``available`` ledger account before anything
else of its payouts (requesting), or the request row before that account
(paying, which locks it inside ``record_payout``). Requesting never locks a
request row, so the two orders cannot deadlock.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.ledger import services as ledger
from marketplace.ledger.models import LedgerAccount
from marketplace.money import format_rupiah
from marketplace.payouts import selectors
from marketplace.payouts.models import PayoutBatch, PayoutRequest
from marketplace.queue import enqueue_on_commit

logger = logging.getLogger(__name__)
Status = PayoutRequest.Status


class PayoutError(Exception):
    """A refused payout step; the message is for the person who tried it."""


def check_can_request(membership):
    """Refuse anyone but the owner, and a pesantren without a bank account."""
    if not membership.is_owner:
        raise PayoutError(_("Only the owner of the pesantren can request a payout."))
    if not selectors.has_bank_account(membership.pesantren):
        raise PayoutError(
            _("Add the bank account for payouts to the shop profile first.")
        )


@transaction.atomic
def request_payout(membership, amount, now=None):
    """Reserve ``amount`` whole rupiah of the pesantren's money for a payout.

    Runs under the lock of the pesantren's available account, so two requests
    at once cannot together take more than is requestable.
    """
    check_can_request(membership)
    pesantren = membership.pesantren
    if isinstance(amount, bool) or int(amount) != amount:
        # int() would silently cut a fraction off (the form already refuses one).
        raise PayoutError(_("A payout is in whole rupiah."))
    amount = int(amount)
    minimum = settings.MARKETPLACE_MIN_PAYOUT
    if amount < minimum:
        raise PayoutError(
            _("A payout is at least %(minimum)s.") % {"minimum": format_rupiah(minimum)}
        )
    ledger.lock_account(LedgerAccount.Kind.AVAILABLE, pesantren)
    requestable = selectors.requestable_amount(pesantren)
    if amount > requestable:
        raise PayoutError(
            _("At most %(amount)s can be requested now.")
            % {"amount": format_rupiah(requestable)}
        )
    payout = PayoutRequest.objects.create(
        pesantren=pesantren,
        amount=amount,
        requested_by=membership.user,
        legal_entity_name=pesantren.legal_entity_name,
        bank_name=pesantren.bank_name,
        bank_account_number=pesantren.bank_account_number,
        bank_account_holder=pesantren.bank_account_holder,
        date_requested=now or timezone.now(),
    )
    logger.info(
        "%s: payout %s of %d requested",
        pesantren.slug,
        payout.code,
        amount,
        extra={"pesantren_id": pesantren.pk, "amount": amount},
    )
    return payout


@transaction.atomic
def cancel_request(pesantren, payout_id, user):
    """Withdraw a request the admins have not sent to the bank yet."""
    payout = _lock(PayoutRequest.objects.filter(pesantren=pesantren), payout_id)
    if payout.status != Status.REQUESTED:
        raise PayoutError(
            _("This request is already with the bank and can no longer be cancelled.")
        )
    payout.status = Status.CANCELLED
    payout.decided_by = user
    payout.date_decided = timezone.now()
    payout.save(update_fields=["status", "decided_by", "date_decided"])
    return payout


def _lock(queryset, payout_id):
    return (
        queryset.select_for_update(of=("self",))
        .select_related("pesantren")
        .get(pk=payout_id)
    )


@transaction.atomic
def export_batch(payout_ids, user, now=None):
    """Put the requested ones of ``payout_ids`` in a new batch; None if none are.

    Requests already exported, paid or rejected are left as they are.
    """
    payouts = list(
        PayoutRequest.objects.select_for_update()
        .filter(pk__in=payout_ids, status=Status.REQUESTED)
        .order_by("pk")
    )
    if not payouts:
        return None
    now = now or timezone.now()
    batch = PayoutBatch.objects.create(created_by=user, date_created=now)
    PayoutRequest.objects.filter(pk__in=[p.pk for p in payouts]).update(
        status=Status.EXPORTED, batch=batch, date_exported=now
    )
    logger.info("Payout batch %s: %d requests", batch.code, len(payouts))
    return batch


@transaction.atomic
def mark_paid(payout_id, reference, user, now=None):
    """Record the bank transfer ``reference`` of an exported request, once.

    The ledger posting (which settles any clawback owed first) and the change
    of status commit together. Marking the same request paid again with the
    same reference changes nothing and returns it.
    """
    reference = " ".join(str(reference).split())
    if not reference:
        raise PayoutError(_("Enter the bank transfer reference."))
    payout = _lock(PayoutRequest.objects.all(), payout_id)
    if payout.status == Status.PAID and payout.reference == reference:
        return payout
    if payout.status != Status.EXPORTED:
        raise PayoutError(
            _(
                "Only a request sent to the bank in a batch can be marked paid; "
                "this one is %(status)s."
            )
            % {"status": payout.get_status_display()}
        )
    if PayoutRequest.objects.filter(reference=reference).exists():
        raise PayoutError(_("This reference is already recorded for another payout."))
    try:
        posted = ledger.record_payout(
            payout.pesantren, payout.amount, reference, now=now
        )
    except ledger.LedgerError:
        raise PayoutError(
            _(
                "%(code)s asks for more than %(pesantren)s can be paid now "
                "(%(payable)s); reject it instead."
            )
            % {
                "code": payout.code,
                "pesantren": payout.pesantren,
                "payable": format_rupiah(selectors.payable_amount(payout.pesantren)),
            }
        ) from None
    if posted is None:
        raise PayoutError(_("This reference is already recorded for another payout."))
    payout.status = Status.PAID
    payout.reference = reference
    payout.ledger_transaction = posted
    # What the posting settled, read back: a refund may have added to the
    # clawback after this request was read and before the ledger locked.
    payout.clawback_settled = (
        posted.entries.filter(account__kind=LedgerAccount.Kind.CLAWBACK).aggregate(
            total=Sum("amount")
        )["total"]
        or 0
    )
    _decide(payout, user, now)
    logger.info(
        "%s: payout %s paid, reference %s",
        payout.pesantren.slug,
        payout.code,
        reference,
        extra={"pesantren_id": payout.pesantren_id, "amount": payout.amount},
    )
    return payout


@transaction.atomic
def reject(payout_id, reason, user, now=None):
    """Refuse an open request with ``reason``; its amount may be requested again."""
    reason = str(reason).strip()
    if not reason:
        raise PayoutError(_("Say why the payout is rejected."))
    payout = _lock(PayoutRequest.objects.all(), payout_id)
    if not payout.is_open:
        raise PayoutError(
            _("%(code)s is %(status)s and cannot be rejected.")
            % {"code": payout.code, "status": payout.get_status_display()}
        )
    payout.status = Status.REJECTED
    payout.rejection_reason = reason
    _decide(payout, user, now)
    logger.info("%s: payout %s rejected", payout.pesantren.slug, payout.code)
    return payout


def _decide(payout, user, now):
    """Save the decision and tell the owner after it commits."""
    from marketplace.payouts.tasks import send_payout_decision_email

    payout.decided_by = user
    payout.date_decided = now or timezone.now()
    payout.save()
    enqueue_on_commit(send_payout_decision_email, payout.pk)
