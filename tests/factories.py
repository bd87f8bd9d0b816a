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
