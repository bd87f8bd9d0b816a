"""The seller sees the platform fee (ujrah) of the chosen category."""

import json
from decimal import Decimal

import pytest

from marketplace.compliance.models import CategoryRule
from tests.factories import make_product

pytestmark = pytest.mark.django_db


def test_the_product_form_shows_each_categorys_fee(seller, pesantren, tree, settings):
    # The seller reads English here: "5.5%" (Indonesian would be "5,5%").
    settings.MARKETPLACE_PLATFORM_FEE_PERCENT = "2"
    CategoryRule.objects.filter(category=tree["food"]).update(
        platform_fee_percent=Decimal("5.50")
    )
    product = make_product(pesantren, categories=[tree["coffee"]])

    new = seller.get("/seller/products/new/")
    edit = seller.get(f"/seller/products/{product.pk}/")

    fees = new.context["form"].category_fees
    assert fees[str(tree["coffee"].pk)] == "5.5%"
    assert fees[str(tree["kitab"].pk)] == "2%"
    assert new.context["form"].category_fee() == ""
    assert edit.context["form"].category_fee() == "5.5%"
    html = edit.content.decode()
    assert "<strong>5.5%</strong>" in html
    assert json.loads(edit.context["form"].category_fees_json()) == fees


def test_the_form_marks_the_numbers_the_category_needs(seller, pesantren, tree):
    food = make_product(pesantren, categories=[tree["coffee"]])
    book = make_product(pesantren, categories=[tree["kitab"]])

    food_form = seller.get(f"/seller/products/{food.pk}/").context["form"]
    book_form = seller.get(f"/seller/products/{book.pk}/").context["form"]

    assert food_form.category_needs[str(tree["coffee"].pk)] == [
        "halal_certificate_number",
        "pirt_number",
    ]
    assert food_form.category_needs[str(tree["soap"].pk)] == ["bpom_number"]
    assert food_form.category_needs[str(tree["kitab"].pk)] == []
    assert (
        getattr(
            food_form.fields["halal_certificate_number"], "needed_to_publish", False
        )
        is True
    )
    assert (
        getattr(
            book_form.fields["halal_certificate_number"], "needed_to_publish", False
        )
        is False
    )
