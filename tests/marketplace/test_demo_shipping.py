from decimal import Decimal

import pytest

from marketplace.basket import group_basket
from marketplace.demo.build import seed_shipping
from marketplace.shipping.models import ShippingRate
from marketplace.shipping.quotes import quote
from tests.factories import (
    PesantrenFactory,
    make_basket,
    make_product,
    shipping_address,
)

pytestmark = pytest.mark.django_db


def test_every_demo_pesantren_ships_everywhere_and_cheaper_at_home():
    jombang = PesantrenFactory(province_code="35", regency_code="35.17")

    seed_shipping({jombang.slug: jombang})
    seed_shipping({jombang.slug: jombang})

    assert ShippingRate.objects.filter(pesantren=jombang).count() == 2
    group = group_basket(make_basket((make_product(jombang), 1)))[0]
    to_depok = quote(group, shipping_address("32.76.01.1006"))[0]
    to_jombang = quote(group, shipping_address("35.17.01.2001", postcode="61461"))[0]
    assert to_depok.name == "JNE REG"
    assert Decimal("15000") <= to_depok.charge <= Decimal("30000")
    assert (to_jombang.name, to_jombang.charge) == ("Kurir pondok", Decimal("9000"))
