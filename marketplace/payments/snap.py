"""The Snap transaction request for a payment attempt.

Midtrans wants integer rupiah and refuses a request whose ``gross_amount``
differs from the sum of ``item_details``, so every rupiah of the order is an
item: each product line, a negative line for each discount, and one shipping
line per pesantren. Names and ids are cut to Midtrans's 50 characters.
"""

import math
from decimal import Decimal

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from marketplace.fulfilment.selectors import order_parts
from marketplace.money import to_rupiah

NAME_LENGTH = 50
# BCA virtual accounts refuse longer first names.
CUSTOMER_NAME_LENGTH = 30
JAKARTA = timezone.get_fixed_timezone(7 * 60)


class AmountMismatch(ValueError):
    """The item lines do not add up to the order total (a bug, not a buyer error)."""


def whole(amount):
    """``amount`` as an int of rupiah; refuses a fraction of a rupiah."""
    rupiah = to_rupiah(amount)
    if rupiah != Decimal(amount):
        raise AmountMismatch(f"{amount} is not a whole number of rupiah")
    return int(rupiah)


def clip(text, length=NAME_LENGTH):
    """``text`` on one line, cut to ``length`` (plain ASCII cut: no ellipsis
    character that a byte-counting validator would count three times)."""
    return " ".join(str(text).split())[:length].rstrip()


def item_details(order):
    """Every rupiah of ``order`` as Snap items, shipping once per pesantren."""
    items = []
    for part in order_parts(order):
        merchant = clip(part.group.pesantren.name)
        for line in part.lines:
            items.append(
                {
                    "id": clip(line.partner_sku or line.upc or f"line-{line.pk}"),
                    "price": whole(line.unit_price_incl_tax),
                    "quantity": line.quantity,
                    "name": clip(line.title),
                    "merchant_name": merchant,
                }
            )
            discount = whole(
                line.line_price_before_discounts_incl_tax - line.line_price_incl_tax
            )
            if discount:
                items.append(
                    {
                        "id": f"discount-{line.pk}",
                        "price": -discount,
                        "quantity": 1,
                        "name": clip(_("Discount: %(title)s") % {"title": line.title}),
                        "merchant_name": merchant,
                    }
                )
        if part.group.shipping_charge:
            items.append(
                {
                    "id": f"shipping-{part.group.pk}",
                    "price": whole(part.group.shipping_charge),
                    "quantity": 1,
                    "name": clip(
                        _("Shipping from %(pesantren)s")
                        % {"pesantren": part.group.pesantren.name}
                    ),
                    "merchant_name": merchant,
                }
            )
    return items


def customer_details(order):
    address = order.shipping_address
    phone = str(address.phone_number) if address and address.phone_number else ""
    details = {
        "first_name": clip(address.first_name if address else "", CUSTOMER_NAME_LENGTH),
        "email": order.email,
        "phone": phone,
    }
    if address is not None:
        street = ", ".join(
            part for part in (address.line1, address.line2, address.line3) if part
        )
        details["shipping_address"] = {
            "first_name": clip(address.first_name, CUSTOMER_NAME_LENGTH),
            "phone": phone,
            "address": clip(street, 255),
            "city": clip(address.line4, 100),
            "postal_code": address.postcode[:10],
            "country_code": "IDN",
        }
    return details


def snap_request(order, attempt, finish_url):
    """The body of the Snap create-transaction request for ``attempt``."""
    with translation.override(order.language):
        items = item_details(order)
    gross_amount = whole(order.total_incl_tax)
    if sum(item["price"] * item["quantity"] for item in items) != gross_amount:
        raise AmountMismatch(f"{order.number}: items do not add up to {gross_amount}")
    now = timezone.now()
    minutes = max(1, math.ceil((attempt.expires_at - now).total_seconds() / 60))
    return {
        "transaction_details": {
            "order_id": attempt.provider_order_id,
            "gross_amount": gross_amount,
        },
        "item_details": items,
        "customer_details": customer_details(order),
        "enabled_payments": list(settings.MARKETPLACE_PAYMENT_CHANNELS),
        "expiry": {
            "start_time": timezone.localtime(now, JAKARTA).strftime(
                "%Y-%m-%d %H:%M:%S +0700"
            ),
            "unit": "minute",
            "duration": minutes,
        },
        "callbacks": {"finish": finish_url},
        "custom_field1": order.number,
    }
