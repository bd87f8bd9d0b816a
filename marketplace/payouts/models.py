"""Payouts: a pesantren's owner asks for its available money, KESAN's admins
send it by bank transfer in batches and record the transfer.

A request keeps the bank details as they were when it was made, so a later
change of the profile never redirects money already on its way. The money
leaves the ledger only when an admin marks the request paid
(``ledger.services.record_payout``); until then the requested amount is
merely reserved: it cannot be requested twice.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pesantren.models import BANK_CHOICES


class PayoutBatch(models.Model):
    """Requests exported together as one CSV file for the bank."""

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("Created by"),
    )
    date_created = models.DateTimeField(_("Created"), default=timezone.now)

    class Meta:
        ordering = ["-pk"]
        verbose_name = _("payout batch")
        verbose_name_plural = _("payout batches")

    def __str__(self):
        return self.code

    @property
    def code(self):
        return f"KSN-PB-{self.pk:05d}"


class PayoutRequestQuerySet(models.QuerySet):
    def open(self):
        """Requests whose amount is reserved: neither paid nor rejected."""
        return self.filter(status__in=PayoutRequest.OPEN_STATUSES)


class PayoutRequest(models.Model):
    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        EXPORTED = "exported", _("Exported, waiting for the transfer")
        PAID = "paid", _("Paid")
        REJECTED = "rejected", _("Rejected")
        CANCELLED = "cancelled", _("Cancelled")

    OPEN_STATUSES = [Status.REQUESTED, Status.EXPORTED]

    pesantren = models.ForeignKey(
        "pesantren.Pesantren",
        on_delete=models.PROTECT,
        related_name="payout_requests",
        verbose_name=_("Pesantren"),
    )
    amount = models.BigIntegerField(_("Amount"))
    status = models.CharField(
        _("Status"),
        max_length=12,
        choices=Status.choices,
        default=Status.REQUESTED,
        db_index=True,
    )
    # People's accounts may be deleted; their payouts stay on record.
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("Requested by"),
    )
    # Copied from the pesantren when the request is made.
    legal_entity_name = models.CharField(_("Legal seller"), max_length=160)
    bank_name = models.CharField(_("Bank"), max_length=16, choices=BANK_CHOICES)
    bank_account_number = models.CharField(_("Account number"), max_length=20)
    bank_account_holder = models.CharField(_("Account holder"), max_length=128)

    batch = models.ForeignKey(
        PayoutBatch,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="requests",
        verbose_name=_("Batch"),
    )
    reference = models.CharField(
        _("Bank transfer reference"), max_length=64, blank=True
    )
    ledger_transaction = models.OneToOneField(
        "marketplace.LedgerTransaction",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="payout_request",
    )
    # The clawback owed that the payout settled, besides ``amount``.
    clawback_settled = models.BigIntegerField(_("Clawback settled"), default=0)
    rejection_reason = models.TextField(_("Reason for rejection"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Decided by"),
    )
    date_requested = models.DateTimeField(_("Requested"), default=timezone.now)
    date_exported = models.DateTimeField(_("Exported for the transfer"), null=True, blank=True)
    date_decided = models.DateTimeField(_("Decided"), null=True, blank=True)
    # When the owner was told it was paid or rejected (sent once).
    date_owner_notified = models.DateTimeField(null=True, blank=True)

    objects = PayoutRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-date_requested", "-pk"]
        verbose_name = _("payout request")
        verbose_name_plural = _("payout requests")
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=0), name="payout_request_amount_positive"
            ),
            models.UniqueConstraint(
                fields=["reference"],
                condition=~Q(reference=""),
                name="payout_request_unique_reference",
            ),
        ]

    def __str__(self):
        return self.code

    @property
    def code(self):
        return f"KSN-PO-{self.pk:06d}"

    @property
    def is_open(self):
        return self.status in self.OPEN_STATUSES

    @property
    def masked_account_number(self):
        number = self.bank_account_number
        return f"{'•' * max(len(number) - 4, 0)}{number[-4:]}" if number else ""
