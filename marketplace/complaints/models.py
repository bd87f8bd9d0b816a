"""Complaints within the khiyar window: a buyer's claim on one part of an
order, the thread with its pesantren, the photos, and the operators' decision.

An open complaint keeps the part's money held (ledger.release_blocked); a
decision releases it to the pesantren or refunds the buyer, whole or in part.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kesan.storage import private_storage


class Complaint(models.Model):
    class Reason(models.TextChoices):
        DAMAGED = "damaged", _("Damaged")
        WRONG_ITEM = "wrong_item", _("Wrong item")
        NOT_AS_DESCRIBED = "not_as_described", _("Not as described")
        INCOMPLETE = "incomplete", _("Incomplete")
        NOT_ARRIVED = "not_arrived", _("Not arrived")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        OPEN = "open", pgettext_lazy("complaint status", "Open")
        RESOLVED = "resolved", _("Resolved")

    class Decision(models.TextChoices):
        RELEASE = "release", _("Released to the pesantren")
        FULL_REFUND = "full_refund", _("Refunded in full")
        PARTIAL_REFUND = "partial_refund", _("Refunded in part")

    group = models.ForeignKey(
        "marketplace.FulfilmentGroup",
        on_delete=models.PROTECT,
        related_name="complaints",
        verbose_name=_("order part"),
    )
    # None for a guest's order; the order's e-mail is the buyer's then.
    buyer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reason = models.CharField(_("Reason"), max_length=20, choices=Reason.choices)
    description = models.TextField(_("What happened"), max_length=2000)
    status = models.CharField(
        _("Status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    decision = models.CharField(
        _("Decision"), max_length=20, choices=Decision.choices, blank=True
    )
    refund_amount = models.BigIntegerField(_("Refunded amount"), null=True, blank=True)
    decision_note = models.TextField(_("Decision note"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    date_created = models.DateTimeField(_("Opened"), auto_now_add=True)
    date_resolved = models.DateTimeField(_("Resolved"), null=True, blank=True)

    class Meta:
        ordering = ["-pk"]
        verbose_name = _("complaint")
        verbose_name_plural = _("complaints")
        constraints = [
            models.UniqueConstraint(
                fields=["group"],
                condition=Q(status="open"),
                name="complaint_one_open_per_part",
            )
        ]

    def __str__(self):
        return f"{self.group} · {self.get_reason_display()}"

    @property
    def is_open(self):
        return self.status == self.Status.OPEN


class ComplaintMessage(models.Model):
    """One message of a complaint's thread."""

    class Author(models.TextChoices):
        BUYER = "buyer", _("Buyer")
        PESANTREN = "pesantren", _("Pesantren")
        KESAN = "kesan", _("KESAN")

    complaint = models.ForeignKey(
        Complaint, on_delete=models.CASCADE, related_name="messages"
    )
    author = models.CharField(max_length=10, choices=Author.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    body = models.TextField(_("Message"), max_length=2000)
    date_created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"{self.complaint_id}: {self.author}"


def photo_path(photo, filename):
    # A random name: nothing of the buyer's file name or the order is kept.
    return f"complaints/{photo.complaint_id}/{uuid.uuid4().hex}.jpg"


class ComplaintPhoto(models.Model):
    """A photo the buyer sent with a complaint; stored privately, served by views."""

    complaint = models.ForeignKey(
        Complaint, on_delete=models.CASCADE, related_name="photos"
    )
    image = models.FileField(storage=private_storage, upload_to=photo_path)
    date_created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.image.name
