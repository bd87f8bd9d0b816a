"""A double-entry ledger in whole rupiah: what KESAN holds for each pesantren.

Every movement of money is one LedgerTransaction whose entries sum to zero.
A positive amount credits an account (KESAN owes its holder more), a
negative one debits it. Balances are always sums of entries: nothing keeps
a running counter that could drift from the lines behind it.
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class LedgerAccount(models.Model):
    class Kind(models.TextChoices):
        # A pesantren's own accounts.
        HELD = "held", _("Held until received")
        AVAILABLE = "available", _("Available")
        PAID_OUT = "paid_out", _("Paid out")
        # What a pesantren owes back after a refund of money already
        # released; settled from its next payout (its balance is negative).
        CLAWBACK = "clawback", _("Clawback owed")
        # KESAN's own accounts.
        CLEARING = "clearing", _("Buyer payments clearing")
        FEE_REVENUE = "fee_revenue", _("Platform fee (ujrah) revenue")
        REFUNDS = "refunds", _("Refunds to buyers")

    PESANTREN_KINDS = {Kind.HELD, Kind.AVAILABLE, Kind.PAID_OUT, Kind.CLAWBACK}

    kind = models.CharField(_("Kind"), max_length=20, choices=Kind.choices)
    pesantren = models.ForeignKey(
        "pesantren.Pesantren",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ledger_accounts",
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("ledger account")
        verbose_name_plural = _("ledger accounts")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "pesantren"],
                condition=Q(pesantren__isnull=False),
                name="ledger_one_account_per_pesantren_kind",
            ),
            models.UniqueConstraint(
                fields=["kind"],
                condition=Q(pesantren__isnull=True),
                name="ledger_one_platform_account_per_kind",
            ),
        ]

    def __str__(self):
        label = self.get_kind_display()
        return (
            f"{self.pesantren} · {label}" if self.pesantren_id else f"KESAN · {label}"
        )


class LedgerTransaction(models.Model):
    """One movement of money, posted once under its unique ``key``."""

    class Kind(models.TextChoices):
        ORDER_PAID = "order_paid", _("Order paid, held")
        RELEASED = "released", _("Released after receipt")
        AUTO_RELEASED = "auto_released", _("Released automatically")
        REVERSED = "reversed", _("Refunded before release")
        CLAWBACK = "clawback", _("Refunded after release (clawback)")
        # A complaint settled by refunding part of a part (see services).
        REFUNDED_IN_PART = "refunded_in_part", _("Partly refunded, the rest released")
        CLAWBACK_IN_PART = "clawback_in_part", _("Partly refunded after release")
        # A refund made at the gateway, attributed to a part not yet released:
        # the rest of its money stays held until receipt.
        REFUNDED_HELD = "refunded_held", _("Partly refunded, the rest still held")
        PAYOUT = "payout", _("Paid out")

    key = models.CharField(max_length=120, unique=True)
    kind = models.CharField(_("Kind"), max_length=20, choices=Kind.choices)
    order = models.ForeignKey(
        "order.Order",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ledger_transactions",
    )
    group = models.ForeignKey(
        "marketplace.FulfilmentGroup",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ledger_transactions",
    )
    date_created = models.DateTimeField(_("Date"), default=timezone.now)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("ledger transaction")
        verbose_name_plural = _("ledger transactions")

    def __str__(self):
        return self.key


class LedgerEntry(models.Model):
    """One side of a transaction: a signed whole-rupiah amount on one account."""

    transaction = models.ForeignKey(
        LedgerTransaction, on_delete=models.PROTECT, related_name="entries"
    )
    account = models.ForeignKey(
        LedgerAccount, on_delete=models.PROTECT, related_name="entries"
    )
    amount = models.BigIntegerField(_("Amount"))
    # On a pesantren's line: the platform fee kept from the part's amount and
    # the percentage it was computed at, fixed when the order was paid.
    fee = models.BigIntegerField(_("Platform fee"), default=0)
    fee_percent = models.DecimalField(
        _("Platform fee (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("ledger entry")
        verbose_name_plural = _("ledger entries")

    def __str__(self):
        return f"{self.transaction.key}: {self.account} {self.amount:+d}"
