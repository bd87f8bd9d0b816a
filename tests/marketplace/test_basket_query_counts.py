"""Query counts of the basket page with two pesantren of two products each.

The shipping quote costs three queries per pesantren (its rates, their
weight bands, its pickup profile) once the destination is known. The
strategy reads which product classes track stock once per request, not per
line (forks/partner/strategy.py).
"""

from decimal import Decimal

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from marketplace.addresses import apply_region, indonesia
from tests.factories import (
    DEPOK_POSTCODE,
    DEPOK_VILLAGE,
    PesantrenFactory,
    UserFactory,
    give_flat_rate,
    make_product,
)

pytestmark = pytest.mark.django_db
UserAddress = get_model("address", "UserAddress")


def fill(client):
    for fee in (15000, 20000):
        pesantren = PesantrenFactory()
        give_flat_rate(pesantren, fee)
        for _ in range(2):
            product = make_product(pesantren, price=Decimal("10000"))
            client.post(reverse("basket:add", args=[product.pk]), {"quantity": 1})


def test_basket_page_of_a_visitor(client, django_assert_num_queries):
    fill(client)

    with django_assert_num_queries(20):
        response = client.get(reverse("basket:summary"))

    assert response.status_code == 200


def test_basket_page_of_a_buyer_with_an_address(client, django_assert_num_queries):
    user = UserFactory()
    address = UserAddress(
        user=user,
        first_name="Siti",
        line1="Jl. 1",
        postcode=DEPOK_POSTCODE,
        country=indonesia(),
        is_default_for_shipping=True,
    )
    apply_region(address, DEPOK_VILLAGE)
    address.save()
    client.force_login(user)
    fill(client)

    with django_assert_num_queries(31):
        response = client.get(reverse("basket:summary"))

    assert response.status_code == 200
