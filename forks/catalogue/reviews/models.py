"""Oscar's product reviews, tied to the order that delivered the product.

A review is written by the buyer of an order whose part was received, once
per product per order (a second order of the same product may carry another
review). Oscar's own model allowed one review per product and user, from
anyone; the rules live in ``marketplace.reviews.services``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from oscar.apps.catalogue.reviews.abstract_models import AbstractProductReview


class ProductReview(AbstractProductReview):
    # Optional here: a star rating with a few words is review enough.
    title = models.CharField(
        verbose_name=pgettext_lazy("Product review title", "Title"),
        max_length=255,
        blank=True,
    )
    order = models.ForeignKey(
        "order.Order",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reviews",
        verbose_name=_("Order"),
        help_text=_("The order that delivered the reviewed product."),
    )

    class Meta(AbstractProductReview.Meta):
        unique_together = ()
        constraints = [
            models.UniqueConstraint(
                fields=["product", "user", "order"],
                name="review_once_per_product_per_order",
            ),
            models.CheckConstraint(
                condition=models.Q(score__gte=1, score__lte=5),
                name="review_score_one_to_five",
            ),
        ]

    def __str__(self):
        return self.title or f"{self.product} ({self.score}/5)"

    @property
    def is_verified_purchase(self):
        return self.order_id is not None

    @property
    def reviewer_first_name(self):
        """Only the first name, never the e-mail address or the full name."""
        if self.user is None:
            return self.name.split(" ")[0] if self.name else ""
        return (self.user.first_name or "").strip().split(" ")[0]


from oscar.apps.catalogue.reviews.models import *  # noqa: E402,F403  (Oscar's fork pattern)
