"""The printable akad receipt ("Bukti Akad") of an order, for its buyer.

The seller dashboard prints a pesantren's own part with the same template
(seller.views.OrderAkadView).
"""

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from marketplace.fulfilment.selectors import order_parts
from marketplace.fulfilment.views import session_order


def akad_receipt(request, number):
    """Every part's akad of order ``number``, by the order page's access rule."""
    order = session_order(request, number)
    if order is None:
        if not request.user.is_authenticated:
            return redirect(f"{reverse('customer:login')}?next={request.path}")
        raise Http404
    return render_receipt(request, order, order_parts(order), for_seller=False)


def paid_attempt(order):
    """The payment that paid ``order`` (None before), with its channel's name."""
    from marketplace.akad.summary import CHANNEL_NAMES
    from marketplace.payments.refunds import paid_attempt as find_paid

    attempt = find_paid(order)
    if attempt is not None:
        attempt.channel_name = PAYMENT_TYPE_NAMES.get(
            attempt.payment_type, CHANNEL_NAMES.get(attempt.payment_type, "")
        )
    return attempt


# Midtrans payment types that name a family, not one channel.
PAYMENT_TYPE_NAMES = {"bank_transfer": "Virtual Account", "cstore": "Alfamart/Indomaret"}


def render_receipt(request, order, parts, for_seller):
    parts = [part for part in parts if part.akad is not None]
    if not parts:
        # Orders placed before akad records were kept have none to show.
        raise Http404
    return render(
        request,
        "marketplace/akad/akad_receipt.html",
        {
            "order": order,
            "parts": parts,
            "confirmed_at": parts[0].akad.confirmed_at,
            "payment": parts[0].akad.summary["payment"],
            "paid": paid_attempt(order),
            "for_seller": for_seller,
        },
    )
