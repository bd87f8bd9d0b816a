"""Reads of pesantren: public pages, and a user's own pesantren."""

from pesantren.models import CurationEvent, Invitation, Membership, Pesantren

STATUS_DECISIONS = [
    CurationEvent.Kind.VERIFIED,
    CurationEvent.Kind.REJECTED,
    CurationEvent.Kind.SUSPENDED,
    CurationEvent.Kind.REINSTATED,
]


def pesantren_directory(province_code="", opop_only=False):
    """Verified pesantren, filtered as the directory page asks."""
    found = Pesantren.objects.public()
    if province_code:
        found = found.filter(province_code=province_code)
    if opop_only:
        found = found.filter(is_opop_member=True)
    return found.order_by("-is_featured", "name")


def membership_of(user):
    """The user's membership with its pesantren (one query), or None."""
    if not user.is_authenticated:
        return None
    return (
        Membership.objects.select_related("pesantren__partner")
        .filter(user=user)
        .first()
    )


def application_is_editable(pesantren):
    return pesantren.status in (Pesantren.Status.PENDING, Pesantren.Status.REJECTED)


def last_status_decision(pesantren):
    """The latest verify/reject/suspend/reinstate decision, or None."""
    return (
        pesantren.curation_events.filter(kind__in=STATUS_DECISIONS)
        .order_by("-date_created", "-id")
        .first()
    )


def members_of(pesantren):
    return pesantren.memberships.select_related("user").order_by("role", "date_joined")


def open_invitations(pesantren):
    return pesantren.invitations.filter(
        status=Invitation.Status.PENDING
    ).select_related("invited_by")
