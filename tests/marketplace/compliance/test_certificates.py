"""Sellers upload certificate documents; admins verify them; buyers see the
badge only for a verified, unexpired certificate of the current number."""

import io
from datetime import date, timedelta

import pytest
from django.utils import timezone
from PIL import Image

from marketplace.compliance.models import Certificate
from tests.factories import PesantrenFactory, UserFactory, make_member, make_product
from tests.marketplace.compliance.conftest import HALAL
from tests.marketplace.seller.conftest import pdf_file, photo

pytestmark = pytest.mark.django_db


@pytest.fixture
def product(pesantren, tree):
    return make_product(
        pesantren,
        title="Kopi Robusta",
        categories=[tree["coffee"]],
        is_public=True,
        halal_certificate_number=HALAL,
        pirt_number="2063517010001-29",
    )


def upload_url(product):
    return f"/seller/products/{product.pk}/certificates/"


def upload(client, product, document, **fields):
    return client.post(upload_url(product), {"document": document, **fields})


def test_the_seller_uploads_a_pdf_for_the_current_number(seller, owner, product):
    response = upload(seller, product, pdf_file(), expires_on="2030-03-31")

    assert response.status_code == 302
    certificate = Certificate.objects.get()
    assert (
        certificate.product,
        certificate.number,
        certificate.status,
        certificate.content_type,
        certificate.expires_on,
        certificate.uploaded_by,
    ) == (product, HALAL, "pending", "application/pdf", date(2030, 3, 31), owner)
    assert certificate.document.read().startswith(b"%PDF-")
    assert certificate.original_name == "sertifikat.pdf"
    # Stored outside the public media folder, under a name nobody can guess
    assert certificate.document.name.startswith("certificates/")
    assert "sertifikat" not in certificate.document.name
    with pytest.raises(ValueError):
        certificate.document.url


def test_a_photo_of_the_certificate_is_accepted(seller, product):
    response = upload(seller, product, photo("sertifikat.png", format="PNG"))

    assert response.status_code == 302
    assert Certificate.objects.get().content_type == "image/png"


@pytest.mark.parametrize(
    "document",
    [
        pdf_file("sertifikat.pdf", b"MZ\x90\x00 not a pdf at all"),
        pdf_file("foto.jpg", b"<html><script>alert(1)</script></html>"),
        pdf_file("foto.gif", b"GIF89a" + b"\x00" * 40),
    ],
    ids=["renamed-exe", "html-named-jpg", "broken-gif"],
)
def test_files_that_are_not_a_pdf_or_a_photo_are_refused(seller, product, document):
    response = upload(seller, product, document, expires_on="2030-03-31")

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "document": [
            "This file is not a PDF or a photo. Upload the certificate as a PDF, "
            "JPEG or PNG."
        ]
    }
    assert 'value="2030-03-31"' in response.content.decode()
    assert Certificate.objects.count() == 0


def test_a_gif_picture_is_refused(seller, product):
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20)).save(buffer, "GIF")
    buffer.seek(0)
    buffer.name = "sertifikat.gif"

    response = upload(seller, product, buffer)

    assert response.status_code == 200
    assert Certificate.objects.count() == 0


def test_an_oversized_file_is_refused(seller, product, settings):
    settings.MARKETPLACE_CERTIFICATE_MAX_BYTES = 1000

    response = upload(seller, product, pdf_file(body=b"%PDF-1.4\n" + b"0" * 2000))

    assert response.context["form"].errors == {
        "document": ["The file is 2.0\xa0KB; the limit is 1000\xa0bytes."]
    }
    assert Certificate.objects.count() == 0


def test_a_product_without_a_number_gets_no_document(seller, pesantren, tree):
    product = make_product(pesantren, categories=[tree["coffee"]])

    response = upload(seller, product, pdf_file())

    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "Save the certificate number first, then upload its document."
    ]
    assert Certificate.objects.count() == 0


def test_members_open_the_document_and_nobody_else_does(
    seller, client, pesantren, product
):
    upload(seller, product, pdf_file())
    certificate = Certificate.objects.get()
    url = f"/seller/certificates/{certificate.pk}/document/"

    mine = seller.get(url)
    assert mine.status_code == 200
    assert mine["Content-Type"] == "application/pdf"
    assert mine["Cache-Control"] == "private, no-store"
    assert b"".join(mine.streaming_content).startswith(b"%PDF-")

    seller.logout()
    assert client.get(url).status_code == 302  # to sign in
    client.force_login(make_member(PesantrenFactory(), email="lain@pondok.test"))
    assert client.get(url).status_code == 404
    client.force_login(UserFactory(email="pembeli@kesan.test"))
    assert client.get(url).status_code == 302  # no shop: to the application


def test_another_pesantrens_seller_cannot_list_or_upload(client, product):
    client.force_login(make_member(PesantrenFactory(), email="lain@pondok.test"))

    listed = client.get(upload_url(product))
    uploaded = upload(client, product, pdf_file())

    assert (listed.status_code, uploaded.status_code) == (404, 404)
    assert Certificate.objects.count() == 0


def verify_in_admin(admin_client, certificate, **fields):
    return admin_client.post(
        f"/admin/marketplace/certificate/{certificate.pk}/change/",
        {
            "status": "verified",
            "rejection_reason": "",
            "expires_on": "",
            "notices-TOTAL_FORMS": "0",
            "notices-INITIAL_FORMS": "0",
            **fields,
        },
    )


def make_certificate(product, **fields):
    fields.setdefault("number", product.halal_certificate_number)
    return Certificate.objects.create(
        product=product,
        document="certificates/x.pdf",
        content_type="application/pdf",
        **fields,
    )


def test_admin_verification_records_who_and_when_and_shows_the_badge(
    admin_client, admin_user, client, english, product
):
    certificate = make_certificate(product)
    before = client.get(product.get_absolute_url()).content.decode()

    response = verify_in_admin(admin_client, certificate)

    assert response.status_code == 302
    certificate.refresh_from_db()
    assert (certificate.status, certificate.verified_by) == ("verified", admin_user)
    assert timezone.now() - certificate.date_verified < timedelta(minutes=1)
    after = client.get(product.get_absolute_url()).content.decode()
    day = timezone.localtime(certificate.date_verified)
    badge = f"Halal · verified {day.day} {day:%B} {day.year}"
    assert badge not in before and HALAL in before
    assert badge in after


def test_rejecting_needs_a_reason(admin_client, admin_user, product):
    certificate = make_certificate(product)

    refused = verify_in_admin(admin_client, certificate, status="rejected")
    rejected = verify_in_admin(
        admin_client, certificate, status="rejected", rejection_reason="Buram"
    )

    assert refused.status_code == 200
    assert rejected.status_code == 302
    certificate.refresh_from_db()
    assert (certificate.status, certificate.rejection_reason) == ("rejected", "Buram")
    assert certificate.verified_by == admin_user


def test_admins_open_the_document_through_admin(admin_client, client, seller, product):
    upload(seller, product, pdf_file())
    certificate = Certificate.objects.get()
    url = f"/admin/marketplace/certificate/{certificate.pk}/document/"

    response = admin_client.get(url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert seller.get(url).status_code == 302  # not staff: to the admin sign-in


def badge_shown(client, product):
    return "Halal · verified" in client.get(product.get_absolute_url()).content.decode()


def test_the_badge_goes_when_the_number_changes(client, english, seller, product):
    make_certificate(product, status="verified", date_verified=timezone.now())
    assert badge_shown(client, product)

    seller.post(
        f"/seller/products/{product.pk}/",
        {
            "title": product.title,
            "category": product.categories.get().pk,
            "price": "150.000",
            "stock": "10",
            "description": "",
            "weight_grams": "250",
            "condition": "new",
            "halal_certificate_number": "ID35110000999990001",
            "pirt_number": product.pirt_number,
            "bpom_number": "",
            "sku": "",
            "publish": "on",
        },
    )

    product.refresh_from_db()
    assert product.halal_certificate_number == "ID35110000999990001"
    assert product.is_public is True
    assert not badge_shown(client, product)
    assert (
        "ID35110000999990001" in client.get(product.get_absolute_url()).content.decode()
    )


def test_no_badge_for_an_expired_pending_or_rejected_certificate(
    client, english, product
):
    yesterday = timezone.localdate() - timedelta(days=1)
    certificate = make_certificate(
        product, status="verified", date_verified=timezone.now(), expires_on=yesterday
    )
    assert not badge_shown(client, product)

    certificate.expires_on = timezone.localdate()
    certificate.save()
    assert badge_shown(client, product)

    Certificate.objects.update(status="pending")
    assert not badge_shown(client, product)
    Certificate.objects.update(status="rejected")
    assert not badge_shown(client, product)


def test_a_curator_of_the_admin_group_verifies_documents(client, media_root, product):
    from django.core.files.base import ContentFile

    from marketplace import roles

    curator = UserFactory(email="kurator@kesan.test", is_staff=True)
    curator.groups.add(roles.sync_admin_group())
    client.force_login(curator)
    certificate = make_certificate(product)
    certificate.document.save("x", ContentFile(b"%PDF-1.4 demo"))

    opened = client.get(f"/admin/marketplace/certificate/{certificate.pk}/document/")
    response = verify_in_admin(client, certificate)

    assert (opened.status_code, response.status_code) == (200, 302)
    certificate.refresh_from_db()
    assert (certificate.status, certificate.verified_by) == ("verified", curator)


def test_the_admin_verify_action_verifies_the_selected_documents(
    admin_client, admin_user, product
):
    first, second = make_certificate(product), make_certificate(product)

    admin_client.post(
        "/admin/marketplace/certificate/",
        {"action": "verify", "_selected_action": [first.pk]},
    )

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, first.verified_by) == ("verified", admin_user)
    assert (second.status, second.verified_by) == ("pending", None)
