"""seed_demo gives every demo pesantren a usable seller dashboard."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from marketplace.roles import ADMIN_GROUP_NAME
from pesantren.models import Membership, Pesantren

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english", "media_root")]


@pytest.fixture
def seeded():
    call_command("seed_demo", stdout=io.StringIO())


def test_each_demo_owner_opens_a_dashboard_of_their_own_products(client, seeded):
    for pesantren in Pesantren.objects.all():
        owner = Membership.objects.get(pesantren=pesantren, role="owner").user
        client.force_login(owner)

        response = client.get("/seller/products/")

        assert response.status_code == 200
        assert response.context["pesantren"] == pesantren
        listed = {p.pk for p in response.context["paginator"].object_list}
        assert listed == set(
            pesantren.partner.stockrecords.values_list("product_id", flat=True)
        )


def test_the_demo_has_a_santri_seller_and_a_curator(seeded):
    santri = Membership.objects.get(user__email="santri@al-hikmah-darussalam.kesan.test")
    curator = get_user_model().objects.get(email="kurator@kesan.test")

    assert (santri.role, santri.pesantren.slug) == ("staff", "al-hikmah-darussalam")
    assert santri.user.is_staff is False
    assert (curator.is_staff, curator.is_superuser) == (True, False)
    assert list(curator.groups.values_list("name", flat=True)) == [ADMIN_GROUP_NAME]


def test_seeding_twice_changes_nothing(seeded):
    counts = (Pesantren.objects.count(), Membership.objects.count())

    call_command("seed_demo", stdout=io.StringIO())

    assert (Pesantren.objects.count(), Membership.objects.count()) == counts
