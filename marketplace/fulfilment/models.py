"""One order per checkout, one fulfilment group per pesantren in it.

The Oscar order carries the buyer, the address, the totals and the payment
status. Each pesantren's part of it is a FulfilmentGroup: its lines (the
order lines of that pesantren's partner), its shipping charge, and its own
way from "new" through "processing" and "shipped" to "received".
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class OrderStatus(models.TextChoices):
    """Statuses of an Oscar order (``OSCAR_ORDER_STATUS_PIPELINE`` uses the codes)."""

    PENDING_PAYMENT = "pending_payment", _("Awaiting payment")
    PAYMENT_REVIEW = "payment_review", _("Payment under review")
    PAID = "paid", _("Paid")
    PAYMENT_REVERSED = "payment_reversed", _("Payment reversed")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


class FulfilmentGroupQuerySet(models.QuerySet):
    def for_pesantren(self, pesantren):
        """The parts a pesantren may see and act on: its own, of placed orders."""
        return self.filter(pesantren=pesantren)

    def for_buyer(self, user):
        return self.filter(order__user=user)


class FulfilmentGroup(models.Model):
    class Status(models.TextChoices):
        AWAITING_PAYMENT = "awaiting_payment", _("Awaiting payment")
        NEW = "new", _("New order")
        PROCESSING = "processing", _("Being processed")
        SHIPPED = "shipped", _("Shipped")
        RECEIVED = "received", _("Received")
        CANCELLED = "cancelled", _("Cancelled")

    class Method(models.TextChoices):
        DELIVERY = "delivery", _("Delivery")
        PICKUP = "pickup", _("Pickup at the pondok")

    # Forward-only: where each status may go next.
    PIPELINE = {
        Status.AWAITING_PAYMENT: {Status.NEW, Status.CANCELLED},
        Status.NEW: {Status.PROCESSING, Status.SHIPPED, Status.CANCELLED},
        Status.PROCESSING: {Status.SHIPPED, Status.CANCELLED},
        Status.SHIPPED: {Status.RECEIVED},
        Status.RECEIVED: set(),
        Status.CANCELLED: set(),
    }

    order = models.ForeignKey(
        "order.Order", on_delete=models.CASCADE, related_name="fulfilment_groups"
    )
    pesantren = models.ForeignKey(
        "pesantren.Pesantren",
        on_delete=models.PROTECT,
        related_name="fulfilment_groups",
    )
    status = models.CharField(
        _("Status"),
        max_length=20,
        choices=Status.choices,
        default=Status.AWAITING_PAYMENT,
        db_index=True,
    )
    subtotal = models.DecimalField(_("Subtotal"), max_digits=12, decimal_places=2)
    shipping_method = models.CharField(
        _("Shipping method"), max_length=10, choices=Method.choices
    )
    shipping_service = models.CharField(
        _("Shipping service"), max_length=64, blank=True
    )
    shipping_charge = models.DecimalField(
        _("Shipping charge"), max_digits=12, decimal_places=2
    )
    estimated_days_min = models.PositiveSmallIntegerField(null=True, blank=True)
    estimated_days_max = models.PositiveSmallIntegerField(null=True, blank=True)
    weight_grams = models.PositiveIntegerField(_("Weight (grams)"), default=0)
    # Fixed when the order is placed (the akad), from the category rules of
    # its lines: the platform fee kept from the goods (shipping carries
    # none), its percentage (None when the lines' differ), and the days the
    # buyer may complain after receipt (the longest of its lines').
    platform_fee = models.BigIntegerField(_("Platform fee"), default=0)
    platform_fee_percent = models.DecimalField(
        _("Platform fee (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    khiyar_days = models.PositiveSmallIntegerField(
        _("Return window (days)"), default=0
    )
    courier = models.CharField(_("Courier"), max_length=64, blank=True)
    tracking_number = models.CharField(_("Tracking number"), max_length=64, blank=True)
    cancel_reason = models.CharField(
        _("Reason for cancelling"), max_length=255, blank=True
    )
    date_created = models.DateTimeField(_("Created"), auto_now_add=True)
    date_shipped = models.DateTimeField(_("Shipped"), null=True, blank=True)
    date_received = models.DateTimeField(_("Received"), null=True, blank=True)
    date_cancelled = models.DateTimeField(_("Cancelled"), null=True, blank=True)

    objects = FulfilmentGroupQuerySet.as_manager()

    class Meta:
        ordering = ["order_id", "pk"]
        verbose_name = _("order part")
        verbose_name_plural = _("order parts")
        constraints = [
            models.UniqueConstraint(
                fields=["order", "pesantren"], name="fulfilment_one_group_per_pesantren"
            )
        ]

    def __str__(self):
        return f"{self.order.number} / {self.pesantren}"

    @property
    def total(self):
        return self.subtotal + self.shipping_charge

    @property
    def lines(self):
        """The order lines sold by this group's pesantren."""
        return self.order.lines.filter(partner_id=self.pesantren.partner_id).order_by(
            "pk"
        )

    @property
    def is_pickup(self):
        return self.shipping_method == self.Method.PICKUP

    def can_move_to(self, status):
        return status in self.PIPELINE[self.status]


class FulfilmentEvent(models.Model):
    """One change of a group's status: who moved it, from what, to what."""

    group = models.ForeignKey(
        FulfilmentGroup, on_delete=models.CASCADE, related_name="events"
    )
    from_status = models.CharField(
        max_length=20, choices=FulfilmentGroup.Status.choices
    )
    to_status = models.CharField(max_length=20, choices=FulfilmentGroup.Status.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    note = models.CharField(max_length=255, blank=True)
    date_created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"{self.group}: {self.from_status} → {self.to_status}"


class OrderEffect(models.Model):
    """A side effect of an order that must happen once, named by a unique key.

    Written in the same transaction as the effect: however often a message is
    delivered or a task re-run, the second insert of a key fails and the
    effect is skipped.
    """

    key = models.CharField(max_length=120, unique=True)
    order = models.ForeignKey(
        "order.Order", on_delete=models.CASCADE, related_name="effects"
    )
    date_created = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.key


class OutboundEmail(models.Model):
    """An e-mail to send once: queued with a unique key, marked when sent."""

    class Kind(models.TextChoices):
        ORDER_PLACED = "order_placed", _("Order placed")
        ORDER_PAID = "order_paid", _("Order paid")
        PART_SHIPPED = "part_shipped", _("Part shipped")
        PESANTREN_NEW_ORDER = "pesantren_new_order", _("New paid order for a pesantren")
        COMPLAINT_OPENED = "complaint_opened", _("Complaint opened")
        COMPLAINT_ANSWERED = "complaint_answered", _("Complaint answered")
        COMPLAINT_RESOLVED = "complaint_resolved", _("Complaint resolved")

    key = models.CharField(max_length=120, unique=True)
    kind = models.CharField(max_length=24, choices=Kind.choices)
    order = models.ForeignKey(
        "order.Order", on_delete=models.CASCADE, related_name="emails"
    )
    group = models.ForeignKey(
        FulfilmentGroup,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="emails",
    )
    complaint = models.ForeignKey(
        "marketplace.Complaint",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="emails",
    )
    language = models.CharField(max_length=10)
    recipients = models.JSONField(default=list)
    date_queued = models.DateTimeField(auto_now_add=True)
    date_sent = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return self.key
