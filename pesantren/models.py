"""Who sells on KESAN: pesantren, and the users who act for them."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from pesantren import regions


class PesantrenQuerySet(models.QuerySet):
    def public(self):
        """Pesantren whose storefront and products anyone may see."""
        return self.filter(status=Pesantren.Status.VERIFIED)


class Pesantren(models.Model):
    """A pesantren selling on KESAN: a vendor, one-to-one with Oscar's Partner.

    The legal seller of its goods is ``legal_entity_name`` (usually the
    Kopontren or the yayasan), which is what the buyer contracts with.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending review")
        VERIFIED = "verified", _("Verified")
        SUSPENDED = "suspended", _("Suspended")

    partner = models.OneToOneField(
        "partner.Partner", on_delete=models.PROTECT, related_name="pesantren"
    )
    name = models.CharField(_("Name"), max_length=128)
    slug = models.SlugField(_("Slug"), max_length=128, unique=True)
    short_description = models.CharField(_("Short description"), max_length=200)
    description = models.TextField(_("Description"), blank=True)
    logo = models.ImageField(_("Logo"), upload_to="pesantren/logos/", blank=True)
    banner = models.ImageField(_("Banner"), upload_to="pesantren/banners/", blank=True)
    province_code = models.CharField(
        _("Province"), max_length=2, choices=regions.PROVINCE_CHOICES
    )
    regency_code = models.CharField(
        _("Regency or city"),
        max_length=5,
        validators=[regions.validate_regency_code],
        help_text=_("Kemendagri code of the kabupaten or kota, e.g. 35.07."),
    )
    address = models.TextField(_("Address"))
    founded_year = models.PositiveSmallIntegerField(
        _("Founded in"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1500), MaxValueValidator(2100)],
    )
    leader_name = models.CharField(_("Leader (pengasuh)"), max_length=128)
    whatsapp_number = models.CharField(
        _("WhatsApp number"),
        max_length=16,
        help_text=_("International form without +, e.g. 6281234567890."),
    )
    legal_entity_name = models.CharField(
        _("Legal seller"),
        max_length=160,
        help_text=_("The Kopontren or yayasan that sells the goods."),
    )
    status = models.CharField(
        _("Status"),
        max_length=16,
        choices=Status.choices,
        default=Status.PENDING,
        db_index=True,
    )
    is_opop_member = models.BooleanField(_("OPOP member"), default=False)
    is_featured = models.BooleanField(_("Featured"), default=False)
    date_created = models.DateTimeField(_("Created"), auto_now_add=True)
    date_updated = models.DateTimeField(_("Updated"), auto_now=True)

    objects = PesantrenQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("pesantren")
        verbose_name_plural = _("pesantren")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(regency_code__startswith=models.F("province_code")),
                name="pesantren_regency_in_province",
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("marketplace:storefront", kwargs={"slug": self.slug})

    @property
    def is_public(self):
        return self.status == self.Status.VERIFIED

    @property
    def province_name(self):
        return regions.name_of(self.province_code)

    @property
    def regency_name(self):
        return regions.name_of(self.regency_code)

    @property
    def whatsapp_url(self):
        return f"https://wa.me/{self.whatsapp_number}"


class Membership(models.Model):
    """A user acting for a pesantren, as its owner or as staff (a santri seller)."""

    class Role(models.TextChoices):
        OWNER = "owner", _("Owner")
        STAFF = "staff", _("Staff")

    pesantren = models.ForeignKey(
        Pesantren, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("Role"), max_length=8, choices=Role.choices)
    date_joined = models.DateTimeField(_("Joined"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["pesantren", "user"], name="pesantren_membership_unique"
            )
        ]

    def __str__(self):
        return f"{self.user} @ {self.pesantren} ({self.role})"
