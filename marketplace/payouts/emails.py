"""The e-mail telling a pesantren's owners that a payout was paid or rejected.

Sent once per decided request: the task locks the request and marks
``date_owner_notified`` in the same transaction as the send.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from kesan.links import absolute_url
from marketplace.payouts.models import PayoutRequest
from pesantren.models import Membership

logger = logging.getLogger(__name__)
DECIDED = [PayoutRequest.Status.PAID, PayoutRequest.Status.REJECTED]


def owner_emails(pesantren):
    return sorted(
        {
            membership.user.email
            for membership in pesantren.memberships.filter(
                role=Membership.Role.OWNER
            ).select_related("user")
            if membership.user.email
        }
    )


def send_decision_email(payout_id):
    """Tell the owners about a paid or rejected request, unless told already."""
    with transaction.atomic():
        payout = (
            PayoutRequest.objects.select_for_update(of=("self",))
            .select_related("pesantren")
            .get(pk=payout_id)
        )
        if payout.date_owner_notified is not None or payout.status not in DECIDED:
            return False
        recipients = owner_emails(payout.pesantren)
        if recipients:
            render_decision_email(payout, recipients).send()
        payout.date_owner_notified = timezone.now()
        payout.save(update_fields=["date_owner_notified"])
    logger.info("%s: payout %s e-mail sent", payout.pesantren.slug, payout.code)
    return bool(recipients)


def render_decision_email(payout, recipients):
    context = {
        "payout": payout,
        "pesantren": payout.pesantren,
        "balance_url": absolute_url(reverse("seller:balance")),
    }
    name = f"marketplace/emails/payout_{payout.status}"
    # Sellers read KESAN in its default language (as the new-order e-mail).
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"{name}_subject.txt", context).strip()
        text = render_to_string(f"{name}_body.txt", context)
        html = render_to_string(f"{name}_body.html", context)
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=recipients,
    )
    message.attach_alternative(html, "text/html")
    return message


def unnotified_payout_ids(older_than=timedelta(minutes=5), limit=200):
    """Decided requests whose e-mail task never ran (the broker was down)."""
    return list(
        PayoutRequest.objects.filter(
            status__in=DECIDED,
            date_owner_notified__isnull=True,
            date_decided__lt=timezone.now() - older_than,
        )
        .order_by("pk")
        .values_list("pk", flat=True)[:limit]
    )
