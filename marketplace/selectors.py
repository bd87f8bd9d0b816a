"""Reads of the public catalogue, each with a known and constant query count.

Every listing goes through ``listed_products``: one query for the page, one
for its stockrecords (with their pesantren) and one for its images, whatever
the page size or the size of the catalogue.
"""

from django.core.cache import cache
from django.db.models import Exists, OuterRef, Prefetch, Q, Subquery

from forks.catalogue.models import Category, Product, ProductCategory, ProductImage
from forks.partner.models import StockRecord
from pesantren.models import Pesantren

CATEGORY_TREE_CACHE_KEY = "marketplace:category-tree"

SORTS = {
    "newest": ("-date_created", "-id"),
    "price_asc": ("listed_price", "id"),
    "price_desc": ("-listed_price", "-id"),
    "title": ("title", "id"),
}
DEFAULT_SORT = "newest"


def _sold_by_public_pesantren():
    """True for a product (or a parent of one) offered by a verified pesantren."""
    offers = StockRecord.objects.filter(
        partner__pesantren__status=Pesantren.Status.VERIFIED
    )
    # Two EXISTS, not one over an OR: PostgreSQL cannot use an index for an
    # OR inside a semi-join and compares every product with every offer.
    sold = Exists(offers.filter(product=OuterRef("pk")))
    sold_as_variant = Exists(offers.filter(product__parent=OuterRef("pk")))
    return sold | sold_as_variant


def with_card_data(products):
    """Add what a product card or page shows: class, price, pesantren, images."""
    return products.select_related("product_class").prefetch_related(
        Prefetch(
            "stockrecords",
            queryset=StockRecord.objects.select_related("partner__pesantren"),
        ),
        Prefetch("images", queryset=ProductImage.objects.order_by("display_order")),
    )


def listed_products(sort=DEFAULT_SORT):
    """Public products of verified pesantren, ready to render as cards."""
    price = StockRecord.objects.filter(product=OuterRef("pk")).values("price")[:1]
    products = (
        Product.objects.browsable()
        .filter(is_public=True)
        .filter(_sold_by_public_pesantren())
        .annotate(listed_price=Subquery(price))
        .order_by(*SORTS.get(sort, SORTS[DEFAULT_SORT]))
    )
    return with_card_data(products)


def in_category(products, category):
    """Narrow ``products`` to those in ``category`` or any category below it."""
    in_subtree = ProductCategory.objects.filter(
        product=OuterRef("pk"), category__path__startswith=category.path
    )
    return products.filter(Exists(in_subtree))


def products_in_category(category, sort=DEFAULT_SORT):
    return in_category(listed_products(sort), category)


def products_of_pesantren(pesantren, sort=DEFAULT_SORT):
    return listed_products(sort).filter(stockrecords__partner_id=pesantren.partner_id)


def search_products(query, sort=DEFAULT_SORT):
    """Listed products whose title or description holds every word of ``query``."""
    products = listed_products(sort)
    for word in query.split()[:8]:
        products = products.filter(
            Q(title__icontains=word) | Q(description__icontains=word) | Q(upc=word)
        )
    return products


def product_for_detail(include_hidden=False):
    """Products for the detail page; hidden ones only for ``include_hidden``."""
    if include_hidden:
        products = with_card_data(Product.objects.all())
    else:
        products = listed_products()
    return products.select_related("parent").prefetch_related(
        "categories", "attribute_values__attribute"
    )


def selling_pesantren(product):
    """The pesantren that sells ``product`` (from prefetched stockrecords), or None."""
    for stockrecord in product.stockrecords.all():
        return stockrecord.partner.pesantren
    return None


def categories_with_products(pesantren):
    """Categories in which ``pesantren`` has listed products, by name."""
    return Category.objects.filter(
        Exists(
            ProductCategory.objects.filter(
                category=OuterRef("pk"),
                product__is_public=True,
                product__stockrecords__partner_id=pesantren.partner_id,
            )
        )
    ).order_by("name")


def category_tree():
    """Root categories with their children, as plain dicts (cached)."""
    tree = cache.get(CATEGORY_TREE_CACHE_KEY)
    if tree is None:
        tree = _build_category_tree()
        cache.set(CATEGORY_TREE_CACHE_KEY, tree, timeout=3600)
    return tree


def _build_category_tree():
    nodes = list(
        Category.objects.filter(is_public=True, exclude_from_menu=False).order_by("path")
    )
    roots, by_path = [], {}
    for node in nodes:
        entry = {
            "pk": node.pk,
            "name": node.name,
            "slug": node.slug,
            "url": node.get_absolute_url(),
            "children": [],
        }
        by_path[node.path] = entry
        parent = by_path.get(node.path[: -node.steplen])
        (parent["children"] if parent else roots).append(entry)
    return roots


def featured_pesantren(limit=6):
    return Pesantren.objects.public().filter(is_featured=True).order_by(
        "-is_opop_member", "name"
    )[:limit]
