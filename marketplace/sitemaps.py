"""Sitemap sections of the shop: storefronts and listed products."""

from django.contrib.sitemaps import Sitemap

from marketplace.selectors import listed_products
from pesantren.models import Pesantren


class StorefrontSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.8

    def items(self):
        return Pesantren.objects.public().only("slug", "date_updated").order_by("pk")

    def lastmod(self, item):
        return item.date_updated


class ProductSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        # Only what a product URL needs; the card prefetches are dropped.
        return (
            listed_products()
            .prefetch_related(None)
            .select_related(None)
            .only("id", "slug", "date_updated")
            .order_by("pk")
        )

    def lastmod(self, item):
        return item.date_updated


SITEMAPS = {"storefronts": StorefrontSitemap, "products": ProductSitemap}
