"""Fixtures of the ledger tests: a paid-for order of two pesantren, and a clock."""

from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from django.db.models import Sum
from django.utils import timezone

from marketplace.ledger.models import LedgerTransaction
from tests.factories import (
    PesantrenFactory,
    give_flat_rate,
    make_basket,
    make_product,
    place_order,
)


@pytest.fixture
def platform_fee_percent():
    """The marketplace's default fee when the order is placed; a test
    parametrizes it (``@pytest.mark.parametrize("platform_fee_percent", ...)``)."""
    return "0"


@pytest.fixture
def order_and_parts(db, settings, platform_fee_percent):
    """Alfa's part: 2 × Rp50.000 + Rp15.000 shipping; Beta's: Rp40.000 + Rp20.000.

    Placed with the fee ``platform_fee_percent``, fixed on the parts then.
    """
    settings.MARKETPLACE_PLATFORM_FEE_PERCENT = platform_fee_percent
    alfa = PesantrenFactory(name="Pesantren Alfa", slug="alfa")
    beta = PesantrenFactory(name="Pesantren Beta", slug="beta")
    give_flat_rate(alfa, 15000)
    give_flat_rate(beta, 20000)
    kopi = make_product(alfa, price=Decimal("50000"), num_in_stock=5, title="Kopi")
    madu = make_product(beta, price=Decimal("40000"), num_in_stock=5, title="Madu")
    order = place_order(make_basket((kopi, 2), (madu, 1))).order
    part = {group.pesantren.slug: group for group in order.fulfilment_groups.all()}
    return order, alfa, beta, part["alfa"], part["beta"]


class Clock:
    """``timezone.now`` as the test sets it, moved forward by ``advance``."""

    def __init__(self, start):
        self.now = start

    def __call__(self):
        return self.now

    def advance(self, **delta):
        self.now += timedelta(**delta)


@pytest.fixture
def clock(monkeypatch):
    clock = Clock(datetime(2026, 12, 1, 9, 0, tzinfo=timezone.get_current_timezone()))
    monkeypatch.setattr(timezone, "now", clock)
    return clock


def unbalanced_transactions():
    """Keys of transactions whose entries do not sum to zero (should be none)."""
    return list(
        LedgerTransaction.objects.annotate(total=Sum("entries__amount"))
        .exclude(total=0)
        .values_list("key", flat=True)
    )
