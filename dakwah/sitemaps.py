"""Sitemap sections of the dakwah pages (combined in kesan/urls.py)."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from dakwah import selectors
from dakwah.models import Article, Kajian, Ustadz
from pesantren.models import Pesantren


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.7

    def items(self):
        return Article.objects.public().only("slug", "date_updated").order_by("pk")

    def lastmod(self, item):
        return item.date_updated


class KajianSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Kajian.objects.public().only("slug", "date_updated").order_by("pk")

    def lastmod(self, item):
        return item.date_updated


class UstadzSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.4

    def items(self):
        return (
            Ustadz.objects.filter(pesantren__status=Pesantren.Status.VERIFIED)
            .only("slug")
            .order_by("pk")
        )


class DakwahPagesSitemap(Sitemap):
    """The dakwah home, the kajian list and every category page."""

    changefreq = "daily"
    priority = 0.5

    def items(self):
        pages = ["dakwah:home", "dakwah:article-list", "dakwah:kajian-list"]
        categories = selectors.categories_with_articles().filter(article_count__gt=0)
        return pages + [category.get_absolute_url() for category in categories]

    def location(self, item):
        return item if item.startswith("/") else reverse(item)


SITEMAPS = {
    "dakwah-pages": DakwahPagesSitemap,
    "articles": ArticleSitemap,
    "kajian": KajianSitemap,
    "ustadz": UstadzSitemap,
}
