from decimal import Decimal

import pytest

from marketplace.basket import group_basket
from marketplace.shipping.methods import plan_shipping
from marketplace.shipping.models import ShippingRate, WeightBand
from marketplace.shipping.quotes import DELIVERY, PICKUP, quote
from tests.factories import (
    PesantrenFactory,
    give_flat_rate,
    make_basket,
    make_product,
    offer_pickup,
    shipping_address,
)

pytestmark = pytest.mark.django_db


def test_one_fee_per_pesantren_not_per_item():
    # Given 2 items of pesantren A (flat Rp15.000) and 1 of B (flat Rp20.000)
    a, b = PesantrenFactory(), PesantrenFactory()
    give_flat_rate(a, 15000)
    give_flat_rate(b, 20000)
    basket = make_basket(
        (make_product(a, price=Decimal("50000")), 1),
        (make_product(a, price=Decimal("30000")), 1),
        (make_product(b, price=Decimal("40000")), 1),
    )

    # When the basket is shipped to Depok
    parts = plan_shipping(group_basket(basket), shipping_address())

    # Then each pesantren charges once: 15.000 + 20.000
    assert [(part.group.pesantren, part.charge) for part in parts] == [
        (a, Decimal("15000")),
        (b, Decimal("20000")),
    ]
    assert sum(part.charge for part in parts) == Decimal("35000")
    assert [part.group.subtotal for part in parts] == [
        Decimal("80000"),
        Decimal("40000"),
    ]


def test_rate_of_the_destination_province_wins_over_the_nationwide_one():
    pesantren = PesantrenFactory()
    give_flat_rate(pesantren, 25000, name="Nasional")
    give_flat_rate(pesantren, 9000, province_code="32", days=(1, 2), name="Kurir Jabar")
    basket = make_basket((make_product(pesantren), 1))
    group = group_basket(basket)[0]

    [to_depok] = quote(group, shipping_address("32.76.01.1006"))
    [to_jombang] = quote(group, shipping_address("35.17.01.2001", postcode="61461"))

    assert (to_depok.name, to_depok.charge, to_depok.days_min, to_depok.days_max) == (
        "Kurir Jabar",
        Decimal("9000"),
        1,
        2,
    )
    assert (to_jombang.name, to_jombang.charge) == ("Nasional", Decimal("25000"))


def test_weight_bands_price_by_the_total_weight_of_the_part():
    pesantren = PesantrenFactory()
    rate = ShippingRate.objects.create(
        pesantren=pesantren,
        name="JNT",
        kind=ShippingRate.Kind.WEIGHT,
        days_min=2,
        days_max=3,
    )
    WeightBand.objects.create(rate=rate, max_weight_grams=1000, fee=Decimal("10000"))
    WeightBand.objects.create(rate=rate, max_weight_grams=3000, fee=Decimal("18000"))
    light = make_basket((make_product(pesantren, weight_grams=400), 2))
    heavy = make_basket((make_product(pesantren, weight_grams=700), 3))
    too_heavy = make_basket((make_product(pesantren, weight_grams=2000), 2))

    assert [o.charge for o in quote(group_basket(light)[0], shipping_address())] == [
        Decimal("10000")
    ]
    assert [o.charge for o in quote(group_basket(heavy)[0], shipping_address())] == [
        Decimal("18000")
    ]
    assert quote(group_basket(too_heavy)[0], shipping_address()) == []


def test_pickup_is_offered_free_next_to_delivery():
    pesantren = PesantrenFactory()
    give_flat_rate(pesantren, 15000)
    offer_pickup(pesantren, "Koperasi pondok, Senin-Kamis")
    group = group_basket(make_basket((make_product(pesantren), 1)))[0]

    options = quote(group, shipping_address())

    assert [(o.code, o.charge, o.note) for o in options] == [
        (DELIVERY, Decimal("15000"), ""),
        (PICKUP, Decimal("0"), "Koperasi pondok, Senin-Kamis"),
    ]


def test_a_pesantren_without_a_rate_for_the_province_offers_nothing():
    pesantren = PesantrenFactory()
    give_flat_rate(pesantren, 9000, province_code="35")
    group = group_basket(make_basket((make_product(pesantren), 1)))[0]

    assert quote(group, shipping_address("32.76.01.1006")) == []
