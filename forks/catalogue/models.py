"""Oscar's catalogue, with the fields an Indonesian marketplace needs on a
product: shipping weight and size, condition, the legality numbers that
food, herbal and cosmetic products carry (halal, P-IRT, BPOM), and whether
it is made after it is ordered (pre-order, sold under akad salam)."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import Avg, Count
from django.utils.translation import gettext_lazy as _
from oscar.apps.catalogue.abstract_models import AbstractProduct, AbstractProductCategory


MAX_PRODUCTION_DAYS = 90


class Product(AbstractProduct):
    class Condition(models.TextChoices):
        NEW = "new", _("New")
        USED = "used", _("Used")

    weight_grams = models.PositiveIntegerField(
        _("Weight (grams)"),
        null=True,
        blank=True,
        help_text=_("Packed weight, used for shipping costs."),
    )
    length_cm = models.PositiveSmallIntegerField(_("Length (cm)"), null=True, blank=True)
    width_cm = models.PositiveSmallIntegerField(_("Width (cm)"), null=True, blank=True)
    height_cm = models.PositiveSmallIntegerField(_("Height (cm)"), null=True, blank=True)
    condition = models.CharField(
        _("Condition"), max_length=8, choices=Condition.choices, default=Condition.NEW
    )
    halal_certificate_number = models.CharField(
        _("Halal certificate number"),
        max_length=64,
        blank=True,
        help_text=_("The BPJPH (SIHALAL) certificate number."),
    )
    pirt_number = models.CharField(_("P-IRT number"), max_length=32, blank=True)
    bpom_number = models.CharField(
        _("BPOM number"),
        max_length=32,
        blank=True,
        help_text=_("MD, ML, NA or TR registration number."),
    )

    # Pre-order: paid in full now, made and sent within production_days
    # (akad salam); ready stock is a plain sale (bai').
    is_preorder = models.BooleanField(
        _("Pre-order"),
        default=False,
        help_text=_("Made after it is ordered and paid: the buyer waits for it."),
    )
    production_days = models.PositiveSmallIntegerField(
        _("Production time (days)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_PRODUCTION_DAYS)],
        help_text=_("Days from payment until it is ready to send, 1 to 90."),
    )

    # Approved reviews, kept beside Oscar's denormalised ``rating`` (their
    # average) so that product cards show both without a query.
    review_count = models.PositiveIntegerField(
        _("Number of reviews"), default=0, editable=False
    )

    class Meta(AbstractProduct.Meta):
        constraints = [
            models.CheckConstraint(
                condition=models.Q(is_preorder=False)
                | models.Q(
                    production_days__isnull=False,
                    production_days__gte=1,
                    production_days__lte=MAX_PRODUCTION_DAYS,
                ),
                name="catalogue_preorder_has_production_days",
            )
        ]

    def clean(self):
        super().clean()
        if self.is_preorder and not self.production_days:
            raise ValidationError(
                {
                    "production_days": _(
                        "A pre-order product needs its production time in days."
                    )
                }
            )

    @property
    def is_salam(self):
        """Sold under akad salam: pre-order with a production time."""
        return bool(self.is_preorder and self.production_days)

    def update_rating(self):
        """Recount the approved reviews into ``rating`` and ``review_count``.

        Locks the product row first, so that two reviews saved at once both
        end up counted (the aggregate runs after the other one committed).
        """
        with transaction.atomic():
            products = type(self).objects.filter(pk=self.pk)
            products.select_for_update(no_key=True).values_list("pk").first()
            summary = self.reviews.approved().aggregate(
                average=Avg("score"), count=Count("id")
            )
            self.rating = summary["average"]
            self.review_count = summary["count"]
            products.update(rating=self.rating, review_count=self.review_count)

    update_rating.alters_data = True

    def is_review_permitted(self, user):
        """Whether ``user`` may review this product now (Oscar's reviews ask).

        Only the buyer of an order whose part with this product was received,
        once per product per order, and never someone who acts for the
        pesantren selling it (no najasy). See ``marketplace.reviews``.
        """
        from marketplace.reviews import selectors

        return selectors.first_reviewable_line(user, self) is not None


class ProductCategory(AbstractProductCategory):
    """Oscar's product-category link, refused for a prohibited category.

    Model forms (Django admin's inline, Oscar's dashboard formset) call
    ``clean``; the seller form and import refuse such categories themselves.
    """

    class Meta(AbstractProductCategory.Meta):
        pass

    def clean(self):
        from django.core.exceptions import ValidationError

        from marketplace.compliance.rules import rule_for_category

        super().clean()
        if self.category_id is None:
            return
        rule = rule_for_category(self.category)
        if rule.prohibited:
            message = _("Products of %(category)s may not be sold on KESAN.") % {
                "category": self.category.name
            }
            raise ValidationError({"category": message}, code="prohibited_category")


from oscar.apps.catalogue.models import *  # noqa: E402,F403  (Oscar's fork pattern)
