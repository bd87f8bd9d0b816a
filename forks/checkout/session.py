"""Oscar's checkout session, with shipping priced per pesantren.

Oscar keeps one shipping method per basket; here that method is
PerPesantrenShipping, built from the choice of option the buyer made for
each pesantren (kept in the session) and the current rate of each.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from oscar.apps.checkout import exceptions
from oscar.apps.checkout.session import CheckoutSessionMixin as CoreCheckoutSessionMixin

from marketplace.basket import group_basket
from marketplace.shipping.methods import PerPesantrenShipping, plan_shipping

__all__ = ["CheckoutSessionMixin"]


class CheckoutSessionMixin(CoreCheckoutSessionMixin):
    def shipping_choices(self):
        return self.checkout_session._get("shipping", "pesantren_options", {})

    def set_shipping_choices(self, choices):
        self.checkout_session._set("shipping", "pesantren_options", choices)
        self.checkout_session.use_shipping_method(PerPesantrenShipping.code)

    def shipping_parts(self, basket, shipping_address):
        return plan_shipping(
            group_basket(basket), shipping_address, self.shipping_choices()
        )

    def get_shipping_method(self, basket, shipping_address=None, **kwargs):
        if (
            self.checkout_session.shipping_method_code(basket)
            != PerPesantrenShipping.code
        ):
            return None
        if shipping_address is None:
            return None
        parts = self.shipping_parts(basket, shipping_address)
        choices = self.shipping_choices()
        # Every pesantren needs an option the buyer chose and that is still
        # offered: a rate removed meanwhile, or a pesantren new in the
        # basket, sends the buyer back to choose.
        for part in parts:
            if (
                part.chosen is None
                or choices.get(str(part.group.pesantren_id)) != part.chosen.code
            ):
                return None
        return PerPesantrenShipping(parts)

    def check_a_valid_shipping_address_is_captured(self):
        super().check_a_valid_shipping_address_is_captured()
        address = self.get_shipping_address(basket=self.request.basket)
        if not getattr(address, "village_code", ""):
            raise exceptions.FailedPreCondition(
                url=reverse("checkout:shipping-address"),
                message=_("Please complete the address down to the kelurahan or desa."),
            )
