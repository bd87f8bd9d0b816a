"""Who sells on KESAN: pesantren, and the users who act for them."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from pesantren import regions

# Banks a pesantren is paid out to; sharia banks first (see DESIGN, payouts).
BANK_CHOICES = [
    ("BSI", "Bank Syariah Indonesia (BSI)"),
    ("MUAMALAT", "Bank Muamalat"),
    ("BCA_SYARIAH", "BCA Syariah"),
    ("BTPN_SYARIAH", "BTPN Syariah"),
    ("MEGA_SYARIAH", "Bank Mega Syariah"),
    ("BJB_SYARIAH", "BJB Syariah"),
    ("BRI", "Bank Rakyat Indonesia (BRI)"),
    ("BNI", "Bank Negara Indonesia (BNI)"),
    ("MANDIRI", "Bank Mandiri"),
    ("BCA", "Bank Central Asia (BCA)"),
    ("BTN", "Bank Tabungan Negara (BTN)"),
    ("CIMB", "CIMB Niaga"),
    ("DANAMON", "Bank Danamon"),
    ("PERMATA", "Bank Permata"),
    ("BPD_JATIM", "Bank Jatim"),
    ("BPD_JATENG", "Bank Jateng"),
    ("BPD_JABAR", "Bank BJB"),
]


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
        REJECTED = "rejected", _("Rejected")
        SUSPENDED = "suspended", _("Suspended")

    class LegalEntityType(models.TextChoices):
        KOPONTREN = "kopontren", _("Kopontren (pesantren cooperative)")
        YAYASAN = "yayasan", _("Yayasan (foundation)")

    class OpopLevel(models.TextChoices):
        # KESAN's own tiers: OPOP publishes pillars but no official levels.
        BINAAN = "binaan", _("Binaan (mentored)")
        TERKURASI = "terkurasi", _("Terkurasi (curated)")
        UNGGULAN = "unggulan", _("Unggulan (flagship)")
        EKSPOR = "ekspor", _("Ekspor (export-ready)")

    class OpopPillar(models.TextChoices):
        SANTRIPRENEUR = "santripreneur", _("Santripreneur")
        PESANTRENPRENEUR = "pesantrenpreneur", _("Pesantrenpreneur")
        SOSIOPRENEUR = "sosiopreneur", _("Sosiopreneur")

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
    district_code = models.CharField(
        _("District (kecamatan)"),
        max_length=8,
        blank=True,
        validators=[regions.validate_district_code],
    )
    postcode = models.CharField(_("Postcode"), max_length=5, blank=True)
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
    legal_entity_type = models.CharField(
        _("Legal seller type"),
        max_length=16,
        choices=LegalEntityType.choices,
        default=LegalEntityType.KOPONTREN,
    )
    nib = models.CharField(
        _("NIB"), max_length=13, blank=True, help_text=_("Business number from OSS.")
    )
    tax_number = models.CharField(
        _("NPWP or NIK"),
        max_length=16,
        blank=True,
        help_text=_("Sixteen digits, as DJP writes an NPWP today."),
    )
    bank_name = models.CharField(
        _("Bank"), max_length=16, choices=BANK_CHOICES, blank=True
    )
    bank_account_number = models.CharField(
        _("Account number"), max_length=20, blank=True
    )
    bank_account_holder = models.CharField(
        _("Account holder"), max_length=128, blank=True
    )
    status = models.CharField(
        _("Status"),
        max_length=16,
        choices=Status.choices,
        default=Status.PENDING,
        db_index=True,
    )
    is_opop_member = models.BooleanField(_("OPOP member"), default=False)
    opop_level = models.CharField(
        _("OPOP level"), max_length=16, choices=OpopLevel.choices, blank=True
    )
    opop_pillar = models.CharField(
        _("OPOP pillar"), max_length=16, choices=OpopPillar.choices, blank=True
    )
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
    def can_publish(self):
        """Whether products may be put on sale: only a verified pesantren sells."""
        return self.status == self.Status.VERIFIED

    @property
    def province_name(self):
        return regions.name_of(self.province_code)

    @property
    def regency_name(self):
        return regions.name_of(self.regency_code)

    @property
    def district_name(self):
        return regions.name_of(self.district_code) if self.district_code else ""

    @property
    def whatsapp_url(self):
        return f"https://wa.me/{self.whatsapp_number}"

    @property
    def tax_number_is_nik(self):
        # DJP's 16-digit NPWP of an entity starts with 0; a NIK never does.
        return bool(self.tax_number) and not self.tax_number.startswith("0")

    @property
    def masked_account_number(self):
        """The account number with all but the last four digits hidden."""
        number = self.bank_account_number
        return f"{'•' * max(len(number) - 4, 0)}{number[-4:]}" if number else ""


class Membership(models.Model):
    """A user acting for a pesantren, as its owner or as staff (a santri seller)."""

    class Role(models.TextChoices):
        OWNER = "owner", _("Owner")
        STAFF = "staff", _("Staff")
        # Staff who also write dakwah content for the pesantren.
        EDITOR = "editor", _("Editor")

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
            # One user acts for one pesantren: the seller dashboard resolves
            # "my pesantren" from the signed-in user alone.
            models.UniqueConstraint(
                fields=["user"], name="pesantren_one_membership_per_user"
            )
        ]

    def __str__(self):
        return f"{self.user} @ {self.pesantren} ({self.role})"

    @property
    def is_owner(self):
        return self.role == self.Role.OWNER

    @property
    def is_editor(self):
        return self.role == self.Role.EDITOR


class CurationEvent(models.Model):
    """One step in a pesantren's curation: who did what, when and why.

    Rows are only ever added; the pesantren's current state is on the
    pesantren, its history is here.
    """

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("Application submitted")
        VERIFIED = "verified", _("Verified")
        REJECTED = "rejected", _("Rejected")
        SUSPENDED = "suspended", _("Suspended")
        REINSTATED = "reinstated", _("Reinstated")
        OPOP_MARKED = "opop_marked", _("Marked as OPOP")
        OPOP_UNMARKED = "opop_unmarked", _("OPOP mark removed")
        FEATURED = "featured", _("Featured")
        UNFEATURED = "unfeatured", _("No longer featured")

    pesantren = models.ForeignKey(
        Pesantren, on_delete=models.CASCADE, related_name="curation_events"
    )
    kind = models.CharField(_("Decision"), max_length=16, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("By"),
    )
    reason = models.TextField(_("Reason"), blank=True)
    status_before = models.CharField(
        _("Status before"), max_length=16, choices=Pesantren.Status.choices
    )
    status_after = models.CharField(
        _("Status after"), max_length=16, choices=Pesantren.Status.choices
    )
    opop_level = models.CharField(
        _("OPOP level"), max_length=16, choices=Pesantren.OpopLevel.choices, blank=True
    )
    opop_pillar = models.CharField(
        _("OPOP pillar"),
        max_length=16,
        choices=Pesantren.OpopPillar.choices,
        blank=True,
    )
    date_created = models.DateTimeField(_("When"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-date_created", "-id"]
        verbose_name = _("curation decision")
        verbose_name_plural = _("curation decisions")

    def __str__(self):
        return f"{self.pesantren}: {self.get_kind_display()}"


class Invitation(models.Model):
    """An e-mailed invitation to join a pesantren as staff (a santri seller).

    The link carries a signed token naming this row; the row says whether the
    invitation is still open.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        ACCEPTED = "accepted", _("Accepted")
        REVOKED = "revoked", _("Cancelled")

    pesantren = models.ForeignKey(
        Pesantren, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("E-mail"))
    role = models.CharField(
        _("Role"),
        max_length=8,
        choices=Membership.Role.choices,
        default=Membership.Role.STAFF,
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(
        _("Status"), max_length=8, choices=Status.choices, default=Status.PENDING
    )
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    date_created = models.DateTimeField(_("Sent"), auto_now_add=True)
    date_answered = models.DateTimeField(_("Answered"), null=True, blank=True)

    class Meta:
        ordering = ["-date_created", "-id"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["pesantren", "email"],
                condition=models.Q(status="pending"),
                name="pesantren_one_open_invitation_per_email",
            )
        ]

    def __str__(self):
        return f"{self.email} → {self.pesantren}"

    @property
    def is_pending(self):
        return self.status == self.Status.PENDING
