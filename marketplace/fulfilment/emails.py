"""Order e-mails: queued once by key in the order's transaction, sent by
Celery after it commits, rendered in the language of their reader.

Templates live in ``templates/marketplace/emails/<kind>_{subject,body}.{txt,html}``.
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
from marketplace.fulfilment.models import OutboundEmail
from marketplace.fulfilment.selectors import order_parts
from marketplace.queue import enqueue_on_commit
from pesantren.models import Membership

logger = logging.getLogger(__name__)
Kind = OutboundEmail.Kind


# E-mails read by a pesantren, in the site's language.
PESANTREN_KINDS = {Kind.PESANTREN_NEW_ORDER, Kind.COMPLAINT_OPENED}


def queue_email(kind, order, group=None, *, complaint=None, about=None):
    """Queue e-mail ``kind`` about ``order`` (or one of its groups), at most once.

    A complaint's e-mails name the complaint; ``about`` (a message of its
    thread) keys one e-mail per message. Call inside the transaction that
    makes the e-mail true; it is sent only if that transaction commits.
    """
    subject = about or complaint or group or order
    key = f"{kind}:{subject.pk}"
    email, created = OutboundEmail.objects.get_or_create(
        key=key,
        defaults={
            "kind": kind,
            "order": order,
            "group": group,
            "complaint": complaint,
            "language": language_for(kind, order),
            "recipients": recipients_for(kind, order, group),
        },
    )
    if created:
        from marketplace.fulfilment.tasks import send_order_email

        enqueue_on_commit(send_order_email, email.pk)
    return email


def language_for(kind, order):
    if kind in PESANTREN_KINDS:
        return settings.LANGUAGE_CODE
    return order.language or settings.LANGUAGE_CODE


def recipients_for(kind, order, group):
    if kind in PESANTREN_KINDS:
        memberships = group.pesantren.memberships.select_related("user")
        if kind == Kind.COMPLAINT_OPENED:
            # A complaint may end in a refund: the owners answer for the money.
            memberships = memberships.filter(role=Membership.Role.OWNER)
        return sorted(
            {
                membership.user.email
                for membership in memberships
                if membership.user.email
            }
        )
    return [order.email] if order.email else []


def send_email(email_id):
    """Send a queued e-mail unless it was sent already; safe to run twice."""
    with transaction.atomic():
        email = (
            OutboundEmail.objects.select_for_update(of=("self",))
            .select_related("order", "group__pesantren", "complaint")
            .get(pk=email_id)
        )
        if email.date_sent is not None or not email.recipients:
            return False
        message = render_email(email)
        message.send()
        email.date_sent = timezone.now()
        email.save(update_fields=["date_sent"])
    logger.info("%s: sent %s e-mail", email.order.number, email.kind)
    return True


def unsent_email_ids(older_than=timedelta(minutes=5), limit=200):
    """E-mails queued a while ago and still not sent."""
    return list(
        OutboundEmail.objects.filter(
            date_sent__isnull=True, date_queued__lt=timezone.now() - older_than
        )
        .exclude(recipients=[])
        .order_by("pk")
        .values_list("pk", flat=True)[:limit]
    )


def render_email(email):
    context = email_context(email)
    name = f"marketplace/emails/{email.kind}"
    with translation.override(email.language):
        subject = render_to_string(f"{name}_subject.txt", context).strip()
        text = render_to_string(f"{name}_body.txt", context)
        html = render_to_string(f"{name}_body.html", context)
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=email.recipients,
    )
    message.attach_alternative(html, "text/html")
    return message


def email_context(email):
    order = email.order
    site_url = absolute_url()
    parts = order_parts(order)
    if email.kind in PESANTREN_KINDS:
        # A pesantren sees its own part only.
        parts = [part for part in parts if part.group.pk == email.group_id]
        order_url = absolute_url(
            reverse(
                "seller:complaint-detail", kwargs={"complaint_pk": email.complaint_id}
            )
            if email.complaint_id
            else reverse("seller:order-detail", kwargs={"part_pk": email.group_id})
        )
    elif order.user_id:
        order_url = absolute_url(reverse("orders:detail", args=[order.number]))
    else:
        order_url = absolute_url(
            reverse(
                "orders:guest-detail", args=[order.number, order.verification_hash()]
            )
        )
    return {
        "order": order,
        "group": email.group,
        "complaint": email.complaint,
        "complaint_message": complaint_message(email),
        "parts": parts,
        "order_url": order_url,
        "shipping_address": order.shipping_address,
        "site_url": site_url,
    }


def complaint_message(email):
    """The message an "answered" e-mail is about: its key ends with its id."""
    if email.kind != Kind.COMPLAINT_ANSWERED:
        return None
    message_id = email.key.rpartition(":")[2]
    return email.complaint.messages.filter(pk=message_id).first()
