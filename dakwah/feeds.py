"""RSS and Atom feeds of published articles and kajian."""

from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from dakwah import selectors
from dakwah.models import Kajian

FEED_SIZE = 20


class ArticleRssFeed(Feed):
    title = _("KESAN dakwah: latest articles")
    description = _("Articles by the ustadz of pesantren on KESAN.")
    link = reverse_lazy("dakwah:home")

    def items(self):
        return selectors.public_articles()[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.date_published

    def item_updateddate(self, item):
        return item.date_updated

    def item_author_name(self, item):
        return f"{item.author.name} ({item.pesantren.name})"

    def item_categories(self, item):
        return [item.category.name]


class ArticleAtomFeed(ArticleRssFeed):
    feed_type = Atom1Feed
    subtitle = ArticleRssFeed.description


class KajianRssFeed(Feed):
    """Newly published kajian, so followers hear of a new series at once."""

    title = _("KESAN dakwah: kajian")
    description = _("Kajian schedules of pesantren on KESAN.")
    link = reverse_lazy("dakwah:kajian-list")

    def items(self):
        return (
            Kajian.objects.public()
            .select_related("ustadz", "pesantren")
            .order_by("-date_published", "-id")[:FEED_SIZE]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return f"{item.theme} · {item.ustadz.name} · {item.pesantren.name}"

    def item_pubdate(self, item):
        return item.date_published

    def item_author_name(self, item):
        return item.ustadz.name


class KajianAtomFeed(KajianRssFeed):
    feed_type = Atom1Feed
    subtitle = KajianRssFeed.description
