"""Changes sellers make to their products, stock and images.

Callers pass the seller's pesantren and objects already resolved through it
(marketplace.seller.selectors); these functions still write only rows of
that pesantren. A product is an Oscar standalone Product with exactly one
StockRecord, of its pesantren's partner.
"""

import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from forks.catalogue.models import Product, ProductCategory, ProductClass, ProductImage
from forks.partner.models import StockRecord
from marketplace import images as product_images
from marketplace import tasks
from marketplace.models import StockChange
from marketplace.seller import rules, selectors
from marketplace.text import clean_description

logger = logging.getLogger(__name__)

PRODUCT_FIELDS = [
    "title",
    "description",
    "weight_grams",
    "length_cm",
    "width_cm",
    "height_cm",
    "condition",
    "halal_certificate_number",
    "pirt_number",
    "bpom_number",
]


@dataclass
class ProductData:
    """What a seller sets on a product, from the form or an import row.

    ``fields`` are Product fields (PRODUCT_FIELDS); None for price, stock
    or category means "leave as it is" when updating.
    """

    fields: dict
    price: object = None
    stock: int | None = None
    sku: str = ""
    category: object = None
    publish: bool | None = None
    images: list = field(default_factory=list)


def default_product_class():
    product_class, _created = ProductClass.objects.get_or_create(
        slug=settings.MARKETPLACE_PRODUCT_CLASS_SLUG,
        defaults={
            "name": "Produk Pesantren",
            "requires_shipping": True,
            "track_stock": True,
        },
    )
    return product_class


@transaction.atomic
def save_product(
    pesantren, data, *, user, product=None, source=StockChange.Source.PRODUCT_FORM
):
    """Create (``product`` None) or update one of the pesantren's products.

    Raise ValidationError, and save nothing, if publishing is asked for and
    not allowed. Returns the product.
    """
    creating = product is None
    if creating:
        product = Product(
            structure=Product.STANDALONE,
            product_class=default_product_class(),
            is_public=False,
        )
    for name, value in data.fields.items():
        setattr(
            product, name, clean_description(value) if name == "description" else value
        )
    product.save()

    if creating:
        stockrecord = StockRecord(product=product, partner_id=pesantren.partner_id)
    else:
        stockrecord = StockRecord.objects.select_for_update().get(
            product=product, partner_id=pesantren.partner_id
        )
    if data.price is not None:
        stockrecord.price = data.price
    stockrecord.partner_sku = (
        data.sku or stockrecord.partner_sku or _next_sku(pesantren, product)
    )
    old_level = None if creating else stockrecord.num_in_stock
    if data.stock is not None:
        stockrecord.num_in_stock = data.stock
    elif creating:
        stockrecord.num_in_stock = 0
    stockrecord.save()
    if creating or old_level != stockrecord.num_in_stock:
        StockChange.objects.create(
            stockrecord=stockrecord,
            user=user,
            old_level=old_level,
            new_level=stockrecord.num_in_stock,
            source=source,
        )

    if data.category is not None:
        ProductCategory.objects.filter(product=product).exclude(
            category=data.category
        ).delete()
        ProductCategory.objects.get_or_create(product=product, category=data.category)
    # Checked before any picture is written, so a refusal leaves no file behind.
    if data.publish:
        check_can_publish(pesantren, product)
    if data.images:
        add_images(product, data.images)
    if data.publish:
        publish_product(pesantren, product)
    elif data.publish is False and product.is_public:
        unpublish_product(product)
    return product


def _next_sku(pesantren, product):
    sku = f"P{product.pk:06d}"
    taken = StockRecord.objects.filter(
        partner_id=pesantren.partner_id, partner_sku__startswith=sku
    )
    if not taken.filter(partner_sku=sku).exists():
        return sku
    return f"{sku}-{taken.count() + 1}"


def sale_gaps(pesantren, product):
    """The Gaps that keep ``product`` from being published (fresh from the db)."""
    annotated = selectors.product_of(pesantren, product.pk)
    rule_paths = rules.legality_rule_paths()
    gaps = rules.find_gaps(
        annotated,
        price=annotated.stock_price,
        category_path=annotated.category_path,
        has_image=annotated.has_image,
        rule_paths=rule_paths,
    )
    # The rules follow the first category, but no category of a product on
    # sale may be prohibited.
    other_paths = annotated.categories.values_list("path", flat=True)
    if any(
        rule_paths.get(path) is not None and rule_paths[path].prohibited
        for path in other_paths
    ) and not any(gap.code == "prohibited" for gap in gaps):
        gaps.insert(0, rules.gap("prohibited"))
    return rules.blocking_gaps(gaps)


def check_can_publish(pesantren, product):
    """Raise ValidationError listing why ``product`` cannot be put on sale."""
    if not pesantren.can_publish:
        raise ValidationError(
            _(
                "Products can be published once the pesantren is verified (now: "
                "%(status)s)."
            )
            % {"status": pesantren.get_status_display()},
            code="pesantren_not_verified",
        )
    gaps = sale_gaps(pesantren, product)
    if gaps:
        raise ValidationError(
            [ValidationError(str(gap.message), code=gap.code) for gap in gaps]
        )


def publish_product(pesantren, product):
    """Put ``product`` on sale; raise ValidationError if it may not be."""
    check_can_publish(pesantren, product)
    Product.objects.filter(pk=product.pk).update(is_public=True)
    product.is_public = True
    logger.info("%s product %s published", pesantren.slug, product.pk)


def unpublish_product(product):
    Product.objects.filter(pk=product.pk).update(is_public=False)
    product.is_public = False


@transaction.atomic
def delete_product(pesantren, product):
    """Delete ``product``, or only unpublish it when it has orders.

    Order lines keep their own copy of title and price, but a product that
    was sold stays for the order history. Returns True if deleted.
    """
    if selectors.has_orders(product):
        unpublish_product(product)
        logger.info("%s product %s has orders: unpublished", pesantren.slug, product.pk)
        return False
    names = list(product.images.values_list("original", flat=True))
    product.delete()
    transaction.on_commit(lambda: product_images.delete_renditions(names))
    logger.info("%s product %s deleted", pesantren.slug, product.pk)
    return True


@transaction.atomic
def set_stock(stockrecord, new_level, *, user, source=StockChange.Source.QUICK_EDIT):
    """Set the number in stock and record the change; a no-op records nothing.

    The row is locked, so two quick edits at once each record what they saw.
    """
    stockrecord = StockRecord.objects.select_for_update().get(pk=stockrecord.pk)
    old_level = stockrecord.num_in_stock
    if old_level == new_level:
        return None
    stockrecord.num_in_stock = new_level
    stockrecord.save(update_fields=["num_in_stock", "date_updated"])
    return StockChange.objects.create(
        stockrecord=stockrecord,
        user=user,
        old_level=old_level,
        new_level=new_level,
        source=source,
    )


# Images ------------------------------------------------------------------


@transaction.atomic
def add_images(product, images):
    """Append CleanImages to ``product``'s pictures; the first becomes primary
    if it has none. Renditions are made by Celery after commit."""
    start = product.images.count()
    created = []
    for offset, image in enumerate(images):
        picture = ProductImage(
            product=product, caption=product.title, display_order=start + offset
        )
        picture.original.save(image.file.name, image.file, save=False)
        picture.save()
        created.append(picture)
    for picture in created:
        name = picture.original.name
        transaction.on_commit(lambda name=name: tasks.make_image_renditions.delay(name))
    return created


@transaction.atomic
def move_image(image, step):
    """Swap ``image`` with its neighbour (step -1: earlier, +1: later)."""
    ordered = list(
        ProductImage.objects.select_for_update()
        .filter(product_id=image.product_id)
        .order_by("display_order", "pk")
    )
    index = next(i for i, picture in enumerate(ordered) if picture.pk == image.pk)
    target = index + step
    if not 0 <= target < len(ordered):
        return
    ordered[index], ordered[target] = ordered[target], ordered[index]
    _renumber(ordered)


@transaction.atomic
def make_primary(image):
    ordered = list(
        ProductImage.objects.select_for_update()
        .filter(product_id=image.product_id)
        .order_by("display_order", "pk")
    )
    ordered.sort(key=lambda picture: picture.pk != image.pk)
    _renumber(ordered)


@transaction.atomic
def delete_image(image):
    name = image.original.name
    product_id = image.product_id
    image.delete()
    _renumber(
        list(
            ProductImage.objects.filter(product_id=product_id).order_by(
                "display_order", "pk"
            )
        )
    )
    transaction.on_commit(lambda: product_images.delete_renditions([name]))


def _renumber(ordered):
    for position, picture in enumerate(ordered):
        if picture.display_order != position:
            ProductImage.objects.filter(pk=picture.pk).update(display_order=position)
