"""Expiry of certificates: reminders 30 and 7 days before, once each; on
expiry the product is hidden, the owners told, and it cannot be published
again until a valid certificate is there."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from marketplace.compliance import tasks
from marketplace.compliance.models import Certificate, CertificateNotice
from pesantren.models import Membership
from tests.factories import make_member, make_product
from tests.marketplace.compliance.conftest import HALAL
from tests.marketplace.seller.conftest import pdf_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def product(pesantren, tree, owner):
    make_member(pesantren, role=Membership.Role.STAFF, email="santri@alhikmah.test")
    return make_product(
        pesantren,
        title="Kopi Robusta",
        categories=[tree["coffee"]],
        is_public=True,
        weight_grams=250,
        halal_certificate_number=HALAL,
        pirt_number="2063517010001-29",
    )


def certificate_expiring_in(product, days, **fields):
    fields.setdefault("number", product.halal_certificate_number)
    return Certificate.objects.create(
        product=product,
        document="certificates/x.pdf",
        content_type="application/pdf",
        status="verified",
        date_verified=timezone.now(),
        expires_on=timezone.localdate() + timedelta(days=days),
        **fields,
    )


def run_beat(capture):
    with capture(execute=True):
        return tasks.check_certificate_expiry.delay().get()


def test_a_reminder_30_days_before_goes_once_to_the_owners(
    product, django_capture_on_commit_callbacks, english
):
    certificate = certificate_expiring_in(product, 30)

    first = run_beat(django_capture_on_commit_callbacks)
    second = run_beat(django_capture_on_commit_callbacks)

    assert (first["reminders"], second["reminders"]) == (1, 0)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["pemilik@alhikmah.test"]  # owners, not staff
    assert message.subject == "Sertifikat halal Kopi Robusta kedaluwarsa dalam 30 hari"
    assert HALAL in message.body
    assert f"/seller/products/{product.pk}/certificates/" in message.body
    notice = CertificateNotice.objects.get()
    assert (notice.certificate, notice.kind) == (certificate, "expires_30")
    assert notice.date_sent is not None
    product.refresh_from_db()
    assert product.is_public is True


def test_the_7_day_reminder_follows_the_30_day_one_once(
    product, django_capture_on_commit_callbacks, english
):
    certificate = certificate_expiring_in(product, 25)
    run_beat(django_capture_on_commit_callbacks)

    certificate.expires_on = timezone.localdate() + timedelta(days=7)
    certificate.save()
    run_beat(django_capture_on_commit_callbacks)
    run_beat(django_capture_on_commit_callbacks)

    assert [m.subject for m in mail.outbox] == [
        "Sertifikat halal Kopi Robusta kedaluwarsa dalam 30 hari",
        "Sertifikat halal Kopi Robusta kedaluwarsa dalam 7 hari",
    ]
    assert sorted(CertificateNotice.objects.values_list("kind", flat=True)) == [
        "expires_30",
        "expires_7",
    ]


def test_no_reminder_far_from_expiry_or_for_an_old_number(
    product, django_capture_on_commit_callbacks
):
    certificate_expiring_in(product, 31)
    certificate_expiring_in(product, 3, number="ID35110000000000001")

    assert run_beat(django_capture_on_commit_callbacks) == {"reminders": 0, "hidden": 0}
    assert mail.outbox == []


def test_on_expiry_the_product_is_hidden_and_the_owners_told_once(
    product, client, django_capture_on_commit_callbacks, english
):
    certificate_expiring_in(product, -1)

    first = run_beat(django_capture_on_commit_callbacks)
    second = run_beat(django_capture_on_commit_callbacks)

    assert (first["hidden"], second["hidden"]) == (1, 0)
    product.refresh_from_db()
    assert product.is_public is False
    assert client.get(product.get_absolute_url()).status_code == 404
    assert [m.subject for m in mail.outbox] == [
        "Kopi Robusta disembunyikan: sertifikat halalnya kedaluwarsa"
    ]


def test_a_certificate_valid_through_today_is_not_expired(
    product, django_capture_on_commit_callbacks
):
    certificate_expiring_in(product, 0)

    run_beat(django_capture_on_commit_callbacks)

    product.refresh_from_db()
    assert product.is_public is True


def test_an_expired_product_waits_for_a_new_certificate(
    seller, product, django_capture_on_commit_callbacks, english
):
    certificate_expiring_in(product, -1)
    run_beat(django_capture_on_commit_callbacks)

    refused = seller.post(f"/seller/products/{product.pk}/publish/", follow=True)
    product.refresh_from_db()
    assert product.is_public is False
    assert "The halal certificate has expired: upload the new one" in (
        refused.content.decode()
    )
    listed = seller.get("/seller/products/?status=incomplete")
    assert [p.pk for p in listed.context["products"]] == [product.pk]

    seller.post(
        f"/seller/products/{product.pk}/certificates/",
        {"document": pdf_file(), "expires_on": "2031-01-01"},
    )
    published = seller.post(f"/seller/products/{product.pk}/publish/")

    product.refresh_from_db()
    assert published.status_code == 302
    assert product.is_public is True


def test_a_newer_certificate_stops_reminders_and_expiry(
    product, django_capture_on_commit_callbacks
):
    certificate_expiring_in(product, -1)
    certificate_expiring_in(product, 300)

    assert run_beat(django_capture_on_commit_callbacks) == {"reminders": 0, "hidden": 0}
    product.refresh_from_db()
    assert product.is_public is True


def test_a_failed_send_is_retried_by_the_next_beat(
    product, django_capture_on_commit_callbacks, monkeypatch
):
    certificate_expiring_in(product, 6)
    calls = []

    def broken(*args, **kwargs):
        calls.append(args)
        raise OSError("smtp down")

    monkeypatch.setattr("marketplace.compliance.emails.send_mail", broken)
    # The task's failure is logged and retried; the notice stays unsent
    run_beat(django_capture_on_commit_callbacks)
    notice = CertificateNotice.objects.get()
    assert len(calls) == 1
    assert notice.date_sent is None
    monkeypatch.undo()

    CertificateNotice.objects.update(date_queued=timezone.now() - timedelta(hours=1))
    run_beat(django_capture_on_commit_callbacks)

    notice.refresh_from_db()
    assert notice.date_sent is not None
    assert len(mail.outbox) == 1
