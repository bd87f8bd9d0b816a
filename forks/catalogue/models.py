"""Oscar's catalogue, with the fields an Indonesian marketplace needs on a
product: shipping weight and size, condition, and the legality numbers that
food, herbal and cosmetic products carry (halal, P-IRT, BPOM)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.catalogue.abstract_models import AbstractProduct, AbstractProductCategory


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

    class Meta(AbstractProduct.Meta):
        pass

    def is_review_permitted(self, user):
        """Whether ``user`` may review this product (Oscar's reviews ask here).

        Only a buyer whose order of it was paid, once, and never someone who
        acts for the pesantren selling it: reviews from verified purchases
        only, so that nobody talks up a product (najasy). Oscar's default let
        anyone, signed in or not, publish a review at once.
        """
        from marketplace.fulfilment.models import OrderStatus
        from pesantren.models import Membership

        if not user.is_authenticated or self.has_review_by(user):
            return False
        bought = self.line_set.filter(
            order__user=user,
            order__status__in=[OrderStatus.PAID, OrderStatus.COMPLETED],
        ).exists()
        sells = Membership.objects.filter(
            user=user, pesantren__partner__stockrecords__product=self
        ).exists()
        return bought and not sells


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
