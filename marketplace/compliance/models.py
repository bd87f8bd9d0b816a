"""What a category of goods may be sold as: the legality numbers its products
need, whether it may be sold at all, the platform fee (ujrah) and the return
window (khiyar) of its products.

Admins edit these in Django admin. A category without a rule of its own
follows its nearest ancestor's; see marketplace.compliance.rules.
"""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kesan.storage import private_storage


class CategoryRule(models.Model):
    category = models.OneToOneField(
        "catalogue.Category",
        on_delete=models.CASCADE,
        related_name="kesan_rule",
        verbose_name=_("Category"),
    )
    prohibited = models.BooleanField(
        _("May not be sold"),
        default=False,
        help_text=_(
            "Goods that are not halal or not allowed (alcohol, pork, gambling, "
            "interest-bearing financial products). Products cannot be listed here."
        ),
    )
    prohibited_reason = models.CharField(
        _("Why it may not be sold"), max_length=255, blank=True
    )
    needs_halal_certificate = models.BooleanField(
        _("Needs a halal certificate (BPJPH/SIHALAL)"), default=False
    )
    needs_food_registration = models.BooleanField(
        _("Needs a P-IRT or BPOM MD/ML number"), default=False
    )
    needs_bpom_cosmetic = models.BooleanField(
        _("Needs a BPOM cosmetic notification (NA...)"), default=False
    )
    needs_bpom_traditional = models.BooleanField(
        _("Needs a BPOM traditional medicine number (TR...)"), default=False
    )
    platform_fee_percent = models.DecimalField(
        _("Platform fee (ujrah, %)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(50)],
        help_text=_("Empty: the parent category's, or the marketplace default."),
    )
    khiyar_days = models.PositiveSmallIntegerField(
        _("Return window (khiyar, days)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(60)],
        help_text=_("Empty: the parent category's, or the marketplace default."),
    )
    khiyar_covers = models.CharField(
        _("What the return window covers"),
        max_length=255,
        blank=True,
        help_text=_("Empty: the parent category's, or the marketplace default."),
    )
    date_updated = models.DateTimeField(_("Updated"), auto_now=True)

    class Meta:
        ordering = ["category__path"]
        verbose_name = _("category rule")
        verbose_name_plural = _("category rules")

    def __str__(self):
        return str(self.category)


def certificate_document_path(instance, filename):
    """A name nobody can guess: the document is only served through a view."""
    suffix = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}
    return f"certificates/{uuid.uuid4().hex}{suffix.get(instance.content_type, '')}"


class Certificate(models.Model):
    """A legality document a seller uploaded for one of their products.

    It certifies the number the product carried at upload (``number``): once
    the product's number changes, this row no longer speaks for it and the
    product's verification is gone with it.
    """

    class Kind(models.TextChoices):
        # Only the halal certificate for now; BPOM notifications could follow.
        HALAL = "halal", _("Halal certificate")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for verification")
        VERIFIED = "verified", _("Verified")
        REJECTED = "rejected", _("Rejected")

    product = models.ForeignKey(
        "catalogue.Product",
        on_delete=models.CASCADE,
        related_name="certificates",
        verbose_name=_("Product"),
    )
    kind = models.CharField(
        _("Document"), max_length=20, choices=Kind.choices, default=Kind.HALAL
    )
    number = models.CharField(_("Number"), max_length=64)
    document = models.FileField(
        _("File"), upload_to=certificate_document_path, storage=private_storage
    )
    content_type = models.CharField(max_length=40)
    original_name = models.CharField(max_length=255, blank=True)
    expires_on = models.DateField(
        _("Valid until"),
        null=True,
        blank=True,
        help_text=_("Empty when the document does not expire."),
    )
    status = models.CharField(
        _("Status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    rejection_reason = models.CharField(
        _("Why it was rejected"), max_length=255, blank=True
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("Uploaded by"),
    )
    date_uploaded = models.DateTimeField(_("Uploaded"), auto_now_add=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Checked by"),
    )
    date_verified = models.DateTimeField(_("Checked on"), null=True, blank=True)

    class Meta:
        ordering = ["-date_uploaded", "-pk"]
        verbose_name = _("legality document")
        verbose_name_plural = _("legality documents")
        indexes = [models.Index(fields=["expires_on"])]

    def __str__(self):
        return f"{self.get_kind_display()} {self.number}"

    def product_number(self, product=None):
        """The product's current number of this kind."""
        from marketplace.compliance.numbers import NUMBER_FIELDS

        product = product or self.product
        return getattr(product, NUMBER_FIELDS[self.kind])

    def matches_product(self, product=None):
        return self.number == self.product_number(product)

    def is_expired(self, today=None):
        today = today or timezone.localdate()
        return self.expires_on is not None and self.expires_on < today


class CertificateNotice(models.Model):
    """An e-mail about a certificate's expiry to the pesantren's owners, once."""

    class Kind(models.TextChoices):
        EXPIRES_IN_30_DAYS = "expires_30", _("Expires in 30 days")
        EXPIRES_IN_7_DAYS = "expires_7", _("Expires in 7 days")
        EXPIRED = "expired", _("Expired: product hidden")

    certificate = models.ForeignKey(
        Certificate, on_delete=models.CASCADE, related_name="notices"
    )
    kind = models.CharField(_("Kind"), max_length=12, choices=Kind.choices)
    recipients = models.JSONField(_("Recipients"), default=list)
    language = models.CharField(_("Language"), max_length=10)
    date_queued = models.DateTimeField(_("Queued"), auto_now_add=True)
    date_sent = models.DateTimeField(_("Sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("certificate notice")
        verbose_name_plural = _("certificate notices")
        constraints = [
            models.UniqueConstraint(
                fields=["certificate", "kind"], name="one_notice_per_certificate_kind"
            )
        ]

    def __str__(self):
        return f"{self.certificate_id}:{self.kind}"
