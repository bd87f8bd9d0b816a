"""Postings to the ledger: a paid part held, released, refunded (whole or in
part), paid out.

Each posting has a unique key, so an effect triggered twice (a repeated
notification, a re-run task, a double click) is posted once. The fulfilment
services call these inside their own transaction with the order locked; the
posting commits or rolls back with the change of the part itself.
"""

import logging
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Sum
from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.fulfilment.models import FulfilmentGroup, OrderStatus
from marketplace.ledger.models import LedgerAccount, LedgerEntry, LedgerTransaction
from marketplace.money import to_rupiah

logger = logging.getLogger(__name__)

Order = get_model("order", "Order")
Account = LedgerAccount.Kind
Kind = LedgerTransaction.Kind
# Postings after which a part's money is no longer held: a partial refund
# before release releases the rest of the held share in the same posting.
RELEASE_KINDS = [Kind.RELEASED, Kind.AUTO_RELEASED, Kind.REFUNDED_IN_PART]


class LedgerError(Exception):
    """A posting that would break the ledger (unbalanced, not whole, overdrawn)."""


@dataclass(frozen=True)
class Line:
    """One entry to post: ``amount`` whole rupiah on ``account``."""

    account: LedgerAccount
    amount: int
    fee: int = 0
    fee_percent: Decimal | None = None


def get_account(kind, pesantren=None):
    """The ledger account ``kind`` of ``pesantren`` (or KESAN's, without one)."""
    if (kind in LedgerAccount.PESANTREN_KINDS) != (pesantren is not None):
        raise LedgerError(f"Account {kind} and pesantren {pesantren} do not match.")
    account, _created = LedgerAccount.objects.get_or_create(
        kind=kind, pesantren=pesantren
    )
    return account


def post_transaction(key, kind, lines, *, order=None, group=None, now=None):
    """Post ``lines`` under ``key`` once; return the transaction, or None if posted.

    Refuses lines that are not whole rupiah or do not sum to zero. Lines of
    zero are left out (a 0% fee is no entry).
    """
    if any(not isinstance(line.amount, int) for line in lines):
        raise LedgerError(f"{key}: amounts must be whole rupiah.")
    if sum(line.amount for line in lines) != 0:
        raise LedgerError(f"{key}: entries do not sum to zero.")
    if LedgerTransaction.objects.filter(key=key).exists():
        return None
    try:
        # A savepoint: a concurrent posting of the same key loses cleanly.
        with transaction.atomic():
            posted = LedgerTransaction.objects.create(
                key=key,
                kind=kind,
                order=order,
                group=group,
                date_created=now or timezone.now(),
            )
            LedgerEntry.objects.bulk_create(
                LedgerEntry(
                    transaction=posted,
                    account=line.account,
                    amount=line.amount,
                    fee=line.fee,
                    fee_percent=line.fee_percent,
                )
                for line in lines
                if line.amount or line.fee
            )
    except IntegrityError:
        return None
    logger.info("Ledger %s posted", key)
    return posted


# Amounts of a part ----------------------------------------------------------


@dataclass(frozen=True)
class PartShare:
    """What a paid part brought in: its total, the fee kept, the pesantren's net."""

    total: int
    fee: int
    net: int


def paid_share(group):
    """The share posted when ``group`` was paid, or None if nothing was posted.

    Read back from the entry rather than recomputed, so a later change of the
    fee setting never alters an order already paid.
    """
    entry = (
        LedgerEntry.objects.filter(
            transaction__key=paid_key(group), account__kind=Account.HELD
        )
        .only("amount", "fee")
        .first()
    )
    if entry is None:
        return None
    return PartShare(total=entry.amount + entry.fee, fee=entry.fee, net=entry.amount)


def paid_key(group):
    return f"order-paid:{group.pk}"


def released_key(group):
    return f"part-released:{group.pk}"


def refunded_key(group):
    return f"part-refunded:{group.pk}"


def is_posted(key):
    return LedgerTransaction.objects.filter(key=key).exists()


# Postings of a part (the order is locked by the caller) ---------------------


def post_part_paid(group, now=None):
    """Hold the paid part's lines and shipping, less its fee, for its pesantren.

    The fee is the one fixed on the part when the order was placed.
    """
    total = int(to_rupiah(group.total))
    fee = group.platform_fee
    lines = [
        Line(get_account(Account.CLEARING), -total),
        Line(
            get_account(Account.HELD, group.pesantren),
            total - fee,
            fee=fee,
            fee_percent=group.platform_fee_percent,
        ),
        Line(get_account(Account.FEE_REVENUE), fee),
    ]
    return post_transaction(
        paid_key(group), Kind.ORDER_PAID, lines, order=group.order, group=group, now=now
    )


def release_part(group, kind=Kind.RELEASED, now=None):
    """Move a paid part's held amount to the pesantren's available balance.

    Nothing happens for a part never paid, already released or refunded,
    nor while the order's payment is reversed (a chargeback): that money
    stays held for the operators.
    """
    if group.order.status not in (OrderStatus.PAID, OrderStatus.COMPLETED):
        return None
    share = paid_share(group)
    if share is None or is_posted(refunded_key(group)) or is_released(group):
        return None
    held = held_of(share, refunded_so_far(group))
    if held <= 0:
        return None
    lines = [
        Line(get_account(Account.HELD, group.pesantren), -held),
        Line(get_account(Account.AVAILABLE, group.pesantren), held),
    ]
    return post_transaction(
        released_key(group), kind, lines, order=group.order, group=group, now=now
    )


def held_of(share, refunded):
    """What is still held of a part not released: its net share less what
    refunds kept held (REFUNDED_HELD) took from it."""
    return share.net - (refunded.amount - refunded.fee)


def is_released(group):
    """Whether the part's held money left ``held`` (released, or refunded in part)."""
    return LedgerTransaction.objects.filter(
        group=group, kind__in=RELEASE_KINDS
    ).exists()


@dataclass(frozen=True)
class Refunded:
    """What was refunded of a part so far: in all, and of it the fee given back."""

    amount: int
    fee: int


def refunded_so_far(group):
    """The sums refunded to the buyer of ``group`` and the fee given back (one query)."""
    sums = dict(
        LedgerEntry.objects.filter(
            transaction__group=group,
            account__kind__in=[Account.REFUNDS, Account.FEE_REVENUE],
            account__pesantren__isnull=True,
        )
        .exclude(transaction__kind=Kind.ORDER_PAID)
        .values_list("account__kind")
        .annotate(total=Sum("amount"))
        .values_list("account__kind", "total")
    )
    return Refunded(
        amount=sums.get(Account.REFUNDS, 0), fee=-sums.get(Account.FEE_REVENUE, 0)
    )


def refundable_amount(group):
    """What may still be refunded of a paid part (0 if never paid)."""
    share = paid_share(group)
    if share is None:
        return 0
    return share.total - refunded_so_far(group).amount


def refund_part(group, now=None):
    """Post the refund of what is left of a paid part to its buyer, once.

    Before release the held amount is reversed. After release the
    pesantren's available balance pays it back as far as it goes; the rest
    is a clawback owed, settled from its next payout, because no balance may
    go below zero. The fee still kept is given back to the buyer with the
    rest. A part never refunded in part is refunded whole.
    """
    share = paid_share(group)
    if share is None:
        return None
    refunded = refunded_so_far(group)
    amount = share.total - refunded.amount
    fee_back = share.fee - refunded.fee
    if not is_released(group):
        lines = [
            Line(get_account(Account.HELD, group.pesantren), -held_of(share, refunded)),
            *_refund_lines(amount, fee_back),
        ]
        kind = Kind.REVERSED
    else:
        lines = [
            *_take_back(group.pesantren, amount - fee_back),
            *_refund_lines(amount, fee_back),
        ]
        kind = Kind.CLAWBACK
    return post_transaction(
        refunded_key(group), kind, lines, order=group.order, group=group, now=now
    )


def refund_part_in_part(group, amount, key, now=None, keep_held=False):
    """Post the refund of ``amount`` of a paid part to its buyer, once under ``key``.

    The fee is given back in proportion: after this refund the fee given
    back in all is the part's fee × refunded in all / the part's total,
    rounded half up (so several partial refunds never drift from one of the
    same sum), bounded so that neither the pesantren's share nor the fee
    kept goes below zero. The pesantren bears the rest of ``amount``.

    Before release, the whole held share leaves ``held`` in this one
    posting: the pesantren's part of the refund to the buyer, the rest to
    its available balance (the complaint is settled, nothing stays held);
    with ``keep_held`` (a gateway refund attributed to the part) only the
    refund leaves ``held`` and the rest waits for receipt.
    After release, its available balance pays as far as it goes and the
    rest is a clawback owed, as in refund_part. Raises LedgerError for an
    amount not between 1 and what is left of the part.
    """
    share = paid_share(group)
    if share is None or is_posted(refunded_key(group)):
        return None
    if is_posted(key):
        return None
    refunded = refunded_so_far(group)
    left = share.total - refunded.amount
    if not isinstance(amount, int) or not 0 < amount <= left:
        raise LedgerError(f"{key}: refund of {amount} outside 1..{left}.")
    fee_back = partial_fee_back(share, refunded, amount)
    borne = amount - fee_back
    held = held_of(share, refunded)
    if not is_released(group) and keep_held:
        # Only the refund leaves held; the rest waits for receipt.
        lines = [
            Line(get_account(Account.HELD, group.pesantren), -borne),
            *_refund_lines(amount, fee_back),
        ]
        kind = Kind.REFUNDED_HELD
    elif not is_released(group):
        lines = [
            Line(get_account(Account.HELD, group.pesantren), -held),
            Line(get_account(Account.AVAILABLE, group.pesantren), held - borne),
            *_refund_lines(amount, fee_back),
        ]
        kind = Kind.REFUNDED_IN_PART
    else:
        lines = [
            *_take_back(group.pesantren, borne),
            *_refund_lines(amount, fee_back),
        ]
        kind = Kind.CLAWBACK_IN_PART
    return post_transaction(key, kind, lines, order=group.order, group=group, now=now)


def partial_fee_back(share, refunded, amount):
    """The fee to give back with a refund of ``amount`` (see refund_part_in_part)."""
    fee_left = share.fee - refunded.fee
    net_left = share.total - refunded.amount - fee_left
    # fee × refunded in all / total, rounded half up, in whole numbers.
    refunded_after = refunded.amount + amount
    fee_back_after = (2 * share.fee * refunded_after + share.total) // (2 * share.total)
    proportional = fee_back_after - refunded.fee
    # The pesantren's share after this refund may not go below zero, nor
    # may more fee go back than is left of it, nor more than the refund.
    at_least = max(amount - net_left, 0)
    return min(fee_left, amount, max(proportional, at_least))


def _refund_lines(amount, fee_back):
    return [
        Line(get_account(Account.FEE_REVENUE), -fee_back),
        Line(get_account(Account.REFUNDS), amount),
    ]


def _take_back(pesantren, amount):
    """Take ``amount`` from the available balance as far as it goes, owe the rest."""
    available = lock_account(Account.AVAILABLE, pesantren)
    taken = min(amount, max(balance_of(available), 0))
    return [
        Line(available, -taken),
        Line(get_account(Account.CLAWBACK, pesantren), taken - amount),
    ]


def lock_account(kind, pesantren):
    """The account, locked: its balance cannot change until the transaction ends."""
    account = get_account(kind, pesantren)
    return LedgerAccount.objects.select_for_update().get(pk=account.pk)


def balance_of(account):
    return account.entries.aggregate(total=Sum("amount"))["total"] or 0


# Payouts --------------------------------------------------------------------


@transaction.atomic
def record_payout(pesantren, amount, reference, now=None):
    """Record ``amount`` paid out to ``pesantren``, settling any clawback first.

    What may be paid out is the available balance less the clawback owed;
    more raises LedgerError. ``reference`` (the bank transfer's) names the
    posting, so recording the same transfer twice posts it once.
    """
    key = f"payout:{reference}"
    available = lock_account(Account.AVAILABLE, pesantren)
    if is_posted(key):
        return None
    clawback = lock_account(Account.CLAWBACK, pesantren)
    owed = -balance_of(clawback)
    if amount <= 0 or amount > balance_of(available) - owed:
        raise LedgerError(f"{pesantren}: payout of {amount} exceeds what is payable.")
    lines = [
        Line(available, -(amount + owed)),
        Line(clawback, owed),
        Line(get_account(Account.PAID_OUT, pesantren), amount),
    ]
    return post_transaction(key, Kind.PAYOUT, lines, now=now)


# Automatic release ----------------------------------------------------------


def release_blocked(part):
    """Whether something stops the release of ``part``: an open complaint on
    it, or a refund made at the payment gateway that no part accounts for yet
    (it may be this part's money)."""
    from marketplace.complaints.models import Complaint
    from marketplace.payments.refunds import unaccounted_refund

    if Complaint.objects.filter(group=part, status=Complaint.Status.OPEN).exists():
        return True
    return unaccounted_refund(part.order) > 0


def parts_due_for_release(now=None):
    """Ids of shipped, unreceived parts whose release time has passed."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.MARKETPLACE_AUTO_RELEASE_DAYS)
    released = LedgerTransaction.objects.filter(
        group=OuterRef("pk"), kind__in=RELEASE_KINDS
    )
    return list(
        FulfilmentGroup.objects.filter(
            status=FulfilmentGroup.Status.SHIPPED, date_shipped__lte=cutoff
        )
        .exclude(Exists(released))
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def release_due_parts(now=None):
    """Release every part due (see parts_due_for_release); return how many."""
    now = now or timezone.now()
    return sum(
        auto_release_part(group_id, now) is not None
        for group_id in parts_due_for_release(now)
    )


@transaction.atomic
def auto_release_part(group_id, now):
    """Release one due part, re-checked under the order's lock."""
    order_id = FulfilmentGroup.objects.values_list("order_id", flat=True).get(
        pk=group_id
    )
    Order.objects.select_for_update().get(pk=order_id)
    group = (
        FulfilmentGroup.objects.select_for_update()
        .select_related("pesantren", "order")
        .get(pk=group_id)
    )
    cutoff = now - timedelta(days=settings.MARKETPLACE_AUTO_RELEASE_DAYS)
    if group.status != FulfilmentGroup.Status.SHIPPED or group.date_shipped > cutoff:
        return None
    if release_blocked(group):
        logger.info("%s: automatic release of part %s blocked", group.order, group.pk)
        return None
    return release_part(group, Kind.AUTO_RELEASED, now=now)
