"""Reads of product reviews: who may write one, and what the pages show."""

from dataclasses import dataclass

from django.db.models import (
    Count,
    Exists,
    FloatField,
    Func,
    IntegerField,
    OuterRef,
    Subquery,
)
from django.db.models.functions import Cast, Coalesce
from oscar.core.loading import get_model

from marketplace.fulfilment.models import FulfilmentGroup
from pesantren.models import Membership

Line = get_model("order", "Line")
ProductReview = get_model("reviews", "ProductReview")

STARS = (5, 4, 3, 2, 1)


def reviewable_lines(user):
    """Order lines whose product ``user`` may review now.

    Lines of the user's own orders, whose pesantren's part was received,
    whose product still exists, not already reviewed for that order, and not
    sold by a pesantren the user acts for (any role).
    """
    if not user.is_authenticated:
        return Line.objects.none()
    received = FulfilmentGroup.objects.filter(
        order=OuterRef("order"),
        pesantren__partner_id=OuterRef("partner_id"),
        status=FulfilmentGroup.Status.RECEIVED,
    )
    reviewed = ProductReview.objects.filter(
        order=OuterRef("order"), product=OuterRef("product"), user=user
    )
    sells = Membership.objects.filter(
        user=user, pesantren__partner_id=OuterRef("partner_id")
    )
    return (
        Line.objects.filter(order__user=user, product__isnull=False)
        .filter(Exists(received))
        .exclude(Exists(reviewed))
        .exclude(Exists(sells))
    )


def first_reviewable_line(user, product):
    """The oldest line of ``product`` that ``user`` may review, or None."""
    return (
        reviewable_lines(user)
        .filter(product=product)
        .select_related("order", "product")
        .order_by("order__date_placed", "pk")
        .first()
    )


def reviews_by_product(order, user):
    """``user``'s reviews written for ``order``, by product id (one query)."""
    if not user.is_authenticated:
        return {}
    reviews = ProductReview.objects.filter(order=order, user=user)
    return {review.product_id: review for review in reviews}


def reviewable_line_ids(order, user):
    """Ids of the lines of ``order`` that ``user`` may review now (one query)."""
    return set(reviewable_lines(user).filter(order=order).values_list("pk", flat=True))


@dataclass
class StarShare:
    stars: int
    count: int
    percent: int


@dataclass
class RatingSummary:
    average: float | None
    count: int
    shares: list


def rating_summary(product):
    """Average, count and share of each star of ``product``'s approved reviews.

    One query. Computed from the reviews themselves, like Oscar's ``rating``.
    """
    counts = dict(
        ProductReview.objects.approved()
        .filter(product=product)
        .order_by()
        .values_list("score")
        .annotate(count=Count("id"))
    )
    total = sum(counts.values())
    average = sum(score * n for score, n in counts.items()) / total if total else None
    shares = [
        StarShare(stars, counts.get(stars, 0), _percent(counts.get(stars, 0), total))
        for stars in STARS
    ]
    return RatingSummary(average, total, shares)


def _percent(part, total):
    return round(100 * part / total) if total else 0


def approved_reviews(product):
    """``product``'s approved reviews, newest first, with their reviewers."""
    return (
        ProductReview.objects.approved()
        .filter(product=product)
        .select_related("user")
        .order_by("-date_created", "-pk")
    )


def with_rating(pesantren_queryset):
    """Annotate each pesantren with its products' approved reviews.

    ``review_average`` (None without reviews) and ``review_count``, as two
    subqueries of the same SELECT. Reviews of products the pesantren has
    since hidden still count: a shop cannot lift its average by unlisting.
    """
    reviews = (
        ProductReview.objects.approved()
        .filter(product__stockrecords__partner_id=OuterRef("partner_id"))
        .order_by()
    )
    # Aggregates without GROUP BY: one row over all the pesantren's reviews.
    average = reviews.annotate(
        value=Func(
            Cast("score", FloatField()), function="AVG", output_field=FloatField()
        )
    ).values("value")
    count = reviews.annotate(
        value=Func("id", function="COUNT", output_field=IntegerField())
    ).values("value")
    return pesantren_queryset.annotate(
        review_average=Subquery(average[:1]),
        review_count=Coalesce(Subquery(count[:1], output_field=IntegerField()), 0),
    )
