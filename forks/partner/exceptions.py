from oscar.apps.partner.exceptions import *  # noqa: F403  (Oscar's fork pattern)


class InsufficientStock(Exception):
    """Fewer units are in stock than an order asks for."""

    def __init__(self, stockrecords):
        self.stockrecords = list(stockrecords)
        super().__init__(", ".join(str(record.pk) for record in self.stockrecords))

    @property
    def titles(self):
        return [record.product.get_title() for record in self.stockrecords]
