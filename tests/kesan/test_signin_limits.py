"""Guessing passwords: an e-mail address is paused after five wrong ones from
one address (django-axes), everyone else still signs in."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN_URL = "/accounts/login/"
PASSWORD = "test-password-123"


def sign_in(client, email, password, address="10.0.0.1"):
    return client.post(
        LOGIN_URL,
        {"login-username": email, "login-password": password, "login_submit": "1"},
        REMOTE_ADDR=address,
    )


def test_five_wrong_passwords_pause_the_account_from_that_address(client, settings):
    settings.LANGUAGE_CODE = "id"
    user = UserFactory(email="santri@contoh.test")
    settings.AXES_FAILURE_LIMIT = 5

    wrong = [sign_in(client, user.email, "salah").status_code for _ in range(5)]
    refused = sign_in(client, "Santri@Contoh.test", PASSWORD)

    # Oscar shows the form again for each wrong password; the sixth try is
    # refused even with the right one, in Indonesian.
    assert wrong == [200, 200, 200, 200, 429]
    assert refused.status_code == 429
    page = refused.content.decode()
    assert "Terlalu banyak percobaan masuk" in page
    assert "15 menit" in page
    assert "_auth_user_id" not in client.session
    attempt = AccessAttempt.objects.get()
    assert (attempt.username, attempt.ip_address) == ("santri@contoh.test", "10.0.0.1")
    assert "salah" not in str(attempt.post_data)


def test_the_same_account_from_elsewhere_and_other_accounts_still_sign_in(
    client, settings
):
    settings.AXES_FAILURE_LIMIT = 3
    target = UserFactory(email="santri@contoh.test")
    other = UserFactory(email="pembeli@contoh.test")
    for _ in range(3):
        sign_in(client, target.email, "salah")

    other_here = sign_in(client, other.email, PASSWORD)
    client.logout()
    target_elsewhere = sign_in(client, target.email, PASSWORD, address="10.0.0.2")

    assert other_here.status_code == 302
    assert target_elsewhere.status_code == 302


def test_the_pause_ends_after_the_cool_off(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    user = UserFactory(email="santri@contoh.test")
    for _ in range(3):
        sign_in(client, user.email, "salah")
    assert sign_in(client, user.email, PASSWORD).status_code == 429

    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time
        - settings.AXES_COOLOFF_TIME
        - timedelta(seconds=1)
    )

    assert sign_in(client, user.email, PASSWORD).status_code == 302


def test_a_successful_sign_in_clears_the_count(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    user = UserFactory(email="santri@contoh.test")
    sign_in(client, user.email, "salah")
    sign_in(client, user.email, "salah")

    assert sign_in(client, user.email, PASSWORD).status_code == 302
    client.logout()
    sign_in(client, user.email, "salah")
    sign_in(client, user.email, "salah")
    assert sign_in(client, user.email, PASSWORD).status_code == 302


def test_django_admin_sign_in_is_counted_too(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    admin = UserFactory(email="admin@kesan.test", username="admin", is_staff=True)
    for _ in range(3):
        client.post(
            "/admin/login/", {"username": "admin", "password": "salah"},
            REMOTE_ADDR="10.0.0.9",
        )

    response = client.post(
        "/admin/login/", {"username": "admin", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.9",
    )

    assert response.status_code == 429
    # Counted under the account's e-mail, whichever name was typed.
    assert AccessAttempt.objects.get().username == admin.email


def test_behind_the_proxy_the_address_it_saw_counts_not_what_the_client_wrote(
    client, settings
):
    settings.AXES_FAILURE_LIMIT = 2
    settings.BEHIND_TLS_PROXY = True
    user = UserFactory(email="santri@contoh.test")
    for forged in ("1.1.1.1", "2.2.2.2"):
        client.post(
            LOGIN_URL,
            {"login-username": user.email, "login-password": "salah", "login_submit": "1"},
            REMOTE_ADDR="172.18.0.5",
            HTTP_X_FORWARDED_FOR=f"{forged}, 203.0.113.7",
            secure=True,
        )

    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == [
        "203.0.113.7"
    ]
