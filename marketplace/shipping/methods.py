"""Shipping of a whole basket: one chosen option per pesantren, summed.

Oscar knows one shipping method per order; ``PerPesantrenShipping`` is that
method, carrying the part of every pesantren so that each keeps its own fee.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from oscar.apps.shipping.methods import Base
from oscar.core import prices

from marketplace.shipping.quotes import ShippingOption, quote


class ShippingUnavailable(Exception):
    """A pesantren cannot send its part to the address by any option."""

    def __init__(self, pesantren_names):
        self.pesantren_names = list(pesantren_names)
        super().__init__(", ".join(self.pesantren_names))


@dataclass
class ShippingPart:
    """A basket group, the options it has for the address, and the chosen one."""

    group: object
    options: list[ShippingOption]
    chosen: ShippingOption | None

    @property
    def charge(self):
        return self.chosen.charge if self.chosen else Decimal(0)

    @property
    def total(self):
        return self.group.subtotal + self.charge


def plan_shipping(groups, address, choices=None):
    """Quote every group for ``address`` and pick each one's option.

    ``choices`` maps a pesantren id (as text) to an option code; a group
    without a valid choice gets its first option (delivery when offered).
    """
    choices = choices or {}
    parts = []
    for group in groups:
        options = quote(group, address) if group.pesantren else []
        wanted = choices.get(str(group.pesantren_id))
        chosen = next((option for option in options if option.code == wanted), None)
        parts.append(
            ShippingPart(group, options, chosen or (options[0] if options else None))
        )
    return parts


def check_shippable(parts):
    """Raise ShippingUnavailable if any part has no option."""
    missing = [
        str(part.group.pesantren or "?") for part in parts if part.chosen is None
    ]
    if missing:
        raise ShippingUnavailable(missing)


class PerPesantrenShipping(Base):
    code = "per-pesantren"
    name = _("Shipping per pesantren")

    def __init__(self, parts):
        self.parts = parts

    def calculate(self, basket):
        total = sum((part.charge for part in self.parts), Decimal(0))
        return prices.Price(currency=basket.currency, excl_tax=total, tax=Decimal(0))
