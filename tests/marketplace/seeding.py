"""Run ``seed_demo`` and photograph what it wrote, for the seed tests."""

import io

from django.contrib.auth import get_user_model
from django.core.management import call_command

from forks.catalogue.models import Category, Product, ProductCategory, ProductImage
from forks.partner.models import Partner, StockRecord
from marketplace.compliance.models import CategoryRule, Certificate
from pesantren.models import Membership, Pesantren


def seed(*args):
    out = io.StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def snapshot():
    """Counts of every table the seed writes, and the key fields of its rows."""
    User = get_user_model()
    models = [
        Pesantren,
        Partner,
        Membership,
        Category,
        Product,
        ProductCategory,
        ProductImage,
        StockRecord,
        User,
        CategoryRule,
        Certificate,
    ]
    return {
        "counts": {model.__name__: model.objects.count() for model in models},
        "pesantren": list(
            Pesantren.objects.order_by("slug").values_list(
                "slug",
                "name",
                "status",
                "province_code",
                "regency_code",
                "is_opop_member",
                "is_featured",
                "logo",
                "banner",
                "partner__code",
                "date_updated",
            )
        ),
        "products": list(
            Product.objects.order_by("upc").values_list(
                "upc",
                "title",
                "slug",
                "weight_grams",
                "halal_certificate_number",
                "pirt_number",
                "bpom_number",
                "is_public",
                "date_updated",
            )
        ),
        "stockrecords": list(
            StockRecord.objects.order_by("product__upc").values_list(
                "product__upc",
                "partner__code",
                "partner_sku",
                "price",
                "num_in_stock",
                "date_updated",
            )
        ),
        "certificates": list(
            Certificate.objects.order_by("product__upc").values_list(
                "product__upc", "number", "document", "status", "date_verified"
            )
        ),
        "categories": list(
            Category.objects.order_by("path").values_list("slug", "is_public")
        ),
        "images": list(
            ProductImage.objects.order_by("product__upc").values_list(
                "product__upc",
                "original",
            )
        ),
        "users": list(
            User.objects.order_by("email").values_list(
                "email",
                "username",
                "password",
                "is_staff",
                "is_superuser",
            )
        ),
        "memberships": list(
            Membership.objects.order_by("user__email").values_list(
                "user__email",
                "pesantren__slug",
                "role",
            )
        ),
    }
