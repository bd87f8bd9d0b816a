"""The buyer's orders: list, detail per pesantren part, "pesanan diterima",
and paying again when a payment could not start or lapsed."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_POST
from oscar.core.loading import get_model

from marketplace.complaints import selectors as complaint_selectors
from marketplace.fulfilment import selectors, services
from marketplace.fulfilment.models import FulfilmentGroup, OrderStatus
from marketplace.payments import services as payments
from marketplace.payments.models import PaymentAttempt
from marketplace.reviews import selectors as reviews

Order = get_model("order", "Order")
SESSION_KEY = "marketplace_order_ids"


def remember_order(request, order):
    """Let this browser see ``order`` (a guest's order has no account to check)."""
    ids = request.session.get(SESSION_KEY, [])
    if order.pk not in ids:
        request.session[SESSION_KEY] = [*ids, order.pk][-20:]


def session_order(request, number):
    return selectors.buyer_order(
        request.user, number, request.session.get(SESSION_KEY, [])
    )


def order_url_for_session(request, order):
    """The buyer's page of ``order`` if this request may see it, else None."""
    if session_order(request, order.number) is None:
        return None
    return reverse("orders:detail", args=[order.number])


@login_required
def order_list(request):
    return render(
        request,
        "marketplace/orders/order_list.html",
        {"orders": selectors.orders_of_buyer(request.user)},
    )


def render_order(request, order, status=200, complaint_forms=None, message_forms=None):
    """The order page; refused complaint forms come back bound, keyed by part or
    complaint id."""
    attempts = list(order.payment_attempts.order_by("sequence"))
    live = next(
        (a for a in reversed(attempts) if a.status in PaymentAttempt.LIVE), None
    )
    failed = (
        attempts[-1]
        if attempts and attempts[-1].status == PaymentAttempt.Status.START_FAILED
        else None
    )
    return render(
        request,
        "marketplace/orders/order_detail.html",
        {
            "order": order,
            "parts": complaint_selectors.attach_to_parts(
                selectors.order_parts(order),
                complaint_forms or {},
                message_forms or {},
            ),
            "live_attempt": live,
            "failed_attempt": failed,
            "can_pay": order.status == OrderStatus.PENDING_PAYMENT,
            "payment_deadline": payments.payment_deadline(order),
            "reviews_by_product": reviews.reviews_by_product(order, request.user),
            "reviewable_line_ids": reviews.reviewable_line_ids(order, request.user),
        },
        status=status,
    )


def order_detail(request, number):
    order = session_order(request, number)
    if order is None:
        if not request.user.is_authenticated:
            return redirect(f"{reverse('customer:login')}?next={request.path}")
        raise Http404
    return render_order(request, order)


def guest_order_detail(request, number, verification):
    """The link in a guest's e-mails: the signed hash stands in for an account."""
    order = get_object_or_404(Order, number=number)
    if not order.check_verification_hash(verification):
        raise Http404
    remember_order(request, order)
    return redirect("orders:detail", number)


@require_POST
def confirm_received(request, number, group_id):
    order = session_order(request, number)
    if order is None:
        raise Http404
    if request.POST.get("confirm") != "1":
        # Receipt releases the pesantren's money: never on one stray tap.
        messages.error(
            request, _("Tick the box to confirm that you received this part.")
        )
        return redirect("orders:detail", number)
    try:
        services.confirm_received(
            order, group_id, request.user if request.user.is_authenticated else None
        )
    except FulfilmentGroup.DoesNotExist:
        raise Http404
    except services.FulfilmentError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("Thank you for confirming that your order arrived.")
        )
    return redirect("orders:detail", number)


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class PaymentStartView(View):
    """Send the buyer to pay an unpaid order, starting a payment if needed.

    Outside the request transaction: the gateway is called while the order
    row is locked, and that lock must not wait on anything else.
    """

    def post(self, request, number):
        order = session_order(request, number)
        if order is None:
            raise Http404
        return redirect_to_payment(request, order)


def redirect_to_payment(request, order):
    """Start (or reuse) the order's payment and redirect to it, or back with a message."""
    finish_url = request.build_absolute_uri(reverse("payments:finish"))
    try:
        attempt = payments.start_payment(order, finish_url)
    except payments.PaymentNotStartable as error:
        messages.error(request, str(error))
        return redirect("orders:detail", order.number)
    if attempt.status == PaymentAttempt.Status.START_FAILED:
        messages.error(
            request,
            _(
                "The payment service is not answering right now, so no payment was "
                "started. Your order is saved: try paying again in a few minutes."
            ),
        )
        return redirect("orders:detail", order.number)
    return redirect(attempt.redirect_url)
