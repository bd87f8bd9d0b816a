"""Pricing and availability for a marketplace of pesantren.

A product has one stockrecord (one pesantren). It can be bought only while
that pesantren is verified: suspending a pesantren makes all of its products
unavailable at once, in the catalogue, the basket and checkout.
"""

from oscar.apps.partner import availability
from oscar.apps.partner.strategy import (
    NoTax,
    PurchaseInfo,
    StockRequired,
    Structured,
    UseFirstStockRecord,
)

from pesantren.models import Pesantren


class Selector:
    def strategy(self, request=None, user=None, **kwargs):
        return PesantrenStrategy(request)


class PesantrenStrategy(UseFirstStockRecord, StockRequired, NoTax, Structured):
    def __init__(self, request=None):
        super().__init__(request)
        self._selling_partner_ids = None

    def is_selling(self, partner_id):
        """Whether the partner belongs to a verified pesantren (one query per strategy)."""
        if self._selling_partner_ids is None:
            self._selling_partner_ids = set(
                Pesantren.objects.public().values_list("partner_id", flat=True)
            )
        return partner_id in self._selling_partner_ids

    def availability_policy(self, product, stockrecord):
        if stockrecord is not None and not self.is_selling(stockrecord.partner_id):
            return availability.Unavailable()
        return super().availability_policy(product, stockrecord)

    def fetch_for_line(self, line, stockrecord=None):
        # Oscar ignores the line's own stockrecord here and re-selects one from
        # the product; price and check the stockrecord the line was added with.
        stockrecord = stockrecord or line.stockrecord
        if stockrecord is None:
            return self.fetch_for_product(line.product)
        return PurchaseInfo(
            price=self.pricing_policy(line.product, stockrecord),
            availability=self.availability_policy(line.product, stockrecord),
            stockrecord=stockrecord,
        )
