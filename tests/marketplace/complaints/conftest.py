"""Fixtures of the complaint tests: a paid order of two pesantren placed by a
signed-up buyer with a 10% fee and a 3-day khiyar, a clock, private photos."""

import io
from decimal import Decimal

import pytest
from PIL import Image

from marketplace.ledger.models import LedgerTransaction
from pesantren.models import Membership
from tests.factories import (
    PesantrenFactory,
    UserFactory,
    give_flat_rate,
    make_basket,
    make_member,
    make_product,
    pay_order,
    place_order,
)
from tests.marketplace.ledger.conftest import (  # noqa: F401 (shared fixtures)
    clock,
    unbalanced_transactions,
)


@pytest.fixture
def private_root(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.PRIVATE_MEDIA_ROOT


class Shop:
    """The order and its people: ``alfa_part`` is 2 × Rp50.000 + Rp15.000
    shipping (fee Rp10.000, net Rp105.000); ``beta_part`` Rp40.000 + Rp20.000."""

    def __init__(self, payment_type="bank_transfer"):
        self.buyer = UserFactory(email="pembeli@example.test")
        self.alfa = PesantrenFactory(name="Pesantren Alfa", slug="alfa")
        self.beta = PesantrenFactory(name="Pesantren Beta", slug="beta")
        self.alfa_owner = make_member(self.alfa, email="pemilik@alfa.test")
        self.alfa_staff = make_member(
            self.alfa, role=Membership.Role.STAFF, email="santri@alfa.test"
        )
        self.beta_owner = make_member(self.beta, email="pemilik@beta.test")
        give_flat_rate(self.alfa, 15000)
        give_flat_rate(self.beta, 20000)
        kopi = make_product(self.alfa, price=Decimal(50000), title="Kopi")
        madu = make_product(self.beta, price=Decimal(40000), title="Madu")
        self.order = place_order(
            make_basket((kopi, 2), (madu, 1)), user=self.buyer, language="en"
        ).order
        self.attempt = pay_order(self.order, payment_type=payment_type)
        parts = {g.pesantren.slug: g for g in self.order.fulfilment_groups.all()}
        self.alfa_part, self.beta_part = parts["alfa"], parts["beta"]


@pytest.fixture
def shop(db, settings, private_root):
    settings.MARKETPLACE_PLATFORM_FEE_PERCENT = "10"
    settings.MARKETPLACE_KHIYAR_DAYS = 3
    return Shop()


def photo(name="rusak.jpg", size=(800, 600), colour=(200, 120, 40), **save):
    """An uploadable JPEG made with Pillow; ``exif`` bytes may be given."""
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "JPEG", **save)
    buffer.seek(0)
    buffer.name = name
    return buffer


def entries_of(key):
    """The entries of transaction ``key`` as {account kind: amount}."""
    transaction = LedgerTransaction.objects.get(key=key)
    return {
        entry.account.kind: entry.amount
        for entry in transaction.entries.select_related("account")
    }
