"""Oscar's partner app, with two rules added: a product has exactly one
stockrecord, so it is sold by exactly one pesantren; and stock is never
allocated beyond what is in stock.

Oscar's ``allocate`` adds to ``num_allocated`` without looking at
``num_in_stock``, and checks availability only earlier, unlocked, so two
buyers of the last unit both get it. Here the stockrecords of an order are
locked in id order (``lock_for_allocation``) and re-checked under the lock,
and ``allocate`` itself refuses to go past the stock.
"""

from django.db import models
from django.db.models import F
from django.db.models.functions import Coalesce
from oscar.apps.partner.abstract_models import AbstractStockRecord

from forks.partner.exceptions import InsufficientStock


class StockRecord(AbstractStockRecord):
    class Meta(AbstractStockRecord.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["product"], name="partner_one_stockrecord_per_product"
            )
        ]

    def allocate(self, quantity):
        """Allocate ``quantity`` units, or raise InsufficientStock if fewer are free."""
        if not self.can_track_allocations:
            return
        self.pre_save_signal()
        allocated = Coalesce(F("num_allocated"), 0)
        updated = StockRecord.objects.filter(
            pk=self.pk, num_in_stock__gte=allocated + quantity
        ).update(num_allocated=allocated + quantity)
        if not updated:
            raise InsufficientStock([self])
        self.refresh_from_db(fields=["num_allocated"])
        self.post_save_signal()

    allocate.alters_data = True

    def restock(self, quantity):
        """Put ``quantity`` units back in stock (goods of a cancelled paid order)."""
        StockRecord.objects.filter(pk=self.pk).update(
            num_in_stock=Coalesce(F("num_in_stock"), 0) + quantity
        )
        self.refresh_from_db(fields=["num_in_stock"])

    restock.alters_data = True


def lock_for_allocation(quantities):
    """Lock the stockrecords in ``quantities`` ({stockrecord id: units}) and check them.

    Rows are locked in id order, so that concurrent orders over the same
    products never deadlock, and re-read under the lock. Return them by id;
    raise InsufficientStock naming every one that is short. Must run inside
    a transaction, which holds the locks until it ends.
    """
    records = (
        StockRecord.objects.select_for_update(of=("self",))
        .select_related("product__product_class", "product__parent__product_class")
        .filter(pk__in=quantities)
        .order_by("pk")
    )
    locked = {record.pk: record for record in records}
    short = [
        record
        for record in locked.values()
        if record.can_track_allocations and record.net_stock_level < quantities[record.pk]
    ]
    if short or len(locked) != len(quantities):
        raise InsufficientStock(short)
    return locked


from oscar.apps.partner.models import *  # noqa: E402,F403  (Oscar's fork pattern)
