"""Stock of placed orders: consumed when paid, given back when cancelled.

Placing an order allocates its units (forks/order/utils.py). Payment turns
the allocation into a sale (``consume``); an order cancelled unpaid gives the
allocation up (``release_allocations``); a part cancelled after payment puts
its goods back on the shelf (``restock``). Each runs once per order or part,
guarded by the caller's OrderEffect key, with the stockrecords locked in id
order like at placement.
"""

from django.db.models import F

from forks.partner.models import StockRecord


def _lock(lines):
    ids = sorted({line.stockrecord_id for line in lines if line.stockrecord_id})
    return {
        record.pk: record
        for record in StockRecord.objects.select_for_update(of=("self",))
        .filter(pk__in=ids)
        .order_by("pk")
    }


def consume(lines):
    """Turn the allocations of paid order ``lines`` into sold units."""
    lines = [line for line in lines if line.num_allocated]
    locked = _lock(lines)
    for line in sorted(lines, key=lambda line: line.stockrecord_id or 0):
        record = locked.get(line.stockrecord_id)
        quantity = line.num_allocated
        if record is not None and record.can_track_allocations:
            StockRecord.objects.filter(pk=record.pk).update(
                num_in_stock=F("num_in_stock") - quantity,
                num_allocated=F("num_allocated") - quantity,
            )
        type(line).objects.filter(pk=line.pk).update(num_allocated=0)


def release_allocations(lines):
    """Give up the allocations of unpaid order ``lines``."""
    lines = [
        line for line in lines if line.num_allocated and not line.allocation_cancelled
    ]
    locked = _lock(lines)
    for line in sorted(lines, key=lambda line: line.stockrecord_id or 0):
        record = locked.get(line.stockrecord_id)
        if record is not None and record.can_track_allocations:
            record.cancel_allocation(line.num_allocated)
        type(line).objects.filter(pk=line.pk).update(
            num_allocated=0, allocation_cancelled=True
        )


def restock(lines):
    """Put the sold units of cancelled paid order ``lines`` back in stock."""
    lines = list(lines)
    locked = _lock(lines)
    for line in sorted(lines, key=lambda line: line.stockrecord_id or 0):
        record = locked.get(line.stockrecord_id)
        if record is not None and record.can_track_allocations:
            record.restock(line.quantity)
