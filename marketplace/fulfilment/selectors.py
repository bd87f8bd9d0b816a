"""Reads of orders and their parts, for buyers and for pesantren."""

from dataclasses import dataclass

from django.db.models import OuterRef, Subquery
from oscar.core.loading import get_model

from marketplace.fulfilment.models import FulfilmentEvent, FulfilmentGroup

Order = get_model("order", "Order")
Line = get_model("order", "Line")


@dataclass
class OrderPart:
    """A fulfilment group with its order lines."""

    group: FulfilmentGroup
    lines: list

    @property
    def akad(self):
        """The part's confirmed AkadRecord; None for orders placed before it."""
        return getattr(self.group, "akad", None)


def order_parts(order):
    """The parts of ``order`` with their lines and refunds (three queries)."""
    groups = list(
        order.fulfilment_groups.select_related("pesantren", "akad")
        .prefetch_related("refunds")
        .order_by("pk")
    )
    lines_by_partner = {}
    for line in order.lines.order_by("pk"):
        lines_by_partner.setdefault(line.partner_id, []).append(line)
    return [
        OrderPart(group, lines_by_partner.get(group.pesantren.partner_id, []))
        for group in groups
    ]


def orders_of_buyer(user):
    """A buyer's orders, newest first, with their parts prefetched."""
    return (
        Order.objects.filter(user=user)
        .prefetch_related("fulfilment_groups__pesantren")
        .order_by("-date_placed")
    )


def buyer_order(user, number, session_order_ids=()):
    """The order ``number`` if ``user`` placed it, or this session placed it as a guest."""
    orders = Order.objects.select_related("shipping_address")
    if user.is_authenticated:
        order = orders.filter(number=number, user=user).first()
        if order is not None:
            return order
    return orders.filter(number=number, pk__in=list(session_order_ids)).first()


def date_paid():
    """When a part became "new", i.e. its order was paid (a subquery per part)."""
    moves = FulfilmentEvent.objects.filter(
        group=OuterRef("pk"), to_status=FulfilmentGroup.Status.NEW
    )
    return Subquery(moves.order_by("pk").values("date_created")[:1])


def parts_of_pesantren(pesantren):
    """The parts of ``pesantren`` whose order was paid, newest order first.

    Each part carries ``date_paid``. A part cancelled before any payment (its
    order lapsed unpaid) was never the pesantren's to send, so it is left out
    like the parts still awaiting payment.
    """
    return (
        FulfilmentGroup.objects.for_pesantren(pesantren)
        .annotate(date_paid=date_paid())
        .filter(date_paid__isnull=False)
        .select_related("order")
        .order_by("-order__date_placed", "-pk")
    )


def pesantren_part(pesantren, group_id):
    """One paid part of ``pesantren`` with only its own lines; DoesNotExist otherwise."""
    group = (
        parts_of_pesantren(pesantren)
        .select_related("order__shipping_address", "order__user", "pesantren", "akad")
        .get(pk=group_id)
    )
    lines = list(
        Line.objects.filter(
            order=group.order, partner_id=pesantren.partner_id
        ).order_by("pk")
    )
    return OrderPart(group, lines)
