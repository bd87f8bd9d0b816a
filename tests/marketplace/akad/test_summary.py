"""The akad summary's rules that the checkout tests do not reach."""

from decimal import Decimal

import pytest
from django.template.loader import render_to_string

from marketplace.akad.summary import Item, delivery_summary, part_summary
from marketplace.shipping.quotes import PICKUP, ShippingOption

pytestmark = pytest.mark.django_db


def test_pickup_of_a_pre_order_is_ready_after_its_production_time(akad_shop):
    pickup = ShippingOption(code=PICKUP, name="Ambil di pondok", charge=Decimal(0))

    delivery = delivery_summary(pickup, production_days=14)
    html = render_to_string(
        "marketplace/akad/akad_terms.html",
        {
            "akad": part_summary(
                akad_shop.alfa,
                [Item(akad_shop.kain, "Batik", 1, Decimal(350000), Decimal(350000))],
                pickup,
                "en",
            )
        },
    )

    assert delivery == {
        "method": "pickup",
        "service": "Ambil di pondok",
        "charge": 0,
        "shipping_days_min": None,
        "shipping_days_max": None,
        "production_days": 14,
        "days_min": None,
        "days_max": None,
    }
    assert "Pickup at the pondok, ready about 14 days after payment." in html


def test_the_akad_claims_no_interest_only_without_pay_later_channels(
    akad_shop, settings
):
    option = ShippingOption(code="rate-1", name="JNE", charge=Decimal(15000))
    items = [Item(akad_shop.kopi, "Kopi", 1, Decimal(50000), Decimal(50000))]
    settings.MARKETPLACE_PAYMENT_CHANNELS = ["bsi_va", "kredivo"]

    summary = part_summary(akad_shop.alfa, items, option, "en")
    text = render_to_string(
        "marketplace/akad/akad_payment.html", {"payment": summary["payment"]}
    )

    assert summary["payment"] == {
        "paid_in_full": True,
        "interest_free": False,
        "channels": ["BSI Virtual Account", "kredivo"],
    }
    assert "interest" not in text
    assert text.strip() == "Paid in full now, by BSI Virtual Account, kredivo."


def test_a_zero_day_khiyar_says_there_is_no_return_window(akad_shop):
    akad_shop.rule.khiyar_days = 0
    akad_shop.rule.save()
    option = ShippingOption(code="rate-1", name="JNE", charge=Decimal(15000))
    items = [Item(akad_shop.kain, "Batik", 1, Decimal(350000), Decimal(350000))]

    summary = part_summary(akad_shop.alfa, items, option, "en")
    html = render_to_string("marketplace/akad/akad_terms.html", {"akad": summary})

    assert summary["khiyar"]["days"] == 0
    assert "No return window after receipt." in html
