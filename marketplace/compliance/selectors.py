"""Reads of certificates: the badge a buyer sees, a seller's documents, and
the SQL form of "its certificate has expired" for the seller's lists."""

from django.db.models import Exists, OuterRef, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

from marketplace.compliance.models import Certificate

Status = Certificate.Status


def valid_on(today):
    return Q(expires_on__isnull=True) | Q(expires_on__gte=today)


def verified_halal(product, today=None):
    """The verified, unexpired halal certificate of the product's current
    number, or None: only then does a buyer see "verified"."""
    number = product.halal_certificate_number
    if not number:
        return None
    today = today or timezone.localdate()
    return (
        Certificate.objects.filter(
            product=product,
            kind=Certificate.Kind.HALAL,
            number=number,
            status=Status.VERIFIED,
        )
        .filter(valid_on(today))
        .order_by("-date_verified")
        .first()
    )


def certificates_of_product(product):
    return product.certificates.select_related("verified_by").order_by(
        "-date_uploaded", "-pk"
    )


def certificate_of(pesantren, pk):
    """One certificate of the pesantren's products, or Http404."""
    return get_object_or_404(
        Certificate.objects.select_related("product"),
        pk=pk,
        product__stockrecords__partner_id=pesantren.partner_id,
    )


def expired_certificate(today=None):
    """A condition on products (OuterRef "pk"): the halal certificate of its
    current number has expired and no valid one replaced it."""
    today = today or timezone.localdate()
    mine = Certificate.objects.filter(
        product=OuterRef("pk"),
        kind=Certificate.Kind.HALAL,
        number=OuterRef("halal_certificate_number"),
    ).exclude(status=Status.REJECTED)
    return Exists(mine.filter(expires_on__lt=today)) & ~Exists(
        mine.filter(valid_on(today))
    )
