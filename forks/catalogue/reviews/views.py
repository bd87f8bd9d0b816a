"""Oscar's review URLs under /catalogue/<slug>_<pk>/reviews/, on KESAN's rules.

"add/" reviews the user's oldest received and not yet reviewed line of the
product, through the same form and service as the order page. The list,
detail and vote pages are closed: the reviews are on the product page, and
votes are not used.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View
from oscar.core.loading import get_model

from marketplace.reviews import selectors
from marketplace.reviews.views import order_line_url, review_line

Product = get_model("catalogue", "Product")


def public_product(product_pk):
    return get_object_or_404(Product, pk=product_pk, is_public=True)


class CreateProductReview(View):
    def dispatch(self, request, *args, **kwargs):
        product = public_product(kwargs["product_pk"])
        line = selectors.first_reviewable_line(request.user, product)
        if line is None:
            messages.warning(request, _("You can't leave a review for this product."))
            return redirect(product.get_absolute_url())
        if request.method not in ("GET", "POST"):
            return self.http_method_not_allowed(request, *args, **kwargs)
        return review_line(request, line, order_line_url(line))


class ProductReviewsRedirect(View):
    """Send Oscar's review list, detail and vote URLs to the product's reviews."""

    def dispatch(self, request, *args, **kwargs):
        product = public_product(kwargs["product_pk"])
        return redirect(f"{product.get_absolute_url()}#reviews")


ProductReviewDetail = ProductReviewList = AddVoteView = ProductReviewsRedirect
