"""Writing the akad of an order's parts, once, as the order is placed."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from marketplace.akad import summary as akad_summary
from marketplace.akad.models import AkadRecord


class AkadChanged(Exception):
    """What is being placed differs from the akad the buyer confirmed."""

    message = _(
        "The price or the shipping of your order changed after you checked it. "
        "Nothing was ordered and no payment was started: please read the akad "
        "again and confirm it."
    )

    def __str__(self):
        return str(self.message)


def record_part_akad(group, lines, option, language, confirmed_at=None):
    """Store the akad of ``group`` built from its order ``lines`` and chosen
    shipping ``option``; call in the transaction that places the order."""
    summary = akad_summary.part_summary(
        group.pesantren,
        akad_summary.items_of_order_lines(lines),
        option,
        language,
    )
    return AkadRecord.objects.create(
        group=group,
        summary=summary,
        language=language,
        digest=akad_summary.digest_of(summary),
        confirmed_at=confirmed_at or timezone.now(),
    )


def check_confirmed(records, confirmed_digest):
    """Raise AkadChanged unless ``records`` are the akad whose preview digest
    the buyer confirmed (``confirmed_digest`` None: not asked, e.g. scripts)."""
    if confirmed_digest is None:
        return
    placed = akad_summary.digest_of([record.summary for record in records])
    if placed != confirmed_digest:
        raise AkadChanged()
