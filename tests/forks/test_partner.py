"""The partner fork: one stockrecord per product, and a strategy that sells
only for verified pesantren and prices lines from their own stockrecord."""

from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from oscar.apps.basket.models import Basket, Line

from forks.partner.models import StockRecord
from forks.partner.strategy import Selector
from pesantren.models import Pesantren
from tests.factories import PesantrenFactory, make_product

pytestmark = pytest.mark.django_db


def test_a_product_cannot_have_a_second_stockrecord():
    # Given a product sold by one pesantren
    product = make_product(price=Decimal("150000"))
    other = PesantrenFactory()

    # When a second pesantren offers it too
    with pytest.raises(IntegrityError) as refused, transaction.atomic():
        StockRecord.objects.create(
            product=product,
            partner=other.partner,
            partner_sku="OTHER-1",
            price=Decimal("90000"),
        )

    # Then the database refuses, and the first offer stands alone
    assert "partner_one_stockrecord_per_product" in str(refused.value)
    assert list(product.stockrecords.values_list("partner_id", "price")) == [
        (product.stockrecords.get().partner_id, Decimal("150000.00"))
    ]


@pytest.mark.parametrize(
    ("status", "available"),
    [
        (Pesantren.Status.VERIFIED, True),
        (Pesantren.Status.PENDING, False),
        (Pesantren.Status.SUSPENDED, False),
    ],
)
def test_strategy_sells_only_for_verified_pesantren(status, available):
    product = make_product(pesantren=PesantrenFactory(status=status), num_in_stock=5)

    info = Selector().strategy().fetch_for_product(product)

    assert info.availability.is_available_to_buy is available
    assert info.price.incl_tax == Decimal("150000.00")


def test_strategy_prices_a_line_from_the_lines_own_stockrecord():
    # Given a line whose stockrecord is not its product's (the mismatch that
    # Oscar issue #4164 reports after a login changes the strategy)
    product = make_product(price=Decimal("150000"))
    other_offer = make_product(price=Decimal("90000")).stockrecords.get()
    basket = Basket.objects.create()
    basket.strategy = Selector().strategy()
    line = Line.objects.create(
        basket=basket,
        product=product,
        stockrecord=other_offer,
        quantity=1,
        line_reference=f"{product.pk}_{other_offer.pk}",
        price_currency="IDR",
        price_excl_tax=Decimal("90000"),
        price_incl_tax=Decimal("90000"),
    )

    # When the strategy prices the line
    info = basket.strategy.fetch_for_line(line)

    # Then it uses the line's stockrecord, not the product's first one
    assert info.stockrecord == other_offer
    assert info.price.incl_tax == Decimal("90000.00")
    assert line.unit_price_incl_tax == Decimal("90000.00")


def test_line_follows_the_status_of_its_own_stockrecords_pesantren():
    product = make_product()
    suspended = PesantrenFactory(status=Pesantren.Status.SUSPENDED)
    other_offer = make_product(pesantren=suspended).stockrecords.get()
    basket = Basket.objects.create()
    basket.strategy = Selector().strategy()
    line = Line(basket=basket, product=product, stockrecord=other_offer, quantity=1)

    assert (
        basket.strategy.fetch_for_line(line).availability.is_available_to_buy is False
    )
