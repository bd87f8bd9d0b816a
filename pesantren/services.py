"""Changes of pesantren state. Views and commands call these, never the ORM."""

from django.db import transaction

from forks.partner.models import Partner
from pesantren.models import Membership, Pesantren


@transaction.atomic
def create_pesantren(*, name, slug, **fields):
    """Create a pesantren and the Oscar partner that holds its stock.

    ``fields`` are Pesantren fields; the pesantren starts ``pending`` unless
    ``status`` says otherwise.
    """
    partner = Partner.objects.create(name=name, code=slug)
    return Pesantren.objects.create(partner=partner, name=name, slug=slug, **fields)


def add_member(pesantren, user, role=Membership.Role.STAFF):
    """Make ``user`` a member of ``pesantren`` with ``role`` (idempotent)."""
    membership, _created = Membership.objects.get_or_create(
        pesantren=pesantren, user=user, defaults={"role": role}
    )
    return membership
