"""Shipping prices for one pesantren's part of an order: ``quote(group, address)``.

A *group* is anything with ``pesantren`` and ``weight_grams`` (a basket group
before the order, a fulfilment group after); an *address* is anything with a
Kemendagri ``village_code`` (an Oscar shipping or user address). The quoter
class is a setting, so a courier-rate API can replace the rate table without
touching checkout.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from marketplace.shipping.models import ShippingProfile, ShippingRate

DELIVERY = "delivery"
PICKUP = "pickup"


@dataclass(frozen=True)
class ShippingOption:
    """One way a pesantren can hand its part over, with its price."""

    code: str
    name: str
    charge: Decimal
    days_min: int | None = None
    days_max: int | None = None
    note: str = ""

    @property
    def is_pickup(self):
        return self.code == PICKUP


class RateTableQuoter:
    """Prices parts from each pesantren's ShippingRate table."""

    def quote(self, group, address):
        """Return the options for ``group`` sent to ``address``, delivery first."""
        options = []
        province_code = (getattr(address, "village_code", "") or "")[:2]
        rate = self.rate_for(group.pesantren, province_code) if province_code else None
        if rate is not None:
            fee = rate.fee_for(group.weight_grams)
            if fee is not None:
                options.append(
                    ShippingOption(
                        code=DELIVERY,
                        name=rate.name,
                        charge=Decimal(fee),
                        days_min=rate.days_min,
                        days_max=rate.days_max,
                    )
                )
        profile = ShippingProfile.objects.filter(pesantren=group.pesantren).first()
        if profile is not None and profile.offers_pickup:
            options.append(
                ShippingOption(
                    code=PICKUP,
                    name=str(_("Pickup at the pondok")),
                    charge=Decimal(0),
                    note=profile.pickup_instructions,
                )
            )
        return options

    def rate_for(self, pesantren, province_code):
        """The active rate of ``pesantren`` for a province, else its nationwide one."""
        rates = ShippingRate.objects.filter(
            pesantren=pesantren,
            is_active=True,
            destination_province_code__in=[province_code, ""],
        ).prefetch_related("bands")
        by_province = {rate.destination_province_code: rate for rate in rates}
        return by_province.get(province_code) or by_province.get("")


def get_quoter():
    return import_string(settings.MARKETPLACE_SHIPPING_QUOTER)()


def quote(group, address):
    """Return the ShippingOptions for one pesantren's part sent to ``address``."""
    return get_quoter().quote(group, address)


def choose(group, address, code):
    """Return the option ``code`` for ``group``, or None if it is not offered."""
    return next(
        (option for option in quote(group, address) if option.code == code), None
    )
