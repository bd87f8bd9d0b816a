"""Oscar's checkout for a basket of several pesantren, order first.

Steps: e-mail or sign in (Oscar's gateway), Indonesian address (Oscar's
view with our form), one shipping option per pesantren, then a preview
whose "place order" writes the order in "awaiting payment" with its stock
allocated and sends the buyer to pay. Payment happens after the order
exists, so a buyer who never pays only holds stock until the order expires.
"""

from django.contrib import messages
from django.core import signing
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import generic
from oscar.apps.checkout import views as oscar_views
from oscar.core.loading import get_class, get_model

from forks.partner.exceptions import InsufficientStock
from marketplace.akad.summary import digest_of, preview_summaries
from marketplace.fulfilment import services as fulfilment
from marketplace.fulfilment.views import (
    redirect_to_payment,
    remember_order,
    session_order,
)
from marketplace.shipping.methods import ShippingUnavailable

CheckoutSessionMixin = get_class("checkout.session", "CheckoutSessionMixin")
ShippingChoiceForm = get_class("checkout.forms", "ShippingChoiceForm")
Order = get_model("order", "Order")

PLACED_BASKET_SALT = "kesan.checkout.placed-basket"

IndexView = oscar_views.IndexView
UserAddressUpdateView = oscar_views.UserAddressUpdateView
UserAddressDeleteView = oscar_views.UserAddressDeleteView
ThankYouView = oscar_views.ThankYouView


class ShippingAddressView(oscar_views.ShippingAddressView):
    def get_available_addresses(self):
        # Addresses saved before the Indonesian form have no desa to price
        # shipping by; the buyer completes them from the address book.
        return super().get_available_addresses().exclude(village_code="")


class ShippingMethodView(CheckoutSessionMixin, generic.FormView):
    """One shipping option per pesantren (delivery at its rate, or pickup)."""

    template_name = "oscar/checkout/shipping_methods.html"
    form_class = ShippingChoiceForm
    success_url = reverse_lazy("checkout:preview")
    pre_conditions = [
        "check_basket_is_not_empty",
        "check_basket_is_valid",
        "check_user_email_is_captured",
        "check_shipping_address_is_captured",
    ]

    def check_shipping_address_is_captured(self, request):
        self.check_a_valid_shipping_address_is_captured()

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        address = self.get_shipping_address(self.request.basket)
        kwargs["parts"] = self.shipping_parts(self.request.basket, address)
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = context["form"]
        context["parts"] = form.bound_parts()
        context["unshippable"] = [
            part for part, _field in context["parts"] if not part.options
        ]
        context["shipping_address"] = self.get_shipping_address(self.request.basket)
        return context

    def form_valid(self, form):
        if any(not part.options for part in form.parts):
            return self.form_invalid(form)
        self.set_shipping_choices(form.choices())
        return redirect(self.get_success_url())


class PaymentMethodView(oscar_views.PaymentMethodView):
    # The payment method is chosen on the gateway's own page.
    success_url = reverse_lazy("checkout:preview")


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class PaymentDetailsView(oscar_views.PaymentDetailsView):
    """The preview, and placing the order from it.

    Outside the request transaction on purpose: the order is placed in one
    short transaction (stock rows locked only for it), and the payment is
    started in another.
    """

    def dispatch(self, request, *args, **kwargs):
        placed = self.already_placed_order(request)
        if placed is not None:
            # Back, then "place order" again: the same order, the same payment.
            return redirect_to_payment(request, placed)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        if not self.preview:
            return redirect("checkout:preview")
        return super().get(request, *args, **kwargs)

    def already_placed_order(self, request):
        if request.method != "POST" or request.POST.get("action") != "place_order":
            return None
        try:
            basket_id = signing.Signer(salt=PLACED_BASKET_SALT).unsign(
                request.POST.get("basket_token", "")
            )
        except signing.BadSignature:
            return None
        order = Order.objects.filter(basket_id=basket_id).first()
        return order and session_order(request, order.number)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        basket = context["basket"]
        context["parts"] = self.shipping_parts(basket, context["shipping_address"])
        context["basket_token"] = signing.Signer(salt=PLACED_BASKET_SALT).sign(
            basket.id
        )
        # The akad of each part, shown as it will be stored; its digest goes
        # with the form so that placing can tell if anything changed since.
        context["akad_parts"] = preview_summaries(
            context["parts"], translation.get_language()
        )
        context["akad_digest"] = digest_of(context["akad_parts"])
        return context

    def handle_place_order_submission(self, request):
        if request.POST.get("akad_confirm") != "1":
            # The buyer's acceptance (qabul) must be explicit, never assumed.
            return self.render_preview(
                request,
                error=_(
                    "Tick the box to confirm the akad of your order. Nothing was "
                    "ordered yet."
                ),
                akad_refused=True,
            )
        submission = self.build_submission()
        try:
            placed = fulfilment.place_order(
                basket_id=submission["basket"].id,
                user=request.user,
                shipping_address=submission["shipping_address"],
                shipping_choices=self.shipping_choices(),
                guest_email=submission["order_kwargs"].get("guest_email") or "",
                language=translation.get_language(),
                akad_digest=request.POST.get("akad_digest", ""),
            )
        except InsufficientStock as error:
            messages.error(
                request,
                _(
                    "Sorry, there is not enough stock left of %(products)s. Nothing was "
                    "ordered and no payment was started; please change your basket."
                )
                % {
                    "products": ", ".join(error.titles) or _("a product in your basket")
                },
            )
            return redirect("basket:summary")
        except ShippingUnavailable:
            messages.error(request, _("Shipping has changed; please choose again."))
            return redirect("checkout:shipping-method")
        except fulfilment.AkadChanged as error:
            messages.error(request, str(error))
            return redirect("checkout:preview")
        except fulfilment.CheckoutBusy as error:
            messages.error(request, str(error))
            return redirect("checkout:preview")
        except fulfilment.BasketNotPlaceable as error:
            messages.error(request, str(error))
            return redirect("basket:summary")
        remember_order(request, placed.order)
        self.checkout_session.flush()
        return redirect_to_payment(request, placed.order)


__all__ = [
    "IndexView",
    "PaymentDetailsView",
    "PaymentMethodView",
    "ShippingAddressView",
    "ShippingMethodView",
    "ThankYouView",
    "UserAddressDeleteView",
    "UserAddressUpdateView",
]
