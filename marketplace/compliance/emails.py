"""E-mails to a pesantren's owners about a certificate: it expires in 30 or
7 days, or it expired and the product was hidden. Each is a CertificateNotice
queued once (unique per certificate and kind) and marked when sent.

Plain-text templates: templates/marketplace/emails/certificate_<kind>_{subject,body}.txt.
Like the other e-mails to a pesantren, they are in the site's language.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from kesan.links import absolute_url
from marketplace.compliance.models import CertificateNotice
from pesantren.models import Membership

logger = logging.getLogger(__name__)


def pesantren_of(certificate):
    stockrecord = certificate.product.stockrecords.select_related(
        "partner__pesantren"
    ).first()
    return stockrecord.partner.pesantren if stockrecord else None


def owner_emails(certificate):
    pesantren = pesantren_of(certificate)
    if pesantren is None:
        return []
    owners = Membership.objects.filter(
        pesantren=pesantren, role=Membership.Role.OWNER
    ).exclude(user__email="")
    return sorted(set(owners.values_list("user__email", flat=True)))


def language_for(certificate):
    return settings.LANGUAGE_CODE


def send_notice(notice_id):
    """Send a queued notice unless it was sent already; safe to run twice."""
    with transaction.atomic():
        notice = (
            CertificateNotice.objects.select_for_update(of=("self",))
            .select_related("certificate__product")
            .get(pk=notice_id)
        )
        if notice.date_sent is not None or not notice.recipients:
            return False
        certificate = notice.certificate
        context = {
            "certificate": certificate,
            "product": certificate.product,
            "pesantren": pesantren_of(certificate),
            "certificates_url": absolute_url(
                reverse(
                    "seller:product-certificates",
                    kwargs={"product_pk": certificate.product_id},
                )
            ),
        }
        name = f"marketplace/emails/certificate_{notice.kind}"
        with translation.override(notice.language):
            subject = render_to_string(f"{name}_subject.txt", context)
            body = render_to_string(f"{name}_body.txt", context)
        send_mail(
            " ".join(subject.split()),
            body,
            settings.DEFAULT_FROM_EMAIL,
            notice.recipients,
        )
        notice.date_sent = timezone.now()
        notice.save(update_fields=["date_sent"])
    logger.info("certificate %s: sent %s notice", certificate.pk, notice.kind)
    return True


def unsent_notice_ids(older_than=timedelta(minutes=5), limit=200):
    return list(
        CertificateNotice.objects.filter(
            date_sent__isnull=True, date_queued__lt=timezone.now() - older_than
        )
        .exclude(recipients=[])
        .order_by("pk")
        .values_list("pk", flat=True)[:limit]
    )
