"""The buyer's review of one line of a received part, from the order page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from marketplace.fulfilment import selectors as orders
from marketplace.reviews import services
from marketplace.reviews.forms import ReviewForm


def order_line_url(line):
    return f"{reverse('orders:detail', args=[line.order.number])}#line-{line.pk}"


@login_required
def line_review(request, number, line_id):
    """Show and take the review form of one line of the buyer's own order.

    Another user's order, or a line of another order, is a 404: the order
    is looked up among the signed-in user's orders only (a guest's order
    has no account to review with).
    """
    order = orders.buyer_order(request.user, number)
    if order is None or order.user_id != request.user.pk:
        raise Http404
    line = get_object_or_404(order.lines.select_related("product"), pk=line_id)
    line.order = order
    return review_line(request, line, order_line_url(line))


def review_line(request, line, back_url, form_action=None):
    """Render the form of ``line``, or submit it; shared with Oscar's add URL."""
    try:
        services.check_review_allowed(request.user, line)
    except services.ReviewRefused as refusal:
        messages.error(request, str(refusal))
        return redirect(back_url)

    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_review(user=request.user, line=line, **form.cleaned_data)
        except services.ReviewRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, _("Thank you: your review is published."))
        return redirect(back_url)
    return render(
        request,
        "marketplace/reviews/review_form.html",
        {
            "form": form,
            "line": line,
            "product": line.product,
            "back_url": back_url,
            "form_action": form_action or request.path,
        },
    )
