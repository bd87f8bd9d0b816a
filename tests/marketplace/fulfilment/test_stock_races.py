"""Races over stock, on PostgreSQL with real threads (each its own connection)."""

import threading
import time
from decimal import Decimal

import pytest
from django.db import transaction
from oscar.core.loading import get_model

from forks.order.utils import OrderCreator
from forks.partner.exceptions import InsufficientStock
from forks.partner.models import StockRecord
from marketplace.fulfilment.services import CheckoutBusy
from tests.concurrency import run_concurrently
from tests.factories import (
    PesantrenFactory,
    give_flat_rate,
    make_basket,
    make_product,
    place_order,
)

pytestmark = pytest.mark.django_db(transaction=True)
Order = get_model("order", "Order")


@pytest.fixture(autouse=True)
def patient_locks(settings):
    # These tests are about who wins, not about how long a loser waits.
    settings.MARKETPLACE_CHECKOUT_LOCK_TIMEOUT_MS = 60000


@pytest.fixture
def slow_order_creation(monkeypatch):
    """Widen the window between the stock check and the allocation."""
    original = OrderCreator.create_order_model

    def slow(self, *args, **kwargs):
        time.sleep(0.02)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(OrderCreator, "create_order_model", slow)


@pytest.mark.parametrize("round_number", range(3))
def test_twenty_buyers_of_the_last_unit_make_exactly_one_order(
    slow_order_creation, round_number
):
    # Given one unit in stock and 20 buyers, each with their own basket
    pesantren = PesantrenFactory()
    give_flat_rate(pesantren, 15000)
    product = make_product(pesantren, price=Decimal("75000"), num_in_stock=1)
    baskets = [make_basket((product, 1)) for _ in range(20)]

    # When all of them place their order at the same moment
    results = run_concurrently(
        *[lambda basket=basket: place_order(basket) for basket in baskets]
    )

    # Then exactly one order exists and the 19 others were refused cleanly
    placed = [result for result in results if not isinstance(result, BaseException)]
    refused = [result for result in results if isinstance(result, BaseException)]
    assert len(placed) == 1
    assert [type(error) for error in refused] == [InsufficientStock] * 19
    assert [error.titles for error in refused] == [[product.title]] * 19
    assert Order.objects.count() == 1
    record = StockRecord.objects.get(product=product)
    assert (record.num_in_stock, record.num_allocated) == (1, 1)


def test_opposite_line_order_does_not_deadlock(slow_order_creation):
    # Given two products and eight buyers, half adding them in reverse order
    pesantren = PesantrenFactory()
    give_flat_rate(pesantren, 15000)
    first = make_product(pesantren, num_in_stock=100)
    second = make_product(pesantren, num_in_stock=100)
    baskets = [
        make_basket((first, 1), (second, 1))
        if i % 2
        else make_basket((second, 1), (first, 1))
        for i in range(8)
    ]

    results = run_concurrently(
        *[lambda basket=basket: place_order(basket) for basket in baskets]
    )

    assert [type(result).__name__ for result in results] == ["PlacedOrder"] * 8
    assert Order.objects.count() == 8
    assert list(
        StockRecord.objects.filter(product__in=[first, second])
        .order_by("pk")
        .values_list("num_allocated", flat=True)
    ) == [8, 8]


def test_two_identical_submits_at_once_give_one_order():
    pesantren = PesantrenFactory()
    give_flat_rate(pesantren, 15000)
    basket = make_basket((make_product(pesantren, num_in_stock=5), 2))

    results = run_concurrently(lambda: place_order(basket), lambda: place_order(basket))

    assert sorted(result.is_new for result in results) == [False, True]
    assert results[0].order.pk == results[1].order.pk
    assert Order.objects.count() == 1
    assert StockRecord.objects.get().num_allocated == 2


def test_stock_rows_held_too_long_fail_fast_with_nothing_written(settings):
    # Given another transaction holding the product's stock row
    settings.MARKETPLACE_CHECKOUT_LOCK_TIMEOUT_MS = 200
    pesantren = PesantrenFactory()
    give_flat_rate(pesantren, 15000)
    product = make_product(pesantren, num_in_stock=5)
    basket = make_basket((product, 1))
    holding, release = threading.Event(), threading.Event()

    def hold_the_row():
        with transaction.atomic():
            StockRecord.objects.select_for_update().get(product=product)
            holding.set()
            release.wait(10)

    def place_after_the_hold():
        holding.wait(10)
        started = time.monotonic()
        try:
            return place_order(basket)
        except CheckoutBusy as busy:
            return busy, time.monotonic() - started
        finally:
            release.set()

    _held, (busy, waited) = run_concurrently(hold_the_row, place_after_the_hold)

    assert isinstance(busy, CheckoutBusy)
    assert waited < 1.5
    assert Order.objects.count() == 0
    assert StockRecord.objects.get(product=product).num_allocated is None
