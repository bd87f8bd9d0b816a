"""Reads for the seller dashboard. Every function takes the seller's
pesantren first and starts its query from it, so nothing of another
pesantren can be returned; lookups by id raise Http404 outside it."""

from django.conf import settings
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404
from oscar.core.loading import get_model

from forks.catalogue.models import Category, Product, ProductCategory, ProductImage
from forks.partner.models import StockRecord
from marketplace.compliance.selectors import expired_certificate
from marketplace.fulfilment.models import FulfilmentGroup, OrderStatus
from marketplace.fulfilment.selectors import parts_of_pesantren, pesantren_part
from marketplace.models import ProductImport, StockChange
from marketplace.seller import rules

OrderLine = get_model("order", "Line")
PartStatus = FulfilmentGroup.Status

LIST_FILTERS = ["published", "draft", "out_of_stock", "low_stock", "incomplete"]


def products_of(pesantren):
    """The pesantren's products: each has exactly its one stockrecord."""
    return Product.objects.filter(stockrecords__partner_id=pesantren.partner_id)


def with_seller_data(products):
    """Annotate what the dashboard shows and filters on, in the same query."""
    low_default = settings.MARKETPLACE_LOW_STOCK_THRESHOLD
    first_category = ProductCategory.objects.filter(product=OuterRef("pk")).order_by(
        "pk"
    )
    return products.annotate(
        stockrecord_pk=F("stockrecords__pk"),
        sku=F("stockrecords__partner_sku"),
        stock_price=F("stockrecords__price"),
        stock_level=F("stockrecords__num_in_stock"),
        stock_allocated=F("stockrecords__num_allocated"),
        low_threshold=F("stockrecords__low_stock_threshold"),
        category_path=Subquery(first_category.values("category__path")[:1]),
        category_name=Subquery(first_category.values("category__name")[:1]),
        has_image=Exists(ProductImage.objects.filter(product=OuterRef("pk"))),
        certificate_expired=expired_certificate(),
    ).annotate(
        # Net stock, as Oscar's StockRecord.net_stock_level computes it.
        net_stock=F("stock_level") - Coalesce("stock_allocated", Value(0)),
        is_low=Q(
            stock_level__isnull=False,
            net_stock__gt=0,
            net_stock__lte=Coalesce("low_threshold", Value(low_default)),
        ),
    )


def product_list(pesantren, *, query="", status=""):
    """The pesantren's products for the list page, newest first, with images."""
    rule_paths = rules.legality_rule_paths()
    products = with_seller_data(products_of(pesantren))
    if query:
        for word in query.split()[:6]:
            products = products.filter(
                Q(title__icontains=word) | Q(sku__icontains=word)
            )
    if status == "published":
        products = products.filter(is_public=True)
    elif status == "draft":
        products = products.filter(is_public=False)
    elif status == "out_of_stock":
        products = products.filter(Q(net_stock__lte=0) | Q(stock_level__isnull=True))
    elif status == "low_stock":
        products = products.filter(is_low=True)
    elif status == "incomplete":
        products = products.filter(rules.any_gap_condition(rule_paths))
    products = products.order_by("-date_created", "-pk").prefetch_related(
        Prefetch("images", queryset=ProductImage.objects.order_by("display_order"))
    )
    return products, rule_paths


def attach_gaps(products, rule_paths):
    """Set ``product.gaps`` on each annotated product of a page."""
    for product in products:
        product.gaps = rules.find_gaps(
            product,
            price=product.stock_price,
            category_path=product.category_path,
            has_image=product.has_image,
            rule_paths=rule_paths,
        )
    return products


def overview(pesantren):
    """Counts for the overview: products, published, stock and each gap."""
    rule_paths = rules.legality_rule_paths()
    products = with_seller_data(products_of(pesantren))
    gap_counts = {
        f"gap_{code}": Count("pk", filter=condition)
        for code, condition in rules.gap_conditions(rule_paths).items()
    }
    counts = products.aggregate(
        total=Count("pk"),
        published=Count("pk", filter=Q(is_public=True)),
        out_of_stock=Count(
            "pk", filter=Q(net_stock__lte=0) | Q(stock_level__isnull=True)
        ),
        low_stock=Count("pk", filter=Q(is_low=True)),
        incomplete=Count("pk", filter=rules.any_gap_condition(rule_paths)),
        **gap_counts,
    )
    gaps = [
        (rules.gap(code), counts[f"gap_{code}"])
        for code in rules.GAPS
        if counts.get(f"gap_{code}")
    ]
    return counts, gaps


def low_stock_products(pesantren, limit=8):
    products = with_seller_data(products_of(pesantren)).filter(
        Q(is_low=True) | Q(net_stock__lte=0) | Q(stock_level__isnull=True)
    )
    return products.order_by("net_stock", "title")[:limit]


def incomplete_products(pesantren, limit=8):
    rule_paths = rules.legality_rule_paths()
    products = with_seller_data(products_of(pesantren)).filter(
        rules.any_gap_condition(rule_paths)
    )
    return attach_gaps(
        list(products.order_by("-date_created", "-pk")[:limit]), rule_paths
    )


def product_of(pesantren, pk):
    """One of the pesantren's products with its seller data, or Http404."""
    return get_object_or_404(with_seller_data(products_of(pesantren)), pk=pk)


def stockrecord_of(pesantren, product):
    return get_object_or_404(
        StockRecord, product=product, partner_id=pesantren.partner_id
    )


def image_of(pesantren, pk):
    return get_object_or_404(
        ProductImage.objects.select_related("product"),
        pk=pk,
        product__stockrecords__partner_id=pesantren.partner_id,
    )


def images_of(product):
    return product.images.order_by("display_order", "pk")


def stock_history(pesantren, product, limit=50):
    changes = StockChange.objects.filter(
        stockrecord__product=product, stockrecord__partner_id=pesantren.partner_id
    )
    return changes.select_related("user")[:limit]


def import_of(pesantren, pk):
    return get_object_or_404(ProductImport, pk=pk, pesantren=pesantren)


def import_summary(product_import, preview_rows=20):
    """What the check found: rows to create and update, and the first valid rows."""
    failed = {error["line"] for error in product_import.row_errors}
    valid = [row for row in product_import.rows if row["line"] not in failed]
    return {
        "creates": sum(1 for row in valid if row.get("action") == "create"),
        "updates": sum(1 for row in valid if row.get("action") == "update"),
        "preview": valid[:preview_rows],
    }


def recent_imports(pesantren, limit=10):
    return pesantren.product_imports.defer("rows")[:limit]


def member_of(pesantren, pk):
    return get_object_or_404(pesantren.memberships.select_related("user"), pk=pk)


def invitation_of(pesantren, pk):
    return get_object_or_404(pesantren.invitations, pk=pk)


def leaf_categories():
    """Every leaf category: the product form refuses hidden and prohibited
    ones with a message (category_choices lists only those that may be used)."""
    return Category.objects.filter(numchild=0).order_by("path")


def category_choices(rule_paths=None):
    """Public leaf categories that may be sold, as (category, "Root › Leaf"
    label), in tree order."""
    rule_paths = rule_paths if rule_paths is not None else rules.legality_rule_paths()
    categories = list(Category.objects.filter(is_public=True).order_by("path"))
    names = {category.path: category.name for category in categories}
    labels = []
    for category in categories:
        rule = rule_paths.get(category.path)
        if category.numchild or (rule is not None and rule.prohibited):
            continue
        parents = [
            names.get(category.path[: depth * category.steplen], "")
            for depth in range(1, category.depth)
        ]
        labels.append((category, " › ".join([*parents, category.name])))
    return labels


def has_orders(product):
    return OrderLine.objects.filter(product=product).exists()


# Orders --------------------------------------------------------------------

# The list's status filters, in the order a pesantren works through them.
ORDER_FILTERS = [
    PartStatus.NEW,
    PartStatus.PROCESSING,
    PartStatus.SHIPPED,
    PartStatus.RECEIVED,
    PartStatus.CANCELLED,
]
WAITING = [PartStatus.NEW, PartStatus.PROCESSING]


def with_order_details(parts, pesantren):
    """Add what a part's card shows: order, buyer, address and its own lines.

    The lines come in one query for the whole page, and only those of the
    pesantren's partner: a part never shows another pesantren's lines.
    """
    own_lines = OrderLine.objects.filter(partner_id=pesantren.partner_id).order_by("pk")
    return parts.select_related(
        "order__shipping_address", "order__user"
    ).prefetch_related(
        Prefetch("order__lines", queryset=own_lines, to_attr="own_lines")
    )


def order_list(pesantren, *, query="", status=""):
    """The pesantren's paid parts for the list page.

    Parts still to send come oldest paid first, so that the buyer who has
    waited longest is served first; the others come newest first.
    """
    parts = with_order_details(parts_of_pesantren(pesantren), pesantren)
    number = query.strip().lstrip("#")
    if number:
        parts = parts.filter(order__number__icontains=number)
    if status in ORDER_FILTERS:
        parts = parts.filter(status=status)
    if status in WAITING:
        parts = parts.order_by("date_paid", "pk")
    return parts


def order_status_counts(pesantren):
    """How many paid parts the pesantren has in each status (one query)."""
    return parts_of_pesantren(pesantren).aggregate(
        **{status: Count("pk", filter=Q(status=status)) for status in ORDER_FILTERS}
    )


def orders_waiting(pesantren, limit=5):
    """Counts of the paid parts to send, and the oldest of them, for the overview.

    A part whose payment was reversed is not counted: it must not be sent.
    """
    waiting = parts_of_pesantren(pesantren).filter(
        status__in=WAITING, order__status=OrderStatus.PAID
    )
    counts = waiting.aggregate(
        total=Count("pk"),
        to_process=Count("pk", filter=Q(status=PartStatus.NEW)),
        processing=Count("pk", filter=Q(status=PartStatus.PROCESSING)),
    )
    oldest = waiting.select_related("order__shipping_address").order_by(
        "date_paid", "pk"
    )[:limit]
    return counts, oldest


def order_part_of(pesantren, pk):
    """One paid part of the pesantren with its own lines, or Http404."""
    try:
        return pesantren_part(pesantren, pk)
    except FulfilmentGroup.DoesNotExist:
        raise Http404 from None


def part_history(part):
    """The part's status changes, oldest first, with who made them."""
    return part.group.events.select_related("actor").order_by("pk")


def part_refunds(part):
    return part.group.refunds.order_by("pk")
