"""Compliance in the demo: the category rules, a prohibited category that
stays hidden, and verified halal certificates (a tiny generated PDF each) on
a few products, so the "verified" badge shows. Idempotent and fixed: the
same rows and dates on every run."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile

from forks.catalogue.models import Category, Product
from marketplace.compliance.models import CategoryRule, Certificate
from marketplace.compliance.services import apply_prohibition
from marketplace.demo import data

# When the demo admin checked the demo certificates.
VERIFIED_AT = datetime(2026, 11, 20, 10, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
VERIFIED_PRODUCTS = 6


def seed_compliance(categories, admin):
    for slug, needs in data.CATEGORY_RULES.items():
        CategoryRule.objects.get_or_create(category=categories[slug], defaults=needs)
    name, slug, reason = data.PROHIBITED_CATEGORY
    category = Category.objects.filter(slug=slug).first()
    if category is None:
        category = Category.objects.add_root({"name": name, "slug": slug})
    rule, created = CategoryRule.objects.get_or_create(
        category=category, defaults={"prohibited": True, "prohibited_reason": reason}
    )
    if created:
        apply_prohibition(rule)
    return seed_certificates(admin)


def seed_certificates(admin):
    """Verified certificates for the first demo products that need one."""
    products = (
        Product.objects.filter(upc__startswith="KSN")
        .exclude(upc__startswith="KSNB")
        .exclude(halal_certificate_number="")
        .order_by("upc")[:VERIFIED_PRODUCTS]
    )
    created = 0
    for product in products:
        if product.certificates.filter(
            number=product.halal_certificate_number
        ).exists():
            continue
        certificate = Certificate(
            product=product,
            number=product.halal_certificate_number,
            content_type="application/pdf",
            original_name=f"sertifikat-halal-{product.upc.lower()}.pdf",
            status=Certificate.Status.VERIFIED,
            verified_by=admin,
            date_verified=VERIFIED_AT,
        )
        certificate.document.save(
            "document",
            ContentFile(certificate_pdf(product.title, certificate.number)),
            save=False,
        )
        certificate.save()
        created += 1
    return created


def certificate_pdf(title, number):
    """A one-page PDF that reads "Sertifikat Halal <number>" (demo only)."""

    def text(value):
        return (
            value.encode("latin-1", "replace")
            .decode("latin-1")
            .replace("\\", "\\\\")
            .replace("(", "\\(")
            .replace(")", "\\)")
        )

    stream = (
        "BT /F1 18 Tf 72 760 Td (Sertifikat Halal - contoh demo KESAN) Tj "
        f"0 -32 Td /F1 14 Tf (Nomor: {text(number)}) Tj "
        f"0 -22 Td (Produk: {text(title)}) Tj ET"
    ).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number_, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number_ + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
