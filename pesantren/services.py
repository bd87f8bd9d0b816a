"""Changes of pesantren state. Views, admin actions and commands call these,
never the ORM.

Every curation decision is stored as a CurationEvent in the same transaction
as the change it records, and the e-mails about it are queued only once that
transaction has committed.
"""

import logging

from django.contrib.auth import get_user_model
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from forks.partner.models import Partner
from pesantren import tasks
from pesantren.models import CurationEvent, Invitation, Membership, Pesantren

logger = logging.getLogger(__name__)

INVITATION_SALT = "pesantren.invitation"
INVITATION_MAX_AGE = 14 * 24 * 3600
Status = Pesantren.Status
Kind = CurationEvent.Kind


class CurationError(Exception):
    """A decision that does not apply to the pesantren's current state."""


@transaction.atomic
def create_pesantren(*, name, slug, **fields):
    """Create a pesantren and the Oscar partner that holds its stock.

    ``fields`` are Pesantren fields; the pesantren starts ``pending`` unless
    ``status`` says otherwise.
    """
    partner = Partner.objects.create(name=name, code=slug)
    return Pesantren.objects.create(partner=partner, name=name, slug=slug, **fields)


def _create_with_free_slug(fields, *, status, attempts=5):
    """create_pesantren with a slug free at the moment of the insert.

    Two pesantren of the same name applying at once would both pick the
    same free slug; the loser of that race takes the next one.
    """
    for attempt in range(attempts):
        try:
            return create_pesantren(
                slug=unique_slug(fields["name"]), status=status, **fields
            )
        except IntegrityError:
            if attempt == attempts - 1:
                raise
            logger.info("Slug for %r taken meanwhile; trying the next", fields["name"])


def add_member(pesantren, user, role=Membership.Role.STAFF):
    """Make ``user`` a member of ``pesantren`` with ``role`` (idempotent)."""
    membership, _created = Membership.objects.get_or_create(
        pesantren=pesantren, user=user, defaults={"role": role}
    )
    return membership


def unique_slug(name):
    """A slug for ``name`` that no pesantren or partner uses yet."""
    base = slugify(name)[:120] or "pesantren"
    slug, number = base, 1
    while (
        Pesantren.objects.filter(slug=slug).exists()
        or Partner.objects.filter(code=slug).exists()
    ):
        number += 1
        slug = f"{base}-{number}"
    return slug


# Applying ------------------------------------------------------------------


@transaction.atomic
def submit_application(*, applicant, logo=None, **fields):
    """Open a pending pesantren with ``applicant`` as its owner.

    ``logo`` is a kesan.images.CleanImage or None. Raise ValidationError if
    the applicant already acts for a pesantren.
    """
    # The applicant's row, locked: a second submit at the same moment waits
    # here, then finds the membership the first one made.
    get_user_model().objects.select_for_update().filter(pk=applicant.pk).first()
    if Membership.objects.filter(user=applicant).exists():
        raise ValidationError(
            _("You already act for a pesantren."), code="already_member"
        )
    pesantren = _create_with_free_slug(fields, status=Status.PENDING)
    Membership.objects.create(
        pesantren=pesantren, user=applicant, role=Membership.Role.OWNER
    )
    _save_logo(pesantren, logo)
    _record(pesantren, Kind.SUBMITTED, applicant, status_before=Status.PENDING)
    logger.info(
        "%s application submitted", pesantren.slug, extra={"pesantren_id": pesantren.pk}
    )
    transaction.on_commit(
        lambda: tasks.email_admins_new_application.delay(pesantren.pk)
    )
    return pesantren


@transaction.atomic
def update_application(pesantren, *, applicant, logo=None, **fields):
    """Save the owner's corrections to an application not yet verified.

    A rejected application goes back to ``pending`` and to the admins.
    """
    pesantren = Pesantren.objects.select_for_update().get(pk=pesantren.pk)
    if pesantren.status not in (Status.PENDING, Status.REJECTED):
        raise ValidationError(
            _("Only an application waiting for review can be changed."),
            code="not_editable",
        )
    for name, value in fields.items():
        setattr(pesantren, name, value)
    resubmitted = pesantren.status == Status.REJECTED
    before = pesantren.status
    pesantren.status = Status.PENDING
    pesantren.save()
    if pesantren.partner.name != pesantren.name:
        Partner.objects.filter(pk=pesantren.partner_id).update(name=pesantren.name)
    _save_logo(pesantren, logo)
    if resubmitted:
        _record(pesantren, Kind.SUBMITTED, applicant, status_before=before)
        transaction.on_commit(
            lambda: tasks.email_admins_new_application.delay(pesantren.pk)
        )
    return pesantren


def _save_logo(pesantren, logo):
    if logo is not None:
        pesantren.logo.save(f"{pesantren.slug}.jpg", logo.file, save=True)


# Curation ------------------------------------------------------------------

# decision: (statuses it applies to, status it leads to, event kind)
TRANSITIONS = {
    "verify": ({Status.PENDING, Status.REJECTED}, Status.VERIFIED, Kind.VERIFIED),
    "reject": ({Status.PENDING}, Status.REJECTED, Kind.REJECTED),
    "suspend": ({Status.VERIFIED}, Status.SUSPENDED, Kind.SUSPENDED),
    "reinstate": ({Status.SUSPENDED}, Status.VERIFIED, Kind.REINSTATED),
}


def can_decide(pesantren, decision):
    return pesantren.status in TRANSITIONS[decision][0]


@transaction.atomic
def decide(pesantren, decision, *, actor, reason=""):
    """Apply a status decision (verify, reject, suspend, reinstate) and record it.

    Raise CurationError if the decision does not apply to the current status;
    the applicant is e-mailed after commit. Suspending hides the storefront
    and stops sales at once (forks/partner/strategy.py); nothing is deleted.
    """
    allowed, status_after, kind = TRANSITIONS[decision]
    pesantren = Pesantren.objects.select_for_update().get(pk=pesantren.pk)
    if pesantren.status not in allowed:
        raise CurationError(
            f"{pesantren.slug}: cannot {decision} a {pesantren.status} pesantren"
        )
    if decision in ("reject", "suspend") and not reason.strip():
        raise CurationError(f"{pesantren.slug}: {decision} needs a reason")
    before = pesantren.status
    pesantren.status = status_after
    pesantren.save(update_fields=["status", "date_updated"])
    event = _record(pesantren, kind, actor, reason=reason, status_before=before)
    logger.info(
        "%s %s by %s", pesantren.slug, kind, actor, extra={"pesantren_id": pesantren.pk}
    )
    transaction.on_commit(lambda: tasks.email_applicant_decision.delay(event.pk))
    return event


@transaction.atomic
def mark_opop(pesantren, *, actor, level, pillar, reason=""):
    """Record that ``pesantren`` is an OPOP member with a level and a pillar."""
    pesantren = Pesantren.objects.select_for_update().get(pk=pesantren.pk)
    pesantren.is_opop_member = True
    pesantren.opop_level, pesantren.opop_pillar = level, pillar
    pesantren.save(
        update_fields=["is_opop_member", "opop_level", "opop_pillar", "date_updated"]
    )
    return _record(
        pesantren,
        Kind.OPOP_MARKED,
        actor,
        reason=reason,
        opop_level=level,
        opop_pillar=pillar,
    )


@transaction.atomic
def unmark_opop(pesantren, *, actor, reason=""):
    pesantren = Pesantren.objects.select_for_update().get(pk=pesantren.pk)
    pesantren.is_opop_member = False
    pesantren.opop_level = pesantren.opop_pillar = ""
    pesantren.save(
        update_fields=["is_opop_member", "opop_level", "opop_pillar", "date_updated"]
    )
    return _record(pesantren, Kind.OPOP_UNMARKED, actor, reason=reason)


@transaction.atomic
def set_featured(pesantren, *, actor, featured, reason=""):
    """Show ``pesantren`` on the home page (or stop); a no-op records nothing."""
    pesantren = Pesantren.objects.select_for_update().get(pk=pesantren.pk)
    if pesantren.is_featured == featured:
        return None
    pesantren.is_featured = featured
    pesantren.save(update_fields=["is_featured", "date_updated"])
    kind = Kind.FEATURED if featured else Kind.UNFEATURED
    return _record(pesantren, kind, actor, reason=reason)


def _record(pesantren, kind, actor, *, reason="", status_before=None, **fields):
    return CurationEvent.objects.create(
        pesantren=pesantren,
        kind=kind,
        actor=actor,
        reason=reason.strip(),
        status_before=status_before or pesantren.status,
        status_after=pesantren.status,
        **fields,
    )


# Members and invitations ---------------------------------------------------


def invitation_token(invitation):
    return signing.dumps(invitation.pk, salt=INVITATION_SALT)


def invitation_from_token(token):
    """The invitation a link names, or None if the token is forged or too old."""
    try:
        pk = signing.loads(token, salt=INVITATION_SALT, max_age=INVITATION_MAX_AGE)
    except signing.BadSignature:
        return None
    return Invitation.objects.select_related("pesantren").filter(pk=pk).first()


@transaction.atomic
def invite_member(pesantren, *, invited_by, email):
    """Invite ``email`` to join ``pesantren`` as staff and e-mail the link.

    Raise ValidationError if the pesantren is not verified or the address already
    belongs to a member; a second invitation to the same address re-sends
    the open one.
    """
    if not pesantren.can_publish:
        raise ValidationError(
            _("Staff can be invited once the pesantren is verified."),
            code="not_verified",
        )
    email = email.strip().lower()
    if pesantren.memberships.filter(user__email__iexact=email).exists():
        raise ValidationError(
            _("%(email)s is already a member."),
            code="already_member",
            params={"email": email},
        )
    invitation, _created = Invitation.objects.get_or_create(
        pesantren=pesantren,
        email=email,
        status=Invitation.Status.PENDING,
        defaults={"invited_by": invited_by},
    )
    token = invitation_token(invitation)
    transaction.on_commit(lambda: tasks.email_invitation.delay(invitation.pk, token))
    return invitation


@transaction.atomic
def accept_invitation(invitation, user):
    """Make ``user`` staff of the invitation's pesantren.

    Raise ValidationError if the invitation is no longer open, was sent to
    another address, or the user already acts for a pesantren.
    """
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    # The user's row, locked as submit_application locks it: applying and
    # accepting at once then wait for each other instead of deadlocking.
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    if not invitation.is_pending:
        raise ValidationError(_("This invitation is no longer open."), code="closed")
    if (user.email or "").lower() != invitation.email:
        raise ValidationError(
            _(
                "This invitation was sent to %(email)s. Sign in with that address to "
                "accept it."
            ),
            code="other_email",
            params={"email": invitation.email},
        )
    if Membership.objects.filter(user=user).exists():
        raise ValidationError(
            _("You already act for a pesantren; one account serves one pesantren."),
            code="already_member",
        )
    try:
        with transaction.atomic():
            membership = Membership.objects.create(
                pesantren_id=invitation.pesantren_id, user=user, role=invitation.role
            )
    except IntegrityError:
        raise ValidationError(
            _("You already act for a pesantren; one account serves one pesantren."),
            code="already_member",
        ) from None
    invitation.status = Invitation.Status.ACCEPTED
    invitation.accepted_by = user
    invitation.date_answered = timezone.now()
    invitation.save(update_fields=["status", "accepted_by", "date_answered"])
    return membership


@transaction.atomic
def revoke_invitation(invitation):
    """Close an open invitation, so its link stops working."""
    updated = Invitation.objects.filter(
        pk=invitation.pk, status=Invitation.Status.PENDING
    ).update(status=Invitation.Status.REVOKED, date_answered=timezone.now())
    return updated == 1


@transaction.atomic
def remove_member(membership, *, removed_by):
    """Remove a staff member from ``membership``'s pesantren.

    Raise ValidationError for an owner: a pesantren always keeps its owner.
    """
    if membership.is_owner:
        raise ValidationError(_("An owner cannot be removed here."), code="owner")
    logger.info(
        "%s member %s removed by %s",
        membership.pesantren.slug,
        membership.user_id,
        removed_by.pk,
        extra={"pesantren_id": membership.pesantren_id},
    )
    membership.delete()


def set_member_role(membership, *, role, changed_by):
    """Make a staff member an editor (staff who also write dakwah), or back.

    The caller checks that ``changed_by`` is the pesantren's owner. Raise
    ValidationError for the owner's own membership: a pesantren keeps its
    owner.
    """
    if membership.is_owner:
        raise ValidationError(
            _("The owner's role cannot be changed here."), code="owner"
        )
    if role not in (Membership.Role.STAFF, Membership.Role.EDITOR):
        raise ValueError(f"Not a role a member can be given: {role!r}")
    previous, membership.role = membership.role, role
    membership.save(update_fields=["role"])
    logger.info(
        "%s member %s role %s -> %s by %s",
        membership.pesantren.slug,
        membership.user_id,
        previous,
        role,
        changed_by.pk,
        extra={"pesantren_id": membership.pesantren_id},
    )
    return membership


def admin_recipients():
    """E-mail addresses of the active staff who can curate pesantren."""
    can_curate = {
        "permissions__content_type__app_label": "pesantren",
        "permissions__codename": "change_pesantren",
    }
    curators = (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .exclude(email="")
        .filter(
            Q(is_superuser=True)
            | Q(**{f"user_{key}": value for key, value in can_curate.items()})
            | Q(**{f"groups__{key}": value for key, value in can_curate.items()})
        )
    )
    return sorted(set(curators.values_list("email", flat=True)))
