"""What a category of goods may be sold as: the legality numbers its products
need, whether it may be sold at all, the platform fee (ujrah) and the return
window (khiyar) of its products.

Admins edit these in Django admin. A category without a rule of its own
follows its nearest ancestor's; see marketplace.compliance.rules.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


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
