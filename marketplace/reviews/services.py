"""Writing product reviews: only buyers of received parts, once per product
per order, never the pesantren's own people."""

import logging

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from marketplace.fulfilment.models import FulfilmentGroup
from pesantren.models import Membership

logger = logging.getLogger(__name__)

ProductReview = get_model("reviews", "ProductReview")


class ReviewRefused(Exception):
    """A review that the rules do not allow; the message says why."""


def check_review_allowed(user, line):
    """Raise ReviewRefused unless ``user`` may review ``line``'s product now.

    The caller has already checked that ``line`` belongs to an order it may
    show to this user; the buyer is checked again here all the same.
    """
    order = line.order
    if not user.is_authenticated or order.user_id != user.pk:
        raise ReviewRefused(_("Only the buyer of this order can review its products."))
    if line.product_id is None:
        raise ReviewRefused(
            _("This product is no longer sold, so it cannot be reviewed.")
        )
    if Membership.objects.filter(
        user=user, pesantren__partner_id=line.partner_id
    ).exists():
        raise ReviewRefused(
            _(
                "You act for the pesantren that sells this product, so you cannot "
                "review it."
            )
        )
    received = FulfilmentGroup.objects.filter(
        order=order,
        pesantren__partner_id=line.partner_id,
        status=FulfilmentGroup.Status.RECEIVED,
    )
    if not received.exists():
        raise ReviewRefused(_("You can review this product once you have received it."))
    if ProductReview.objects.filter(
        order=order, product_id=line.product_id, user=user
    ).exists():
        raise ReviewRefused(_("You have already reviewed this product for this order."))


def submit_review(*, user, line, score, title, body):
    """Publish ``user``'s review of ``line``'s product; ReviewRefused if not allowed.

    Published at once (an admin may hide it later). The unique constraint on
    (product, user, order) turns a double submit into a refusal, not a
    second review.
    """
    with transaction.atomic():
        check_review_allowed(user, line)
        review = ProductReview(
            product_id=line.product_id,
            user=user,
            order=line.order,
            score=score,
            title=title,
            body=body,
            status=ProductReview.APPROVED,
        )
        try:
            with transaction.atomic():
                review.save()
        except IntegrityError as error:
            raise ReviewRefused(
                _("You have already reviewed this product for this order.")
            ) from error
    logger.info(
        "Order %s: review %s of product %s (%s stars)",
        line.order.number,
        review.pk,
        line.product_id,
        score,
        extra={"order_id": line.order_id, "product_id": line.product_id},
    )
    return review
