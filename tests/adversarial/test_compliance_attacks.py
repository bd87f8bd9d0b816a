"""The halal and legality layer attacked: a product filed in a prohibited
category besides its first one, certificate uploads that are not what their
name says, markup in certificate numbers."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from marketplace.compliance.models import Certificate
from tests.factories import make_product
from tests.marketplace.compliance.conftest import prohibit

pytestmark = pytest.mark.django_db


def test_a_product_also_filed_in_a_prohibited_category_cannot_be_republished(
    seller, pesantren, tree
):
    product = make_product(
        pesantren, categories=[tree["kitab"], tree["wine"]], is_public=True
    )
    prohibit(tree["drinks"])
    product.refresh_from_db()
    assert product.is_public is False

    seller.post(reverse("seller:product-publish", args=[product.pk]))

    product.refresh_from_db()
    assert product.is_public is False


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 40), (10, 200, 10)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def halal_product(pesantren, tree, private_root):
    return make_product(
        pesantren,
        categories=[tree["kitab"]],
        halal_certificate_number="ID35110000123450124",
    )


SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>'


@pytest.mark.parametrize(
    "name, content",
    [
        ("sertifikat.pdf", b"MZ\x90\x00\x03\x00\x00\x00 this is an exe"),
        ("sertifikat.jpg", b"<html><script>alert(1)</script></html>"),
        ("sertifikat.png", SVG),
        ("sertifikat.svg", SVG),
        # A PNG signature followed by HTML: Pillow cannot verify it.
        ("sertifikat.png", b"\x89PNG\r\n\x1a\n<script>alert(1)</script>"),
        # A real PNG with HTML appended after IEND: a polyglot.
        ("polyglot.png", None),
    ],
)
def test_uploads_that_are_not_a_pdf_or_photo_are_refused_or_served_inert(
    seller, halal_product, name, content
):
    if content is None:
        content = png_bytes() + b"<html><script>alert(1)</script></html>"
    url = reverse("seller:product-certificates", args=[halal_product.pk])
    response = seller.post(url, {"document": SimpleUploadedFile(name, content)})
    certificate = Certificate.objects.first()
    if certificate is None:
        assert response.status_code == 200
        assert response.context["form"].errors
        return
    # Accepted only as what Pillow or the PDF signature proved, and served so
    # that a browser never runs it.
    assert certificate.content_type in ("image/png", "image/jpeg", "application/pdf")
    served = seller.get(reverse("seller:certificate-document", args=[certificate.pk]))
    assert served["Content-Type"] == certificate.content_type
    assert served["Content-Security-Policy"] == "sandbox"
    assert served["X-Content-Type-Options"] == "nosniff"


def test_a_huge_upload_is_refused_before_it_is_stored(
    seller, halal_product, settings, private_root
):
    settings.MARKETPLACE_CERTIFICATE_MAX_BYTES = 1024
    url = reverse("seller:product-certificates", args=[halal_product.pk])
    big = b"%PDF-1.4\n" + b"0" * 4096
    response = seller.post(url, {"document": SimpleUploadedFile("s.pdf", big)})
    assert response.status_code == 200
    assert Certificate.objects.count() == 0
    assert (
        not any(p.is_file() for p in private_root.rglob("*"))
        if private_root.exists()
        else True
    )


def test_markup_in_a_certificate_number_is_shown_as_text(seller, halal_product, tree):
    from forks.catalogue.models import Product

    Product.objects.filter(pk=halal_product.pk).update(
        halal_certificate_number='<img src=x onerror="alert(1)">'
    )
    page = seller.get(
        reverse("seller:product-certificates", args=[halal_product.pk])
    ).content.decode()
    assert '<img src=x onerror="alert(1)">' not in page
