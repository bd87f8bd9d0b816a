"""The akad summary of a pesantren's part: what the buyer is shown before
paying and what is stored once the order is placed.

One function builds it, from the basket at the preview and from the order
lines at placement, so that both agree unless a price, the shipping or a
rule changed in between; the digest of the preview's summaries travels in
the form and placing compares it (see fulfilment.services.place_order).

Everything is plain JSON: amounts in whole rupiah as integers, percentages
as text, labels rendered in the buyer's language (stored with it).
"""

import hashlib
import json
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.utils import translation

from marketplace.checks import PAY_LATER_CHANNELS
from marketplace.compliance.rules import rule_for_product
from marketplace.ledger.fees import fee_for_lines
from marketplace.money import to_rupiah

VERSION = 1
BAI = "bai"
SALAM = "salam"

# Brand names of the Midtrans channels, as the buyer sees them on Snap.
CHANNEL_NAMES = {
    "bca_va": "BCA Virtual Account",
    "bni_va": "BNI Virtual Account",
    "bri_va": "BRI Virtual Account",
    "permata_va": "Permata Virtual Account",
    "cimb_va": "CIMB Niaga Virtual Account",
    "bsi_va": "BSI Virtual Account",
    "echannel": "Mandiri Bill",
    "other_va": "Virtual Account",
    "gopay": "GoPay",
    "shopeepay": "ShopeePay",
    "other_qris": "QRIS",
    "qris": "QRIS",
}


@dataclass(frozen=True)
class Item:
    """A line as the akad names it: basket line at the preview, order line after."""

    product: object
    title: str
    quantity: int
    unit_price: Decimal
    line_total: Decimal


def items_of_basket_lines(lines):
    return [
        Item(
            line.product,
            line.product.get_title(),
            line.quantity,
            line.unit_price_incl_tax,
            line.line_price_incl_tax_incl_discounts,
        )
        for line in lines
    ]


def items_of_order_lines(lines):
    return [
        Item(
            line.product,
            line.title,
            line.quantity,
            line.unit_price_incl_tax,
            line.line_price_incl_tax,
        )
        for line in lines
    ]


def whole(amount):
    return int(to_rupiah(amount or 0))


def percent_text(percent):
    return None if percent is None else format(Decimal(percent).normalize(), "f")


def item_summary(item):
    product = item.product
    salam = bool(product is not None and product.is_salam)
    return {
        "title": item.title,
        "product_id": product.pk if product is not None else None,
        "quantity": item.quantity,
        "unit_price": whole(item.unit_price),
        "line_total": whole(item.line_total),
        "akad": SALAM if salam else BAI,
        "production_days": product.production_days if salam else None,
    }


def payment_summary():
    channels = list(settings.MARKETPLACE_PAYMENT_CHANNELS)
    return {
        "paid_in_full": True,
        "interest_free": not (PAY_LATER_CHANNELS & set(channels)),
        "channels": [CHANNEL_NAMES.get(code, code) for code in channels],
    }


def delivery_summary(option, production_days):
    def after_production(days):
        return None if days is None else days + production_days

    return {
        "method": "pickup" if option.is_pickup else "delivery",
        "service": str(option.name),
        "charge": whole(option.charge),
        "shipping_days_min": option.days_min,
        "shipping_days_max": option.days_max,
        "production_days": production_days,
        "days_min": after_production(option.days_min),
        "days_max": after_production(option.days_max),
    }


def khiyar_summary(items):
    rules = [rule_for_product(item.product) for item in items if item.product]
    covers = []
    for rule in rules:
        if rule.khiyar_covers and rule.khiyar_covers not in covers:
            covers.append(rule.khiyar_covers)
    return {
        "days": max(
            (rule.khiyar_days for rule in rules),
            default=settings.MARKETPLACE_KHIYAR_DAYS,
        ),
        "covers": covers,
    }


def part_summary(pesantren, items, option, language):
    """The akad of one part: ``items`` (Item) sold by ``pesantren`` and sent by
    the chosen shipping ``option``, with labels in ``language``."""
    with translation.override(language):
        lines = [item_summary(item) for item in items]
        contracts = [BAI] if any(line["akad"] == BAI for line in lines) else []
        if any(line["akad"] == SALAM for line in lines):
            contracts.append(SALAM)
        production_days = max(
            (line["production_days"] or 0 for line in lines), default=0
        )
        fee = fee_for_lines((item.product, item.line_total) for item in items)
        goods = sum(line["line_total"] for line in lines)
        delivery = delivery_summary(option, production_days)
        return {
            "version": VERSION,
            "language": language,
            "seller": {
                "pesantren": pesantren.name,
                "pesantren_id": pesantren.pk,
                "legal_name": pesantren.legal_entity_name,
                "legal_type": pesantren.legal_entity_type,
                "legal_type_label": str(pesantren.get_legal_entity_type_display()),
            },
            "contracts": contracts,
            "items": lines,
            "delivery": delivery,
            "khiyar": khiyar_summary(items),
            "fee": {
                "amount": fee.amount,
                "percent": percent_text(fee.percent),
                "paid_by": "seller",
            },
            "payment": payment_summary(),
            "totals": {
                "goods": goods,
                "shipping": delivery["charge"],
                "total": goods + delivery["charge"],
            },
        }


def preview_summaries(parts, language):
    """The summaries of the shipping parts of a basket, for the preview."""
    return [
        part_summary(
            part.group.pesantren,
            items_of_basket_lines(part.group.lines),
            part.chosen,
            language,
        )
        for part in parts
        if part.group.pesantren and part.chosen
    ]


def canonical_json(value):
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def digest_of(value):
    """sha256 (hex) of the canonical JSON of ``value``."""
    return hashlib.sha256(canonical_json(value).encode()).hexdigest()
