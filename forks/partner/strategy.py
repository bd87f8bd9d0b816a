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

from forks.catalogue.models import Product, ProductClass
from pesantren.models import Pesantren


class Selector:
    def strategy(self, request=None, user=None, **kwargs):
        return PesantrenStrategy(request)


class PesantrenStrategy(UseFirstStockRecord, StockRequired, NoTax, Structured):
    def __init__(self, request=None):
        super().__init__(request)
        self._selling_partner_ids = None
        self._stock_tracking_classes = None

    def is_selling(self, partner_id):
        """Whether the partner belongs to a verified pesantren (one query per strategy)."""
        if self._selling_partner_ids is None:
            self._selling_partner_ids = set(
                Pesantren.objects.public().order_by().values_list("partner_id", flat=True)
            )
        return partner_id in self._selling_partner_ids

    def tracks_stock(self, product):
        """Whether the product's class tracks stock (one query per strategy).

        Oscar asks ``product.get_product_class()``, one query per basket line
        when the class was not selected with the product.
        """
        if Product.product_class.is_cached(product):
            return product.product_class.track_stock
        if self._stock_tracking_classes is None:
            self._stock_tracking_classes = dict(
                ProductClass.objects.values_list("pk", "track_stock")
            )
        class_id = product.product_class_id
        if class_id is None and product.is_child:
            class_id = product.parent.product_class_id
        return self._stock_tracking_classes.get(class_id, True)

    def availability_policy(self, product, stockrecord):
        if stockrecord is None:
            return availability.Unavailable()
        if not self.is_selling(stockrecord.partner_id) or not self.is_listed(product):
            return availability.Unavailable()
        if not self.tracks_stock(product):
            return availability.Available()
        return availability.StockRequired(stockrecord.net_stock_level)

    @staticmethod
    def is_listed(product):
        """Unpublished products (or variants of one) cannot be bought."""
        if product.is_child:
            return product.is_public and product.parent.is_public
        return product.is_public

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
