"""The notification endpoint on its own: the signed example bodies of
reference/midtrans.md section 7 and their negative vectors."""

import hashlib
import json

import pytest
from django.test import Client

from marketplace.payments.models import PaymentNotification
from marketplace.payments.signature import compute_signature, is_signature_valid
from tests.fakes.midtrans import SERVER_KEY

pytestmark = pytest.mark.django_db
URL = "/payments/midtrans/notification/"

VA_SETTLEMENT = {
    "va_numbers": [{"va_number": "12345678901234567", "bank": "bca"}],
    "transaction_time": "2025-06-14 09:12:40",
    "transaction_status": "settlement",
    "transaction_id": "0b6f3a1e-6d2c-4e8a-9a51-2f1d7c9e4b10",
    "status_message": "midtrans payment notification",
    "status_code": "200",
    "signature_key": "a3a1aff58ecb0923c00c313142e06287b823d517afa627a155ca192b64eb4d21ffe1306e5e403aca966850143517175d1f9de4d39f725a04e0d8986efc039b39",
    "settlement_time": "2025-06-14 09:47:05",
    "payment_type": "bank_transfer",
    "payment_amounts": [],
    "order_id": "PSN-20250614-000123",
    "merchant_id": "G000000001",
    "gross_amount": "275000.00",
    "fraud_status": "accept",
    "expiry_time": "2025-06-15 09:12:40",
    "currency": "IDR",
    "custom_field1": "checkout-7f3c2a",
}


@pytest.fixture(autouse=True)
def midtrans_key(settings):
    settings.MARKETPLACE_PAYMENT_GATEWAY = "midtrans"
    settings.MIDTRANS_SERVER_KEY = SERVER_KEY


def post(body, path=URL, client=None):
    client = client or Client(enforce_csrf_checks=True)
    raw = body if isinstance(body, str) else json.dumps(body)
    return client.post(path, data=raw, content_type="application/json")


def test_the_documented_signatures_verify():
    assert is_signature_valid(VA_SETTLEMENT, SERVER_KEY) is True
    assert compute_signature("PSN-20250614-000124", "200", "48500.00", SERVER_KEY) == (
        "46d7d98b45bef0ccc13cf781013582b53d6105c8b61d34124413e24cdce51d8aa0dc7a234a5f82e7a8ba05662d21b944d63cb32134857d0e1a1bcf853eb923f8"
    )


@pytest.mark.parametrize(
    "change",
    [{"gross_amount": "275000"}, {"gross_amount": "275000.0"}, {"status_code": "201"}],
    ids=["amount-as-int", "amount-one-decimal", "other-status-code"],
)
def test_a_body_changed_after_signing_is_refused_and_recorded(change):
    response = post({**VA_SETTLEMENT, **change})

    assert response.status_code == 403
    assert list(
        PaymentNotification.objects.values_list(
            "is_signature_valid", "outcome", "provider_order_id"
        )
    ) == [(False, "rejected", "PSN-20250614-000123")]


def test_a_valid_notification_for_an_unknown_order_is_stored_and_answered_404():
    response = post(VA_SETTLEMENT)

    assert response.status_code == 404
    stored = PaymentNotification.objects.get()
    assert (stored.is_signature_valid, stored.outcome, stored.body) == (
        True,
        "unknown_order",
        json.dumps(VA_SETTLEMENT),
    )


def test_a_body_that_is_not_json_is_refused():
    response = post("settlement, trust me")

    assert response.status_code == 400
    assert list(PaymentNotification.objects.values_list("outcome", flat=True)) == [
        "malformed"
    ]


@pytest.mark.parametrize(
    ("raw", "status", "stored"),
    [
        (b'{"order_id": "KSN-1\x00", "status_code": "200"}', 400, ("malformed", "")),
        (
            b'{"order_id": "KSN-1\\u0000", "status_code": "200"}',
            403,
            ("rejected", "KSN-1\ufffd"),
        ),
        (b"[" * 100_000 + b"]" * 100_000, 400, ("malformed", "")),
        (b"order_id=KSN-1&status_code=200", 400, ("malformed", "")),
    ],
    ids=["nul-byte", "escaped-nul", "deeply-nested", "form-encoded"],
)
def test_a_garbled_body_is_refused_and_recorded_instead_of_failing(raw, status, stored):
    # Given a body no gateway sends (PostgreSQL cannot store NUL; a deep
    # nesting exhausts the JSON parser)
    client = Client(raise_request_exception=False)

    # When it is posted as a notification
    response = client.post(URL, data=raw, content_type="application/json")

    # Then it is refused and kept for the audit, not answered with an error page
    assert response.status_code == status
    assert list(
        PaymentNotification.objects.values_list(
            "outcome", "provider_order_id", "is_signature_valid"
        )
    ) == [(*stored, False)]


def test_a_large_forged_body_is_stored_only_in_part():
    # Given a forged notification of 2 MB (under Django's upload limit)
    forged = json.dumps(
        {**VA_SETTLEMENT, "signature_key": "0" * 128, "padding": "x" * 2_000_000}
    )

    # When it is posted, as anyone may
    response = post(forged)

    # Then the audit row keeps its start and its hash, not 2 MB per request
    stored = PaymentNotification.objects.get()
    assert response.status_code == 403
    assert (len(stored.body), stored.body_sha256) == (
        16_384,
        hashlib.sha256(forged.encode()).hexdigest(),
    )
    assert stored.body == forged[:16_384]


def test_the_endpoint_takes_posts_without_csrf_and_without_redirecting():
    without_slash = post(VA_SETTLEMENT, path=URL.rstrip("/"))
    get = Client().get(URL)

    assert without_slash.status_code == 404  # answered, not redirected
    assert get.status_code == 405
    assert PaymentNotification.objects.get().times_received == 1


def test_exact_repeats_share_one_row_and_count_deliveries():
    for _ in range(3):
        post(VA_SETTLEMENT)

    assert list(
        PaymentNotification.objects.values_list("times_received", flat=True)
    ) == [3]


def test_other_pages_still_require_a_csrf_token(client):
    strict = Client(enforce_csrf_checks=True)

    response = strict.post("/basket/add/1/", {"quantity": 1})

    assert response.status_code == 403
