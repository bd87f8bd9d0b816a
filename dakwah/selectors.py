"""Reads of dakwah content, each with a known query count.

Public pages read only ``public()`` content (published, of a verified
pesantren), except where a function says otherwise. The seller dashboard's
reads, at the end, take the member's pesantren first and read nothing of
another. Linked products are the one read of commerce: they go through the
marketplace's own listing, so a product that is hidden or no longer for sale
is never shown under an article.
"""

from django.db.models import Count, OuterRef, Q, Subquery, Value
from django.shortcuts import get_object_or_404
from django.utils import timezone

from dakwah.models import Article, Category, ContentEvent, Kajian, Media, Status, Ustadz
from forks.catalogue.models import Product
from forks.partner.models import StockRecord
from marketplace.selectors import listed_products
from pesantren.models import Pesantren

MAX_SEARCH_WORDS = 8


def public_articles():
    """Published articles, newest first, with what a card shows (1 query)."""
    return (
        Article.objects.public()
        .select_related("author", "pesantren", "category")
        .order_by("-date_published", "-id")
    )


def latest_articles(limit=6, pesantren=None):
    articles = public_articles()
    if pesantren is not None:
        articles = articles.filter(pesantren=pesantren)
    return list(articles[:limit])


def article_for_detail(slug, include_unpublished=False):
    """The article of ``slug`` with its tags and media, or None.

    ``include_unpublished`` lets a page show a preview to the writers; the
    caller checks that they are allowed to see it.
    """
    articles = (
        Article.objects.all() if include_unpublished else Article.objects.public()
    )
    return (
        articles.select_related("author", "pesantren", "category")
        .prefetch_related("tags", "media")
        .filter(slug=slug)
        .first()
    )


def kajian_for_detail(slug, include_unpublished=False):
    kajian = Kajian.objects.all() if include_unpublished else Kajian.objects.public()
    return (
        kajian.select_related("ustadz", "pesantren")
        .prefetch_related("media")
        .filter(slug=slug)
        .first()
    )


def _public_kajian(pesantren=None, ustadz=None):
    kajian = Kajian.objects.public().select_related("ustadz", "pesantren")
    if pesantren is not None:
        kajian = kajian.filter(pesantren=pesantren)
    if ustadz is not None:
        kajian = kajian.filter(ustadz=ustadz)
    return kajian


def upcoming_kajian(limit=None, pesantren=None, ustadz=None, now=None):
    """Kajian with a session to come, soonest first (1 query).

    Each one gets ``next_start`` (aware, in its own zone). The next session
    of a weekly kajian is computed, not stored, so the sort happens here; a
    platform has a few hundred running kajian at most.
    """
    now = now or timezone.now()
    candidates = _public_kajian(pesantren, ustadz).filter(
        Kajian.upcoming_condition(now)
    )
    upcoming = []
    for kajian in candidates:
        kajian.next_start = kajian.next_start_at(now)
        if kajian.next_start is not None:
            upcoming.append(kajian)
    upcoming.sort(key=lambda kajian: (kajian.next_start, kajian.pk))
    return upcoming[:limit] if limit else upcoming


def past_kajian(pesantren=None, ustadz=None, now=None):
    """Kajian whose last session is over, most recent first (1 query)."""
    now = now or timezone.now()
    candidates = _public_kajian(pesantren, ustadz).exclude(
        recurrence="weekly", repeat_until=None
    )
    past = []
    for kajian in candidates:
        if kajian.next_start_at(now) is None:
            kajian.last_session = kajian.last_start()
            past.append(kajian)
    past.sort(key=lambda kajian: (kajian.last_session, kajian.pk), reverse=True)
    return past


def categories_with_articles():
    """Categories with their number of public articles, in menu order."""
    published = Q(
        articles__status=Status.PUBLISHED,
        articles__pesantren__status=Pesantren.Status.VERIFIED,
    )
    return Category.objects.annotate(article_count=Count("articles", filter=published))


def public_ustadz():
    return Ustadz.objects.filter(
        pesantren__status=Pesantren.Status.VERIFIED
    ).select_related("pesantren")


def search_dakwah(query):
    """Public articles, kajian and ustadz matching every word of ``query``."""
    words = query.split()[:MAX_SEARCH_WORDS]
    articles, kajian, ustadz = public_articles(), _public_kajian(), public_ustadz()
    for word in words:
        articles = articles.filter(
            Q(title__icontains=word)
            | Q(summary__icontains=word)
            | Q(body__icontains=word)
        )
        kajian = kajian.filter(
            Q(title__icontains=word)
            | Q(theme__icontains=word)
            | Q(ustadz__name__icontains=word)
        )
        ustadz = ustadz.filter(name__icontains=word)
    return {
        "articles": list(articles[:30]),
        "kajian": list(kajian.order_by("-starts_at")[:30]),
        "ustadz": list(ustadz[:30]),
    }


# Products linked to articles ------------------------------------------------


def linked_products_to_show(article):
    """The article's linked products that are for sale now, as product cards."""
    linked = Article.linked_products.through.objects.filter(article=article)
    return listed_products("title").filter(pk__in=linked.values("product_id"))


def products_for_linking(pesantren):
    """Products ``pesantren`` sells, for the linked-products picker."""
    return Product.objects.filter(
        stockrecords__partner_id=pesantren.partner_id
    ).order_by("title")


def products_not_sold_by(pesantren, products):
    """Those of ``products`` that ``pesantren`` does not sell itself."""
    products = list(products)
    own = set(
        StockRecord.objects.filter(
            product_id__in=[product.pk for product in products],
            partner_id=pesantren.partner_id,
        ).values_list("product_id", flat=True)
    )
    return [product for product in products if product.pk not in own]


# The seller dashboard: one pesantren's content in every state ---------------

DASHBOARD_FILTERS = [Status.DRAFT, Status.IN_REVIEW, Status.PUBLISHED]


def _with_last_event(items, subject):
    """Annotate the latest editorial action and its reason (the remarks), and
    ``kind`` ("article" or "kajian") for pages that list both."""
    latest = ContentEvent.objects.filter(**{subject: OuterRef("pk")}).order_by(
        "-date_created", "-id"
    )
    return items.annotate(
        kind=Value(subject),
        last_action=Subquery(latest.values("action")[:1]),
        last_reason=Subquery(latest.values("reason")[:1]),
    )


def pesantren_articles(pesantren, status=""):
    """The articles of ``pesantren``, last changed first (1 query)."""
    articles = Article.objects.filter(pesantren=pesantren)
    if status:
        articles = articles.filter(status=status)
    return _with_last_event(
        articles.select_related("author", "category"), "article"
    ).order_by("-date_updated", "-id")


def pesantren_kajian(pesantren, status=""):
    """The kajian of ``pesantren``, last changed first (1 query)."""
    kajian = Kajian.objects.filter(pesantren=pesantren)
    if status:
        kajian = kajian.filter(status=status)
    return _with_last_event(kajian.select_related("ustadz"), "kajian").order_by(
        "-date_updated", "-id"
    )


def pesantren_ustadz(pesantren):
    """The ustadz of ``pesantren`` with their numbers of articles and kajian."""
    return Ustadz.objects.filter(pesantren=pesantren).annotate(
        article_count=Count("articles", distinct=True),
        kajian_count=Count("kajian", distinct=True),
    )


def article_of(pesantren, article_pk):
    """The article ``article_pk`` of ``pesantren`` in any state, or Http404."""
    return get_object_or_404(
        Article.objects.filter(pesantren=pesantren).select_related(
            "pesantren", "author", "category"
        ),
        pk=article_pk,
    )


def kajian_of(pesantren, kajian_pk):
    """The kajian ``kajian_pk`` of ``pesantren`` in any state, or Http404."""
    return get_object_or_404(
        Kajian.objects.filter(pesantren=pesantren).select_related(
            "pesantren", "ustadz"
        ),
        pk=kajian_pk,
    )


def ustadz_of(pesantren, ustadz_pk):
    return get_object_or_404(
        Ustadz.objects.filter(pesantren=pesantren).select_related("pesantren"),
        pk=ustadz_pk,
    )


def media_of(pesantren, media_pk):
    """A video or audio of an article or kajian of ``pesantren``, or Http404."""
    return get_object_or_404(
        Media.objects.filter(
            Q(article__pesantren=pesantren) | Q(kajian__pesantren=pesantren)
        ).select_related("article__pesantren", "kajian__pesantren"),
        pk=media_pk,
    )


def content_history(content):
    """The editorial events of an article or kajian, latest first (1 query)."""
    return content.events.select_related("actor")


def editorial_counts(pesantren):
    """{"article": {status: n}, "kajian": {status: n}} of ``pesantren`` (2 queries)."""
    counts = {}
    for name, model in (("article", Article), ("kajian", Kajian)):
        rows = (
            model.objects.filter(pesantren=pesantren)
            .values_list("status")
            .annotate(count=Count("id"))
            .order_by()
        )
        counts[name] = {status: 0 for status in Status.values} | dict(rows)
    return counts


def waiting_for_review(pesantren):
    """Articles and kajian in review, oldest change first (2 queries)."""
    items = [
        *pesantren_articles(pesantren, Status.IN_REVIEW),
        *pesantren_kajian(pesantren, Status.IN_REVIEW),
    ]
    return sorted(items, key=lambda item: item.date_updated)


def returned_with_remarks(pesantren):
    """Drafts the owner sent back, with the remarks, latest first (2 queries)."""
    returned = ContentEvent.Action.RETURNED
    items = [
        *pesantren_articles(pesantren, Status.DRAFT).filter(last_action=returned),
        *pesantren_kajian(pesantren, Status.DRAFT).filter(last_action=returned),
    ]
    return sorted(items, key=lambda item: item.date_updated, reverse=True)
