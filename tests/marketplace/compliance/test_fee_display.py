"""The seller sees the platform fee (ujrah) of the chosen category."""

import json
from decimal import Decimal

import pytest

from marketplace.compliance.models import CategoryRule
from tests.factories import make_product

pytestmark = pytest.mark.django_db


def test_the_product_form_shows_each_categorys_fee(seller, pesantren, tree, settings):
    settings.MARKETPLACE_PLATFORM_FEE_PERCENT = "2"
    CategoryRule.objects.filter(category=tree["food"]).update(
        platform_fee_percent=Decimal("5.50")
    )
    product = make_product(pesantren, categories=[tree["coffee"]])

    new = seller.get("/seller/products/new/")
    edit = seller.get(f"/seller/products/{product.pk}/")

    fees = new.context["form"].category_fees
    assert fees[str(tree["coffee"].pk)] == "5,5%"
    assert fees[str(tree["kitab"].pk)] == "2%"
    assert new.context["form"].category_fee() == ""
    assert edit.context["form"].category_fee() == "5,5%"
    html = edit.content.decode()
    assert "<strong>5,5%</strong>" in html
    assert json.loads(edit.context["form"].category_fees_json()) == fees
