"""Reads of the ledger: a pesantren's balances and its ledger lines."""

from dataclasses import dataclass

from django.db.models import Sum

from marketplace.ledger.models import LedgerAccount, LedgerEntry

Account = LedgerAccount.Kind


@dataclass(frozen=True)
class Balance:
    held: int
    available: int
    paid_out: int
    clawback_owed: int

    @property
    def payable(self):
        """What a payout may take now: available less the clawback owed."""
        return max(self.available - self.clawback_owed, 0)


def balance_of_pesantren(pesantren):
    """The pesantren's balances, each a sum of its entries (one query)."""
    sums = dict(
        LedgerEntry.objects.filter(account__pesantren=pesantren)
        .values_list("account__kind")
        .annotate(total=Sum("amount"))
        .values_list("account__kind", "total")
    )
    return Balance(
        held=sums.get(Account.HELD, 0),
        available=sums.get(Account.AVAILABLE, 0),
        paid_out=sums.get(Account.PAID_OUT, 0),
        clawback_owed=-sums.get(Account.CLAWBACK, 0),
    )


def ledger_lines(pesantren):
    """The pesantren's entries, newest first, with their transaction and order."""
    return (
        LedgerEntry.objects.filter(account__pesantren=pesantren)
        .select_related("account", "transaction__order")
        .order_by("-transaction__date_created", "-pk")
    )
