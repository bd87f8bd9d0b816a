"""Changes to certificates and prohibitions.

Sellers add documents (through their pesantren's products only); admins
verify or reject them; the expiry task hides products whose certificate ran
out. A category made prohibited takes its products off sale at once.
"""

import logging
from datetime import timedelta
from pathlib import PurePath

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.compliance.models import Certificate, CertificateNotice
from marketplace.compliance.numbers import NUMBER_FIELDS

logger = logging.getLogger(__name__)
Status = Certificate.Status


@transaction.atomic
def add_certificate(
    product, checked, *, kind=Certificate.Kind.HALAL, expires_on=None, user
):
    """Store a checked document (documents.CheckedDocument) for the product's
    current number of ``kind``; raise ValidationError if it has none."""
    number = getattr(product, NUMBER_FIELDS[kind])
    if not number:
        raise ValidationError(
            _("Save the certificate number first, then upload its document."),
            code="no_number",
        )
    certificate = Certificate(
        product=product,
        kind=kind,
        number=number,
        content_type=checked.content_type,
        original_name=PurePath(checked.file.name or "").name[:255],
        expires_on=expires_on,
        uploaded_by=user,
    )
    certificate.document.save("document", checked.file, save=False)
    certificate.save()
    logger.info("product %s: certificate %s uploaded", product.pk, certificate.pk)
    return certificate


def verify_certificate(certificate, user):
    certificate.status = Status.VERIFIED
    certificate.rejection_reason = ""
    certificate.verified_by = user
    certificate.date_verified = timezone.now()
    certificate.save(
        update_fields=["status", "rejection_reason", "verified_by", "date_verified"]
    )


def reject_certificate(certificate, user, reason):
    if not reason.strip():
        raise ValidationError(_("Write why the document is rejected."), code="reason")
    certificate.status = Status.REJECTED
    certificate.rejection_reason = reason.strip()
    certificate.verified_by = user
    certificate.date_verified = timezone.now()
    certificate.save(
        update_fields=["status", "rejection_reason", "verified_by", "date_verified"]
    )


# Prohibited categories ------------------------------------------------------


@transaction.atomic
def apply_prohibition(rule):
    """Hide a prohibited category and its sub-categories, and unpublish their
    products; lifting a prohibition shows the categories again (products stay
    hidden until their sellers publish them). Returns products unpublished."""
    from forks.catalogue.models import Category, Product

    category = rule.category
    subtree = Category.objects.filter(path__startswith=category.path)
    subtree.update(is_public=not rule.prohibited)
    category.refresh_from_db()
    category.set_ancestors_are_public()
    unpublished = 0
    if rule.prohibited:
        in_subtree = Product.objects.filter(
            categories__path__startswith=category.path
        ).values("pk")
        unpublished = Product.objects.filter(pk__in=in_subtree, is_public=True).update(
            is_public=False
        )
        logger.info(
            "category %s prohibited: %d products unpublished", category.pk, unpublished
        )
    from marketplace.selectors import CATEGORY_TREE_CACHE_KEY

    # Now, and again after commit (a page may rebuild it in between).
    cache.delete(CATEGORY_TREE_CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(CATEGORY_TREE_CACHE_KEY))
    return unpublished


# Expiry ---------------------------------------------------------------------


def unpublish_for_expiry(certificate):
    """Hide the product of an expired certificate; True if it was public."""
    from forks.catalogue.models import Product

    return bool(
        Product.objects.filter(pk=certificate.product_id, is_public=True).update(
            is_public=False
        )
    )


def queue_notice(certificate, kind):
    """Record notice ``kind`` of ``certificate`` once; the new one, or None."""
    from marketplace.compliance import emails

    notice, created = CertificateNotice.objects.get_or_create(
        certificate=certificate,
        kind=kind,
        defaults={
            "recipients": emails.owner_emails(certificate),
            "language": emails.language_for(certificate),
        },
    )
    if not created:
        return None
    from marketplace.compliance.tasks import send_certificate_notice
    from marketplace.queue import enqueue_on_commit

    enqueue_on_commit(send_certificate_notice, notice.pk)
    return notice


def _current_with_expiry():
    """Halal certificates that speak for their product's current number and
    have an end date (rejected ones never count)."""
    return (
        Certificate.objects.filter(
            kind=Certificate.Kind.HALAL,
            number=F("product__halal_certificate_number"),
            expires_on__isnull=False,
        )
        .exclude(status=Status.REJECTED)
        .select_related("product")
    )


def _replaced(certificate):
    """Whether a later document for the same number outlasts ``certificate``."""
    return (
        Certificate.objects.filter(
            product_id=certificate.product_id,
            kind=certificate.kind,
            number=certificate.number,
        )
        .exclude(pk=certificate.pk)
        .exclude(status=Status.REJECTED)
        .filter(Q(expires_on__isnull=True) | Q(expires_on__gt=certificate.expires_on))
        .exists()
    )


def check_expiries(today=None):
    """Remind the owners 30 and 7 days before a certificate expires, and hide
    its product once it has (with an e-mail). Each e-mail goes once per
    certificate, however often this runs. Returns (reminders, hidden)."""
    today = today or timezone.localdate()
    Kind = CertificateNotice.Kind
    reminders = hidden = 0
    soon = _current_with_expiry().filter(
        expires_on__gte=today, expires_on__lte=today + timedelta(days=30)
    )
    for certificate in soon:
        if _replaced(certificate):
            continue
        days = (certificate.expires_on - today).days
        kind = Kind.EXPIRES_IN_7_DAYS if days <= 7 else Kind.EXPIRES_IN_30_DAYS
        with transaction.atomic():
            reminders += queue_notice(certificate, kind) is not None
    expired = (
        _current_with_expiry()
        .filter(expires_on__lt=today)
        .exclude(Q(notices__kind=Kind.EXPIRED) & Q(product__is_public=False))
    )
    for certificate in expired:
        if _replaced(certificate):
            continue
        with transaction.atomic():
            was_public = unpublish_for_expiry(certificate)
            hidden += was_public
            queue_notice(certificate, Kind.EXPIRED)
        if was_public:
            logger.info(
                "product %s hidden: certificate %s expired",
                certificate.product_id,
                certificate.pk,
            )
    return reminders, hidden
