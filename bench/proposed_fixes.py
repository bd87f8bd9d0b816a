"""The fixes proposed in docs/benchmarks.md, applied in-process for measuring.

App code is not changed: each fix replaces one function or method at start-up
with the code the fix would put in the app. Used by bench/try_fixes.py
(test client) and, through bench/fixes_settings.py, by bench/run.sh to serve
and measure a patched copy of the site with the same harness:

    KESAN_SETTINGS=fixes_settings KESAN_SITE=kesan-fixed bench/run.sh
"""

from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models import Exists, OuterRef


def sold_by_public_pesantren_split():
    """Fix 1 (marketplace/selectors.py): two EXISTS, each an index probe,
    instead of one EXISTS over an OR that PostgreSQL can only nest-loop."""
    from forks.partner.models import StockRecord
    from pesantren.models import Pesantren

    verified = {"partner__pesantren__status": Pesantren.Status.VERIFIED}
    own = StockRecord.objects.filter(product=OuterRef("pk"), **verified)
    of_children = StockRecord.objects.filter(product__parent=OuterRef("pk"), **verified)
    return Exists(own) | Exists(of_children)


def jit_off(sender, connection, **kwargs):
    """Fix 2 (kesan/settings.py): no JIT compilation for short OLTP queries;
    in the app, DATABASES OPTIONS {"options": "-c jit=off"} does the same."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET jit = off")


def all_lines_with_classes(self):
    """Fix 3 (a forked basket app): Oscar's Basket.all_lines() with the
    product classes joined, since the strategy reads track_stock per line."""
    if self.id is None:
        return self.lines.model.objects.none()
    if self._lines is None:
        self._lines = (
            self.lines.select_related(
                "product__product_class", "product__parent__product_class", "stockrecord"
            )
            .prefetch_related("attributes", "product__images")
            .order_by(self._meta.pk.name)
        )
    return self._lines


def apply_listing_fixes():
    from marketplace import selectors

    selectors._sold_by_public_pesantren = sold_by_public_pesantren_split
    connection_created.connect(jit_off)


def apply_basket_fix():
    from oscar.apps.basket.abstract_models import AbstractBasket

    AbstractBasket.all_lines = all_lines_with_classes


class ProposedFixesConfig(AppConfig):
    name = "proposed_fixes"
    label = "bench_proposed_fixes"

    def ready(self):
        apply_listing_fixes()
        apply_basket_fix()
