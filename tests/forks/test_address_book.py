"""The buyer's address book uses the Indonesian form too."""

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from tests.factories import UserFactory
from tests.forks.checkout.helpers import ADDRESS

pytestmark = pytest.mark.django_db
UserAddress = get_model("address", "UserAddress")


def test_a_saved_address_keeps_its_desa_and_region_names(client):
    user = UserFactory()
    client.force_login(user)

    assert client.get(reverse("customer:address-create")).status_code == 200
    response = client.post(reverse("customer:address-create"), ADDRESS)

    assert response.status_code == 302
    address = UserAddress.objects.get(user=user)
    assert (
        address.village_code,
        address.line2,
        address.line3,
        address.line4,
        address.state,
    ) == (
        "32.76.01.1006",
        "Depok",
        "Kec. Pancoran Mas",
        "Kota Depok",
        "Jawa Barat",
    )
    assert str(address.phone_number) == "+6281234567890"
