"""Who may write, publish and unpublish dakwah content: the one place.

Editors and owners of a verified pesantren write for it; only its owner
publishes; KESAN admins (staff) unpublish anything. Nobody acts for a
pesantren they are not a member of, and a pending or suspended pesantren has
no writers at all.
"""

from dakwah.models import Status
from pesantren.models import Membership, Pesantren

# Kept as a name of its own: tests and the demo seed import it from here.
EDITOR_ROLE = Membership.Role.EDITOR
WRITER_ROLES = (Membership.Role.OWNER, EDITOR_ROLE)


def _has_role(user, pesantren, roles):
    if not user.is_authenticated or not user.is_active:
        return False
    if pesantren.status != Pesantren.Status.VERIFIED:
        return False
    return Membership.objects.filter(
        user=user, pesantren=pesantren, role__in=roles
    ).exists()


def can_write(user, pesantren):
    """True if ``user`` may create, edit and submit content of ``pesantren``."""
    return _has_role(user, pesantren, WRITER_ROLES)


def can_publish(user, pesantren):
    """True if ``user`` may publish content of ``pesantren`` (its owner)."""
    return _has_role(user, pesantren, [Membership.Role.OWNER])


def can_edit(user, content):
    """True if ``user`` may change ``content``; published items only by owners.

    An editor changing a published article would skip the owner's review.
    """
    if content.status == Status.PUBLISHED:
        return can_publish(user, content.pesantren)
    return can_write(user, content.pesantren)


def can_unpublish(user):
    """True for KESAN admins, who may take down any content."""
    return user.is_authenticated and user.is_active and user.is_staff


def writable_pesantren(user):
    """The verified pesantren ``user`` writes for (for dashboard pickers)."""
    if not user.is_authenticated:
        return Pesantren.objects.none()
    return Pesantren.objects.public().filter(
        memberships__user=user, memberships__role__in=WRITER_ROLES
    )
