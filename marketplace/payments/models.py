"""Payments of orders: attempts at a gateway, the raw notifications it sends,
every status change applied, and refunds.

An order may need more than one attempt (the buyer's VA expired, the gateway
was down); each attempt has its own gateway order_id, because Midtrans takes
an order_id only once.
"""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

# Midtrans accepts letters, digits and - _ ~ . in an order_id, at most 50 of them.
provider_order_id_validator = RegexValidator(r"^[A-Za-z0-9._~-]{1,50}$")


class PaymentAttempt(models.Model):
    class Status(models.TextChoices):
        CREATED = "created", _("Waiting for the buyer")
        START_FAILED = "start_failed", _("Could not be started")
        PENDING = "pending", _("Awaiting payment")
        REVIEW = "review", _("Under review")
        PAID = "paid", _("Paid")
        FAILED = "failed", _("Failed")
        EXPIRED = "expired", _("Expired")
        REVERSED = "reversed", _("Reversed")
        PARTIALLY_REFUNDED = "partially_refunded", _("Partly refunded")
        REFUNDED = "refunded", _("Refunded")
        DISPUTED = "disputed", _("Charged back")

    # The state machine: an attempt only moves forward along these edges, so
    # a late or repeated status from the gateway never undoes a later one.
    TRANSITIONS = {
        Status.CREATED: {
            Status.PENDING,
            Status.REVIEW,
            Status.PAID,
            Status.FAILED,
            Status.EXPIRED,
        },
        Status.START_FAILED: {
            Status.PENDING,
            Status.REVIEW,
            Status.PAID,
            Status.FAILED,
            Status.EXPIRED,
        },
        Status.PENDING: {Status.REVIEW, Status.PAID, Status.FAILED, Status.EXPIRED},
        Status.REVIEW: {Status.PAID, Status.FAILED, Status.EXPIRED},
        Status.PAID: {
            Status.REVERSED,
            Status.PARTIALLY_REFUNDED,
            Status.REFUNDED,
            Status.DISPUTED,
        },
        Status.PARTIALLY_REFUNDED: {
            Status.PARTIALLY_REFUNDED,
            Status.REFUNDED,
            Status.DISPUTED,
        },
        Status.FAILED: set(),
        # Expiry may be decided here without Midtrans (its page never
        # reported, or cancelling failed): money arriving later is still
        # recorded, so that it can be refunded.
        Status.EXPIRED: {Status.PAID},
        Status.REVERSED: set(),
        Status.REFUNDED: set(),
        Status.DISPUTED: set(),
    }
    # Attempts the buyer can still pay, or that may still turn into a payment.
    LIVE = (Status.CREATED, Status.PENDING, Status.REVIEW)

    order = models.ForeignKey(
        "order.Order", on_delete=models.PROTECT, related_name="payment_attempts"
    )
    gateway = models.CharField(_("Gateway"), max_length=16)
    sequence = models.PositiveSmallIntegerField()
    provider_order_id = models.CharField(
        _("Gateway order ID"),
        max_length=50,
        unique=True,
        validators=[provider_order_id_validator],
    )
    amount = models.DecimalField(_("Amount"), max_digits=12, decimal_places=2)
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.CREATED
    )
    provider_status = models.CharField(_("Gateway status"), max_length=32, blank=True)
    fraud_status = models.CharField(max_length=16, blank=True)
    payment_type = models.CharField(_("Payment type"), max_length=32, blank=True)
    transaction_id = models.CharField(max_length=64, blank=True, db_index=True)
    token = models.CharField(max_length=255, blank=True)
    redirect_url = models.URLField(max_length=500, blank=True)
    error_message = models.TextField(blank=True)
    refunded_amount = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    # A payment that arrived for an order already cancelled or already paid
    # by another attempt: the money must go back to the buyer.
    requires_refund = models.BooleanField(default=False)
    expires_at = models.DateTimeField(_("Expires"))
    date_created = models.DateTimeField(auto_now_add=True)
    date_updated = models.DateTimeField(auto_now=True)
    date_paid = models.DateTimeField(null=True, blank=True)
    date_checked = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["order_id", "sequence"]
        verbose_name = _("payment attempt")
        verbose_name_plural = _("payment attempts")
        constraints = [
            models.UniqueConstraint(
                fields=["order", "sequence"], name="payments_attempt_sequence_unique"
            )
        ]

    def __str__(self):
        return self.provider_order_id

    @property
    def is_live(self):
        return self.status in self.LIVE

    def can_move_to(self, status):
        return status in self.TRANSITIONS[self.status]


class PaymentTransition(models.Model):
    """A status the gateway reported for an attempt, applied or ignored."""

    class Source(models.TextChoices):
        NOTIFICATION = "notification", _("Notification")
        RECONCILIATION = "reconciliation", _("Reconciliation")
        EXPIRY = "expiry", _("Expiry")
        ACTION = "action", _("Merchant action")

    attempt = models.ForeignKey(
        PaymentAttempt, on_delete=models.CASCADE, related_name="transitions"
    )
    source = models.CharField(max_length=16, choices=Source.choices)
    provider_status = models.CharField(max_length=32, blank=True)
    from_status = models.CharField(max_length=20, choices=PaymentAttempt.Status.choices)
    to_status = models.CharField(max_length=20, choices=PaymentAttempt.Status.choices)
    is_applied = models.BooleanField()
    note = models.CharField(max_length=255, blank=True)
    date_created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"{self.attempt}: {self.from_status} → {self.to_status}"


class PaymentNotification(models.Model):
    """A notification as received, stored before anything else is done with it.

    Exact repeats of a verified notification share one row (the body hash is
    unique among verified rows) and count their deliveries; forged or
    altered ones get a row each, for the audit.
    """

    class Outcome(models.TextChoices):
        QUEUED = "queued", _("Queued")
        APPLIED = "applied", _("Applied")
        UNKNOWN_ORDER = "unknown_order", _("Unknown order")
        REJECTED = "rejected", _("Rejected signature")
        MALFORMED = "malformed", _("Malformed")
        NOT_FOUND = "not_found", _("Not found at the gateway")

    gateway = models.CharField(max_length=16)
    body = models.TextField()
    body_sha256 = models.CharField(max_length=64, db_index=True)
    headers = models.JSONField(default=dict)
    remote_addr = models.GenericIPAddressField(null=True, blank=True)
    provider_order_id = models.CharField(max_length=64, blank=True, db_index=True)
    transaction_status = models.CharField(max_length=32, blank=True)
    is_signature_valid = models.BooleanField()
    attempt = models.ForeignKey(
        PaymentAttempt,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="notifications",
    )
    outcome = models.CharField(max_length=16, choices=Outcome.choices)
    times_received = models.PositiveIntegerField(default=1)
    date_received = models.DateTimeField(auto_now_add=True)
    date_processed = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["body_sha256"],
                condition=models.Q(is_signature_valid=True),
                name="payments_verified_notification_once",
            )
        ]

    def __str__(self):
        return f"{self.provider_order_id} {self.transaction_status}"


class Refund(models.Model):
    """Money owed back to the buyer for (part of) a paid attempt."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        SUBMITTED = "submitted", _("Submitted to the gateway")
        CONFIRMED = "confirmed", _("Confirmed")
        MANUAL = "manual", _("To be transferred by hand")

    attempt = models.ForeignKey(
        PaymentAttempt, on_delete=models.PROTECT, related_name="refunds"
    )
    group = models.ForeignKey(
        "marketplace.FulfilmentGroup",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="refunds",
    )
    amount = models.DecimalField(_("Amount"), max_digits=12, decimal_places=2)
    reason = models.CharField(_("Reason"), max_length=255)
    # Our idempotency key at the gateway (Midtrans refund_key).
    refund_key = models.CharField(max_length=64, unique=True)
    status = models.CharField(
        _("Status"), max_length=12, choices=Status.choices, default=Status.REQUESTED
    )
    provider_reference = models.CharField(max_length=64, blank=True)
    error_message = models.TextField(blank=True)
    date_created = models.DateTimeField(auto_now_add=True)
    date_confirmed = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.refund_key


class SimulatedTransaction(models.Model):
    """The payment simulator's side of an attempt: what Midtrans would hold."""

    provider_order_id = models.CharField(max_length=50, unique=True)
    transaction_id = models.CharField(max_length=64, unique=True)
    payment_type = models.CharField(max_length=32)
    bank = models.CharField(max_length=16, blank=True)
    va_number = models.CharField(max_length=32, blank=True)
    gross_amount = models.DecimalField(max_digits=12, decimal_places=2)
    transaction_status = models.CharField(max_length=32)
    fraud_status = models.CharField(max_length=16, default="accept")
    status_code = models.CharField(max_length=3)
    transaction_time = models.DateTimeField()
    settlement_time = models.DateTimeField(null=True, blank=True)
    expiry_time = models.DateTimeField()
    refund_amount = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    refunds = models.JSONField(default=list)

    def __str__(self):
        return self.provider_order_id
