"""Oscar's catalogue, with the fields an Indonesian marketplace needs on a
product: shipping weight and size, condition, and the legality numbers that
food, herbal and cosmetic products carry (halal, P-IRT, BPOM)."""

from django.db import models, transaction
from django.db.models import Avg, Count
from django.utils.translation import gettext_lazy as _
from oscar.apps.catalogue.abstract_models import AbstractProduct


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

    # Approved reviews, kept beside Oscar's denormalised ``rating`` (their
    # average) so that product cards show both without a query.
    review_count = models.PositiveIntegerField(
        _("Number of reviews"), default=0, editable=False
    )

    class Meta(AbstractProduct.Meta):
        pass

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


from oscar.apps.catalogue.models import *  # noqa: E402,F403  (Oscar's fork pattern)
