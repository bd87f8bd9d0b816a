"""/join/ under races and odd input, and the sign-in pause (django-axes) as an
attacker would use it."""

import re

import pytest
from django.core.exceptions import ValidationError

from pesantren import services
from pesantren.models import Membership, Pesantren
from tests.concurrency import run_concurrently
from tests.factories import PesantrenFactory, UserFactory, make_member
from tests.kesan.test_signin_limits import PASSWORD, sign_in
from tests.pesantren.test_application import application


def service_fields(**changes):
    return {
        key: value
        for key, value in application(**changes).items()
        if key not in {"nib", "tax_number", "whatsapp_number", "bank_account_number"}
    }


@pytest.mark.django_db(transaction=True)
def test_applying_while_accepting_an_invitation_leaves_one_membership_and_no_orphan():
    owner = make_member(
        PesantrenFactory(name="Al-Hikmah"), email="pemilik@alhikmah.test"
    )
    other = owner.memberships.get().pesantren
    user = UserFactory(email="santri@contoh.test")
    invitation = services.invite_member(other, invited_by=owner, email=user.email)

    results = run_concurrently(
        lambda: services.submit_application(applicant=user, **service_fields()),
        lambda: services.accept_invitation(invitation, user),
    )

    assert Membership.objects.filter(user=user).count() == 1
    # The loser is refused with a message, not a database error (HTTP 500),
    # and no pesantren is left without an owner.
    losers = [r for r in results if isinstance(r, BaseException)]
    assert len(losers) == 1 and isinstance(losers[0], ValidationError), results
    assert not Pesantren.objects.exclude(memberships__isnull=False).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "separator", ["\r", "\u2028", "\x85", "\x0b", "\x1c", "\u2029"]
)
def test_every_kind_of_line_break_in_a_one_line_field_becomes_a_space(
    client, separator
):
    user = UserFactory()
    client.force_login(user)

    response = client.post(
        "/join/",
        application(
            name=f"Pesantren{separator}Darul Ulum",
            bank_account_holder=f"Yayasan{separator}Bcc: x@y.test",
            legal_entity_name=f"Kopontren{separator}Darul",
        ),
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    pesantren = Pesantren.objects.get()
    for value in (
        pesantren.name,
        pesantren.bank_account_holder,
        pesantren.legal_entity_name,
        pesantren.partner.name,
    ):
        assert value.splitlines() == [value], repr(value)


@pytest.mark.django_db
def test_a_pause_does_not_tell_an_account_that_exists_from_one_that_does_not(
    client, settings
):
    settings.AXES_FAILURE_LIMIT = 3
    UserFactory(email="ada@contoh.test")

    real = [sign_in(client, "ada@contoh.test", "salah", "10.0.0.7") for _ in range(4)]
    fake = [sign_in(client, "tidak@contoh.test", "salah", "10.0.0.8") for _ in range(4)]

    assert [r.status_code for r in real] == [r.status_code for r in fake]

    def page(response):
        # The CSRF token differs per request, nothing else may.
        return re.sub(rb'value="[A-Za-z0-9]{64}"', b"", response.content)

    assert [r.status_code for r in real] == [200, 200, 429, 429]
    assert page(real[-1]) == page(fake[-1])
    assert page(real[0]).replace(b"ada@", b"X@") == page(fake[0]).replace(
        b"tidak@", b"X@"
    )


@pytest.mark.django_db
def test_spaces_case_and_admin_username_do_not_give_an_attacker_fresh_tries(
    client, settings
):
    settings.AXES_FAILURE_LIMIT = 4
    user = UserFactory(email="santri@contoh.test")

    for typed in ("santri@contoh.test", " SANTRI@contoh.test ", "Santri@Contoh.Test"):
        sign_in(client, typed, "salah", "10.0.0.9")
    client.post(
        "/admin/login/",
        {"username": user.username, "password": "salah"},
        REMOTE_ADDR="10.0.0.9",
    )

    assert (
        sign_in(client, "santri@contoh.test", PASSWORD, "10.0.0.9").status_code == 429
    )
    # From another address the owner still signs in.
    assert (
        sign_in(client, "santri@contoh.test", PASSWORD, "10.0.0.10").status_code == 302
    )


@pytest.mark.django_db
def test_rotating_addresses_of_one_ipv6_network_does_not_give_fresh_tries(
    client, settings
):
    # Every home line gets a whole /64: its addresses are one client.
    settings.AXES_FAILURE_LIMIT = 3
    UserFactory(email="santri@contoh.test")

    codes = [
        sign_in(
            client, "santri@contoh.test", "salah", f"2001:db8:1:2::{n:x}"
        ).status_code
        for n in range(1, 5)
    ]
    other_network = sign_in(client, "santri@contoh.test", PASSWORD, "2001:db8:9:9::1")

    assert codes[-1] == 429
    assert other_network.status_code == 302
