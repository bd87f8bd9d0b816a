"""Oscar's order creator, with stock locked before anything is written.

``place_order`` locks the stockrecords of the basket (in id order) and
re-checks them first, so that of two buyers of the last unit exactly one gets
an order and the other an InsufficientStock error with nothing written.
"""

from collections import Counter

from django.db import transaction
from oscar.apps.order.utils import OrderCreator as CoreOrderCreator
from oscar.apps.order.utils import OrderDispatcher, OrderNumberGenerator

from forks.partner.models import lock_for_allocation

__all__ = ["OrderCreator", "OrderDispatcher", "OrderNumberGenerator"]


class OrderCreator(CoreOrderCreator):
    def place_order(self, basket, *args, **kwargs):
        with transaction.atomic():
            quantities = Counter()
            for line in basket.all_lines():
                quantities[line.stockrecord_id] += line.quantity
            self.locked_stockrecords = lock_for_allocation(quantities)
            return super().place_order(basket, *args, **kwargs)

    def update_stock_records(self, line):
        # Allocate through the locked row, which has the current counts.
        stockrecord = self.locked_stockrecords[line.stockrecord_id]
        if stockrecord.can_track_allocations:
            stockrecord.allocate(line.quantity)
