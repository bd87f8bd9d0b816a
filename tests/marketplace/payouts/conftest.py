"""Fixtures of the payout tests: Alfa with money available, its members."""

import pytest

from marketplace.fulfilment.services import confirm_received, ship_part
from pesantren.models import Membership
from tests.factories import make_member, pay_order
from tests.marketplace.ledger.conftest import (  # noqa: F401 (fixtures)
    clock,
    order_and_parts,
    platform_fee_percent,
)


@pytest.fixture
def alfa_available(order_and_parts):
    """Alfa's part paid, shipped and received: Rp115.000 available."""
    order, alfa, beta, alfa_part, beta_part = order_and_parts
    pay_order(order)
    ship_part(alfa, alfa_part.pk, None, "JNE", "JNE0001")
    confirm_received(order, alfa_part.pk, None)
    return order, alfa, beta, alfa_part, beta_part


@pytest.fixture
def alfa_owner(order_and_parts):
    alfa = order_and_parts[1]
    user = make_member(alfa, role=Membership.Role.OWNER, email="pemilik@alfa.test")
    return user.memberships.get()


def member_of(pesantren, role, email):
    return make_member(pesantren, role=role, email=email).memberships.get()
