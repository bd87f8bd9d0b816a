"""Operators read the ledger in Django admin and cannot edit it."""

import pytest

from marketplace.ledger.models import LedgerTransaction
from tests.factories import UserFactory, pay_order

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_admin_shows_a_transaction_with_its_entries_read_only(
    order_and_parts, admin_client
):
    order, _alfa, _beta, alfa_part, _beta_part = order_and_parts
    pay_order(order)
    posted = LedgerTransaction.objects.get(key=f"order-paid:{alfa_part.pk}")

    listing = admin_client.get("/admin/marketplace/ledgertransaction/")
    detail = admin_client.get(
        f"/admin/marketplace/ledgertransaction/{posted.pk}/change/"
    )
    edit = admin_client.post(
        f"/admin/marketplace/ledgertransaction/{posted.pk}/change/",
        {"key": "diubah", "kind": "payout"},
    )

    assert listing.status_code == 200
    assert f"order-paid:{alfa_part.pk}" in listing.content.decode()
    assert detail.status_code == 200
    assert "115000" in detail.content.decode()
    assert edit.status_code == 403
    assert LedgerTransaction.objects.get(pk=posted.pk).key == posted.key
    assert admin_client.get("/admin/marketplace/ledgeraccount/").status_code == 200
