"""The "Admin KESAN" group: what KESAN's own staff may do in Django admin.

Oscar 4 gives a staff user nothing without model permissions, and sellers
must have none at all (Oscar's partner dashboard leaks other vendors'
orders), so the admins' rights are listed here, exactly, and synced into the
group by ``manage.py sync_admin_group`` (seed_demo runs it).
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q

ADMIN_GROUP_NAME = "Admin KESAN"

ADMIN_PERMISSIONS = [
    # Curating pesantren: decisions are made through admin actions, which
    # need "change"; the decision history is read-only.
    "pesantren.view_pesantren",
    "pesantren.change_pesantren",
    "pesantren.view_curationevent",
    "pesantren.view_invitation",
    "pesantren.view_membership",
    "pesantren.add_membership",
    "pesantren.change_membership",
    "pesantren.delete_membership",
    # Looking users up when fixing a membership.
    "auth.view_user",
    # Moderating the catalogue: hide a product, fix a category.
    "catalogue.view_product",
    "catalogue.change_product",
    "catalogue.view_productimage",
    "catalogue.view_productclass",
    "catalogue.view_category",
    "catalogue.add_category",
    "catalogue.change_category",
    "partner.view_partner",
    # Hiding a review (or showing it again); the words stay the reviewer's.
    "reviews.view_productreview",
    "reviews.change_productreview",
    "partner.view_stockrecord",
    # Halal and legality: the category rules, and checking certificate
    # documents (verify or reject; sellers upload them).
    "marketplace.view_categoryrule",
    "marketplace.add_categoryrule",
    "marketplace.change_categoryrule",
    "marketplace.view_certificate",
    "marketplace.change_certificate",
    "marketplace.view_certificatenotice",
    # The sellers' own records, for support.
    "marketplace.view_stockchange",
    "marketplace.view_productimport",
    # Payouts: review requests, export batches, mark paid or reject (all
    # through admin actions and pages, which need "change"); read batches.
    "marketplace.view_payoutrequest",
    "marketplace.change_payoutrequest",
    "marketplace.view_payoutbatch",
    # Settling buyers' complaints: the decision (release or refund) is taken
    # on the complaint's admin page, which needs "change".
    "marketplace.view_complaint",
    "marketplace.change_complaint",
    # A refund made in the payment provider's dashboard holds the order (and
    # its complaints) until it is attributed to a part: the refunds list and
    # its attribution page. Refunds themselves stay read-only in admin.
    "marketplace.view_refund",
    "marketplace.change_refund",
]


class MissingPermission(LookupError):
    pass


def admin_permissions():
    """The Permission rows of ADMIN_PERMISSIONS; raise if one does not exist."""
    wanted = Q(pk__in=[])
    for name in ADMIN_PERMISSIONS:
        app_label, codename = name.split(".")
        wanted |= Q(content_type__app_label=app_label, codename=codename)
    found = list(Permission.objects.filter(wanted).select_related("content_type"))
    missing = set(ADMIN_PERMISSIONS) - {
        f"{p.content_type.app_label}.{p.codename}" for p in found
    }
    if missing:
        raise MissingPermission(
            f"Run migrate first; missing: {', '.join(sorted(missing))}"
        )
    return found


@transaction.atomic
def sync_admin_group():
    """Create the Admin KESAN group or reset its permissions to exactly the list."""
    group, _created = Group.objects.get_or_create(name=ADMIN_GROUP_NAME)
    group.permissions.set(admin_permissions())
    return group
