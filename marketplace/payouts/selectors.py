"""Reads of payouts: what a pesantren may request, its payout history."""

from django.db.models import Sum
from django.shortcuts import get_object_or_404

from marketplace.ledger.selectors import balance_of_pesantren
from marketplace.payouts.models import PayoutRequest


def has_bank_account(pesantren):
    return all(
        (
            pesantren.bank_name,
            pesantren.bank_account_number,
            pesantren.bank_account_holder,
        )
    )


def reserved_amount(pesantren):
    """What open requests of ``pesantren`` reserve (one query)."""
    return (
        PayoutRequest.objects.open()
        .filter(pesantren=pesantren)
        .aggregate(total=Sum("amount"))["total"]
        or 0
    )


def requestable_of(balance, reserved):
    """Available, less the clawback owed, less what open requests reserve."""
    return max(balance.payable - reserved, 0)


def requestable_amount(pesantren):
    """What the owner may request now; call under the available account's
    lock when the answer decides a write."""
    return requestable_of(balance_of_pesantren(pesantren), reserved_amount(pesantren))


def clawback_owed(pesantren):
    return balance_of_pesantren(pesantren).clawback_owed


def payable_amount(pesantren):
    return balance_of_pesantren(pesantren).payable


def payout_history(pesantren, limit=20):
    """The pesantren's latest requests, newest first."""
    return list(
        PayoutRequest.objects.filter(pesantren=pesantren).select_related("batch")[
            :limit
        ]
    )


def payout_of(pesantren, payout_pk):
    """One of the pesantren's requests (Http404 for anyone else's)."""
    return get_object_or_404(
        PayoutRequest.objects.filter(pesantren=pesantren), pk=payout_pk
    )
