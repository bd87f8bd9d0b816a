"""How each pesantren ships: its rate table and whether it offers pickup.

A rate covers one destination province, or every province that has no rate
of its own (an empty province). It is a flat fee per order part, or a fee by
the part's total weight in bands.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from pesantren import regions


class ShippingProfile(models.Model):
    """What a pesantren offers besides delivery: pickup at the pondok."""

    pesantren = models.OneToOneField(
        "pesantren.Pesantren", on_delete=models.CASCADE, related_name="shipping_profile"
    )
    offers_pickup = models.BooleanField(_("Offers pickup at the pondok"), default=False)
    pickup_instructions = models.CharField(
        _("Pickup instructions"),
        max_length=255,
        blank=True,
        help_text=_("Where and when buyers collect their order."),
    )

    class Meta:
        verbose_name = _("shipping profile")
        verbose_name_plural = _("shipping profiles")

    def __str__(self):
        return str(self.pesantren)


class ShippingRate(models.Model):
    class Kind(models.TextChoices):
        FLAT = "flat", _("Flat fee")
        WEIGHT = "weight", _("By weight")

    pesantren = models.ForeignKey(
        "pesantren.Pesantren", on_delete=models.CASCADE, related_name="shipping_rates"
    )
    name = models.CharField(
        _("Service"),
        max_length=64,
        help_text=_("What the buyer sees, e.g. JNE REG or Kurir pondok."),
    )
    destination_province_code = models.CharField(
        _("Destination province"),
        max_length=2,
        blank=True,
        choices=regions.PROVINCE_CHOICES,
        help_text=_("Empty: every province that has no rate of its own."),
    )
    kind = models.CharField(
        _("Kind"), max_length=8, choices=Kind.choices, default=Kind.FLAT
    )
    flat_fee = models.DecimalField(
        _("Flat fee"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    days_min = models.PositiveSmallIntegerField(_("Delivery days, at least"))
    days_max = models.PositiveSmallIntegerField(_("Delivery days, at most"))
    is_active = models.BooleanField(_("Active"), default=True)

    class Meta:
        verbose_name = _("shipping rate")
        verbose_name_plural = _("shipping rates")
        constraints = [
            # One active rate per destination keeps the choice unambiguous.
            models.UniqueConstraint(
                fields=["pesantren", "destination_province_code"],
                condition=models.Q(is_active=True),
                name="shipping_one_active_rate_per_destination",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="flat") | models.Q(flat_fee__gte=0),
                name="shipping_flat_rate_has_fee",
            ),
            models.CheckConstraint(
                condition=models.Q(days_min__lte=models.F("days_max")),
                name="shipping_days_in_order",
            ),
        ]

    def __str__(self):
        return f"{self.pesantren}: {self.name}"

    def fee_for(self, weight_grams, bands=None):
        """Return the fee for a part weighing ``weight_grams``, or None if too heavy.

        ``bands`` are this rate's weight bands when already fetched.
        """
        if self.kind == self.Kind.FLAT:
            return self.flat_fee
        bands = self.bands.all() if bands is None else bands
        for band in sorted(bands, key=lambda band: band.max_weight_grams):
            if weight_grams <= band.max_weight_grams:
                return band.fee
        return None


class WeightBand(models.Model):
    """A fee for parts up to ``max_weight_grams`` (above the previous band)."""

    rate = models.ForeignKey(
        ShippingRate, on_delete=models.CASCADE, related_name="bands"
    )
    max_weight_grams = models.PositiveIntegerField(_("Up to (grams)"))
    fee = models.DecimalField(_("Fee"), max_digits=12, decimal_places=2)

    class Meta:
        ordering = ["max_weight_grams"]
        verbose_name = _("weight band")
        verbose_name_plural = _("weight bands")
        constraints = [
            models.UniqueConstraint(
                fields=["rate", "max_weight_grams"], name="shipping_band_unique_weight"
            )
        ]

    def __str__(self):
        return f"≤ {self.max_weight_grams} g: {self.fee}"
