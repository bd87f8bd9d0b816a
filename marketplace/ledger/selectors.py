"""Reads of the ledger: a pesantren's balances, ledger lines and monthly sales."""

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from marketplace.ledger.models import LedgerAccount, LedgerEntry, LedgerTransaction

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
        .select_related("account", "transaction__order", "transaction__group")
        .order_by("-transaction__date_created", "-pk")
    )


@dataclass(frozen=True)
class MonthSales:
    month: date
    goods: int
    fee: int

    @property
    def net(self):
        return self.goods - self.fee


def last_months(count, today):
    """The first days of the ``count`` months up to ``today``'s, oldest first."""
    year, month = today.year, today.month
    firsts = []
    for _step in range(count):
        firsts.append(date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return firsts[::-1]


def monthly_sales(pesantren, months=12, now=None):
    """Goods paid for per month (local time), with their fee, oldest first.

    Every one of the last ``months`` months is there, empty ones as zero.
    Parts refunded since are left out: they were not sales in the end.
    Shipping is not goods and is not counted. One query.
    """
    today = timezone.localdate(now or timezone.now())
    firsts = last_months(months, today)
    start = timezone.make_aware(datetime(firsts[0].year, firsts[0].month, 1))
    refunded = [LedgerTransaction.Kind.REVERSED, LedgerTransaction.Kind.CLAWBACK]
    rows = (
        LedgerTransaction.objects.filter(
            kind=LedgerTransaction.Kind.ORDER_PAID,
            group__pesantren=pesantren,
            date_created__gte=start,
        )
        .exclude(group__ledger_transactions__kind__in=refunded)
        .annotate(month=TruncMonth("date_created"))
        .values("month")
        .annotate(goods=Sum("group__subtotal"), fee=Sum("group__platform_fee"))
        .order_by("month")
    )
    found = {
        _month_of(row["month"]): (int(row["goods"] or 0), int(row["fee"] or 0))
        for row in rows
    }
    return [MonthSales(first, *found.get(first, (0, 0))) for first in firsts]


def _month_of(value):
    """TruncMonth gives an aware datetime on PostgreSQL, a date elsewhere."""
    if isinstance(value, datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return date(value.year, value.month, 1)
