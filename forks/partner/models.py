"""Oscar's partner app, with one rule added: a product has exactly one
stockrecord, so it is sold by exactly one pesantren."""

from django.db import models
from oscar.apps.partner.abstract_models import AbstractStockRecord


class StockRecord(AbstractStockRecord):
    class Meta(AbstractStockRecord.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["product"], name="partner_one_stockrecord_per_product"
            )
        ]


from oscar.apps.partner.models import *  # noqa: E402,F403  (Oscar's fork pattern)
