"""A NUL character in a URL is a bad request, never a server error.

PostgreSQL refuses NUL in any query, so these URLs used to end in 500.
"""

import pytest
from django.test import Client

from tests.factories import PesantrenFactory, make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def seller_client():
    client = Client(raise_request_exception=False)
    client.force_login(make_member(PesantrenFactory()))
    return client


@pytest.mark.parametrize(
    "url",
    [
        "/search/?q=kopi%00",
        "/dakwah/cari/?q=%00",
        "/payments/finish/?order_id=KSN%00",
        "/seller/products/?q=%00",
        "/seller/products/?%00=1",
        "/orders/100001%00/",
        "/payments/simulator/KSN%00/",
    ],
)
def test_a_url_with_a_nul_character_is_a_bad_request(seller_client, url):
    response = seller_client.get(url)

    assert response.status_code == 400


def test_the_same_urls_without_it_are_answered(seller_client):
    statuses = [
        seller_client.get(url).status_code
        for url in ("/search/?q=kopi", "/dakwah/cari/?q=puasa", "/seller/products/?q=a")
    ]

    assert statuses == [200, 200, 200]
