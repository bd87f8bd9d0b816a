"""Who may open the seller dashboard, and what staff may not see."""

import pytest
from django.core import mail

from pesantren.models import Invitation, Membership
from tests.factories import UserFactory, make_member

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def staff(pesantren):
    return make_member(
        pesantren, role=Membership.Role.STAFF, email="santri@alhikmah.test"
    )


def test_visitor_is_sent_to_sign_in(client):
    response = client.get("/seller/products/")

    assert response.status_code == 302
    assert response.url == "/accounts/login/?next=/seller/products/"


def test_signed_in_user_without_a_pesantren_is_sent_to_apply(client):
    client.force_login(UserFactory())

    response = client.get("/seller/")

    assert response.status_code == 302
    assert response.url == "/join/"


def test_header_links_my_shop_for_members_only(client, owner):
    client.force_login(UserFactory())
    buyer_page = client.get("/").content.decode()
    client.force_login(owner)
    seller_page = client.get("/").content.decode()

    assert '<a href="/seller/">My shop</a>' not in buyer_page
    assert '<a href="/seller/">My shop</a>' in seller_page


@pytest.mark.parametrize("path", ["/seller/members/"])
def test_staff_cannot_open_the_members_page(client, staff, path):
    client.force_login(staff)

    assert client.get(path).status_code == 403
    assert client.post(path, {"email": "baru@contoh.test"}).status_code == 403
    assert Invitation.objects.count() == 0


def test_staff_cannot_remove_a_member(client, staff, owner):
    client.force_login(staff)
    membership = owner.memberships.get()

    response = client.post(f"/seller/members/{membership.pk}/remove/")

    assert response.status_code == 403
    assert Membership.objects.count() == 2


def test_staff_sees_the_profile_without_bank_details_or_members(
    client, staff, pesantren
):
    client.force_login(staff)

    html = client.get("/seller/profile/").content.decode()
    overview = client.get("/seller/").content.decode()

    assert pesantren.legal_entity_name in html
    assert pesantren.bank_account_number not in html
    assert pesantren.tax_number not in html
    assert 'href="/seller/members/"' not in overview


def test_owner_sees_bank_details(seller, pesantren):
    html = seller.get("/seller/profile/").content.decode()

    assert f"<dd>{pesantren.bank_account_number}</dd>" in html
    assert "Bank Syariah Indonesia (BSI)" in html


def test_owner_invites_a_santri_from_the_members_page(
    seller, pesantren, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = seller.post("/seller/members/", {"email": "Santri.Baru@contoh.test"})

    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert (invitation.pesantren, invitation.email) == (
        pesantren,
        "santri.baru@contoh.test",
    )
    assert [m.to for m in mail.outbox] == [["santri.baru@contoh.test"]]


def test_a_refused_invitation_keeps_the_address(seller, owner):
    response = seller.post("/seller/members/", {"email": "PEMILIK@alhikmah.test"})

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "email": ["pemilik@alhikmah.test is already a member."]
    }
    assert 'value="PEMILIK@alhikmah.test"' in response.content.decode()


def test_owner_removes_staff_and_cancels_an_invitation(seller, staff, pesantren, owner):
    invitation = Invitation.objects.create(
        pesantren=pesantren, email="a@b.test", invited_by=owner
    )

    removed = seller.post(f"/seller/members/{staff.memberships.get().pk}/remove/")
    revoked = seller.post(f"/seller/invitations/{invitation.pk}/revoke/")

    assert (removed.status_code, revoked.status_code) == (302, 302)
    assert list(Membership.objects.values_list("user", flat=True)) == [owner.pk]
    invitation.refresh_from_db()
    assert invitation.status == "revoked"


def test_overview_counts_and_lists_what_needs_attention(seller, pesantren, coffee):
    from tests.factories import make_product

    complete = make_product(pesantren, title="Sarung", num_in_stock=20)
    complete.images.create(original="images/sarung.jpg")
    no_weight = make_product(pesantren, title="Kopi", weight_grams=None, num_in_stock=2)
    no_weight.categories.add(coffee)
    make_product(pesantren, title="Peci", num_in_stock=0, is_public=False)

    response = seller.get("/seller/")

    counts = response.context["counts"]
    assert (
        counts["total"],
        counts["published"],
        counts["out_of_stock"],
        counts["low_stock"],
    ) == (3, 2, 1, 1)
    assert [(gap.code, count) for gap, count in response.context["gaps"]] == [
        ("weight", 1),
        ("category", 3 - 1),
        ("halal", 1),
        ("food_registration", 1),
        ("photo", 2),
    ]
    assert [p.title for p in response.context["low_stock"]] == ["Peci", "Kopi"]
    html = response.content.decode()
    assert "1 product: Add the packed weight, for shipping costs" in html
    assert "Orders to process" in html
