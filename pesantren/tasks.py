"""E-mails about applications, decisions and invitations, sent by Celery.

Services queue these with ``transaction.on_commit``, so a task only ever
reads rows that exist. Each takes ids, not objects, and renders in the
site's language: a worker has no visitor whose language it could follow.
"""

import logging

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from kesan.links import absolute_url
from pesantren.models import CurationEvent, Invitation, Membership, Pesantren

logger = logging.getLogger(__name__)


def send_templated_mail(template, context, recipients):
    """Render ``<template>_subject.txt`` and ``_body.txt`` and send them."""
    if not recipients:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        # One line whatever a name holds: a newline in a header is refused.
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}_body.txt", context)
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)


def owner_emails(pesantren):
    owners = Membership.objects.filter(pesantren=pesantren, role=Membership.Role.OWNER)
    return sorted(
        set(owners.exclude(user__email="").values_list("user__email", flat=True))
    )


@shared_task
def email_admins_new_application(pesantren_id):
    from pesantren.services import admin_recipients

    pesantren = Pesantren.objects.get(pk=pesantren_id)
    change_path = reverse("admin:pesantren_pesantren_change", args=[pesantren.pk])
    sent = send_templated_mail(
        "pesantren/emails/application_received",
        {"pesantren": pesantren, "change_url": absolute_url(change_path)},
        admin_recipients(),
    )
    logger.info(
        "%s application e-mailed to admins", pesantren.slug, extra={"sent": sent}
    )


@shared_task
def email_applicant_decision(event_id):
    event = CurationEvent.objects.select_related("pesantren").get(pk=event_id)
    send_templated_mail(
        "pesantren/emails/decision",
        {
            "event": event,
            "pesantren": event.pesantren,
            "status_url": absolute_url(reverse("pesantren:application-status")),
        },
        owner_emails(event.pesantren),
    )
    logger.info("%s decision %s e-mailed", event.pesantren.slug, event.kind)


@shared_task
def email_invitation(invitation_id, token):
    invitation = Invitation.objects.select_related("pesantren", "invited_by").get(
        pk=invitation_id
    )
    if not invitation.is_pending:
        return
    path = reverse("pesantren:invitation", kwargs={"token": token})
    send_templated_mail(
        "pesantren/emails/invitation",
        {"invitation": invitation, "accept_url": absolute_url(path)},
        [invitation.email],
    )
    logger.info("%s invitation %s e-mailed", invitation.pesantren.slug, invitation.pk)
