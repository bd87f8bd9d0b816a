"""Owners invite santri sellers by e-mail; an invitee joins with the staff role."""

import re

import pytest
from django.core import mail, signing
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext

from pesantren import services
from pesantren.models import Invitation, Membership, Pesantren
from tests.factories import PesantrenFactory, UserFactory, make_member

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def owner():
    return make_member(
        PesantrenFactory(name="Al-Hikmah"), email="pemilik@alhikmah.test"
    )


@pytest.fixture
def pesantren(owner):
    return owner.memberships.get().pesantren


def invite(pesantren, owner, email, capture):
    with capture(execute=True):
        return services.invite_member(pesantren, invited_by=owner, email=email)


def link_path(message):
    return re.search(
        r"http://127\.0\.0\.1:8000(/join/invitation/\S+/)", message.body
    ).group(1)


def test_invitation_emails_a_signed_link(
    pesantren, owner, django_capture_on_commit_callbacks
):
    invitation = invite(
        pesantren, owner, " Santri@Contoh.ID ", django_capture_on_commit_callbacks
    )

    assert (invitation.email, invitation.role, invitation.status) == (
        "santri@contoh.id",
        "staff",
        "pending",
    )
    assert [m.to for m in mail.outbox] == [["santri@contoh.id"]]
    # E-mails go out in Indonesian, the language of the site.
    with translation.override("id"):
        expected = gettext("Join the shop of %(name)s on KESAN") % {"name": "Al-Hikmah"}
    assert mail.outbox[0].subject == expected
    token = link_path(mail.outbox[0]).split("/")[-2]
    assert services.invitation_from_token(token) == invitation


def test_an_apostrophe_in_the_name_reaches_the_email_as_typed(
    pesantren, owner, django_capture_on_commit_callbacks
):
    # Ma'had, Qur'an, Ma'arif: apostrophes are common in pesantren names
    pesantren.name = "Ma'had Al-Qur'an & Tahfidz"
    pesantren.save()

    invite(pesantren, owner, "santri@contoh.id", django_capture_on_commit_callbacks)

    # (the e-mail is in Indonesian, the site's language)
    assert mail.outbox[0].subject == (
        "Bergabunglah dengan toko Ma'had Al-Qur'an & Tahfidz di KESAN"
    )
    assert "&#x27;" not in mail.outbox[0].body
    assert "Ma'had Al-Qur'an & Tahfidz" in mail.outbox[0].body


def test_inviting_the_same_address_twice_resends_the_open_invitation(
    pesantren, owner, django_capture_on_commit_callbacks
):
    first = invite(
        pesantren, owner, "santri@contoh.id", django_capture_on_commit_callbacks
    )
    second = invite(
        pesantren, owner, "SANTRI@contoh.id", django_capture_on_commit_callbacks
    )

    assert second == first
    assert Invitation.objects.count() == 1
    assert len(mail.outbox) == 2


def test_a_pending_pesantren_cannot_invite():
    owner = make_member(PesantrenFactory(status=Pesantren.Status.PENDING))

    with pytest.raises(ValidationError) as refused:
        services.invite_member(
            owner.memberships.get().pesantren, invited_by=owner, email="a@b.test"
        )

    assert refused.value.messages == [
        "Staff can be invited once the pesantren is verified."
    ]
    assert Invitation.objects.count() == 0


def test_a_member_cannot_be_invited_again(pesantren, owner):
    with pytest.raises(ValidationError) as refused:
        services.invite_member(
            pesantren, invited_by=owner, email="PEMILIK@alhikmah.test"
        )

    assert refused.value.messages == ["pemilik@alhikmah.test is already a member."]


def test_invitee_accepts_and_becomes_staff_without_any_permission(
    client, pesantren, owner, django_capture_on_commit_callbacks
):
    invite(pesantren, owner, "santri@contoh.id", django_capture_on_commit_callbacks)
    santri = UserFactory(email="santri@contoh.id")
    client.force_login(santri)
    path = link_path(mail.outbox[0])

    page = client.get(path)
    response = client.post(path)

    assert "Join the shop of Al-Hikmah" in page.content.decode()
    assert response.status_code == 302
    membership = Membership.objects.get(user=santri)
    assert (membership.pesantren, membership.role) == (pesantren, Membership.Role.STAFF)
    invitation = Invitation.objects.get()
    assert (invitation.status, invitation.accepted_by) == ("accepted", santri)
    santri.refresh_from_db()
    assert santri.is_staff is False
    assert santri.get_all_permissions() == set()


def test_invitation_page_asks_a_visitor_to_sign_in_first(
    client, pesantren, owner, django_capture_on_commit_callbacks
):
    invite(pesantren, owner, "santri@contoh.id", django_capture_on_commit_callbacks)
    path = link_path(mail.outbox[0])

    page = client.get(path)
    response = client.post(path)

    assert (
        f'href="/accounts/login/?next={path.replace(":", "%3A")}"'
        in page.content.decode()
    )
    assert response.status_code == 302
    assert response.url == f"/accounts/login/?next={path}"
    assert Membership.objects.filter(role="staff").count() == 0


def test_invitation_cannot_be_accepted_from_another_address(
    client, pesantren, owner, django_capture_on_commit_callbacks
):
    invite(pesantren, owner, "santri@contoh.id", django_capture_on_commit_callbacks)
    client.force_login(UserFactory(email="orang-lain@contoh.id"))

    response = client.post(link_path(mail.outbox[0]))

    assert response.status_code == 200
    assert response.context["errors"] == [
        "This invitation was sent to santri@contoh.id. Sign in with that address to "
        "accept it."
    ]
    assert Membership.objects.filter(role="staff").count() == 0
    assert Invitation.objects.get().status == "pending"


def test_a_member_of_another_pesantren_cannot_accept(
    client, pesantren, owner, django_capture_on_commit_callbacks
):
    invite(pesantren, owner, "santri@contoh.id", django_capture_on_commit_callbacks)
    elsewhere = make_member(email="santri@contoh.id", role=Membership.Role.STAFF)
    client.force_login(elsewhere)

    response = client.post(link_path(mail.outbox[0]))

    assert response.context["errors"] == [
        "You already act for a pesantren; one account serves one pesantren."
    ]
    assert Membership.objects.get(user=elsewhere).pesantren != pesantren


def test_a_revoked_invitation_no_longer_works(
    client, pesantren, owner, django_capture_on_commit_callbacks
):
    invitation = invite(
        pesantren, owner, "santri@contoh.id", django_capture_on_commit_callbacks
    )
    services.revoke_invitation(invitation)
    client.force_login(UserFactory(email="santri@contoh.id"))

    response = client.post(link_path(mail.outbox[0]))

    assert response.context["errors"] == ["This invitation is no longer open."]
    assert Membership.objects.filter(role="staff").count() == 0


@pytest.mark.parametrize("token", ["forged", signing.dumps(1, salt="another-salt")])
def test_a_forged_link_is_not_found(client, token):
    assert client.get(f"/join/invitation/{token}/").status_code == 404


def test_an_expired_link_is_not_found(client, pesantren, owner, settings, monkeypatch):
    invitation = services.invite_member(
        pesantren, invited_by=owner, email="s@contoh.id"
    )
    token = services.invitation_token(invitation)
    monkeypatch.setattr(services, "INVITATION_MAX_AGE", -1)

    assert client.get(f"/join/invitation/{token}/").status_code == 404


def test_owner_is_never_removed(pesantren, owner):
    with pytest.raises(ValidationError) as refused:
        services.remove_member(owner.memberships.get(), removed_by=owner)

    assert refused.value.messages == ["An owner cannot be removed here."]
    assert Membership.objects.filter(user=owner).count() == 1
