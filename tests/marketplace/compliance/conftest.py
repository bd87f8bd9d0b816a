"""Fixtures of the compliance tests: the seller dashboard's signed-in owner,
and a category tree whose rules come from CategoryRule rows (admin data)."""

import pytest

from marketplace.compliance.models import CategoryRule
from tests.factories import make_category
from tests.marketplace.seller.conftest import (  # noqa: F401 (fixtures)
    owner,
    pesantren,
    seller,
)


@pytest.fixture
def tree(db):
    food = make_category("Makanan & Minuman", "makanan-minuman")
    coffee = make_category("Kopi & Teh", "kopi-teh", parent=food)
    cosmetics = make_category("Perawatan Diri", "perawatan-diri")
    soap = make_category("Sabun & Sampo", "sabun-sampo", parent=cosmetics)
    herbal = make_category("Herbal", "herbal")
    jamu = make_category("Jamu", "jamu", parent=herbal)
    books = make_category("Kitab & Buku", "kitab-buku")
    kitab = make_category("Kitab Kuning", "kitab-kuning", parent=books)
    drinks = make_category("Minuman Beralkohol", "minuman-beralkohol")
    wine = make_category("Anggur", "anggur", parent=drinks)
    CategoryRule.objects.create(
        category=food, needs_halal_certificate=True, needs_food_registration=True
    )
    CategoryRule.objects.create(category=cosmetics, needs_bpom_cosmetic=True)
    CategoryRule.objects.create(category=herbal, needs_bpom_traditional=True)
    return {
        "food": food,
        "coffee": coffee,
        "soap": soap,
        "jamu": jamu,
        "kitab": kitab,
        "drinks": drinks,
        "wine": wine,
    }


def prohibit(category, reason="Khamr haram diperjualbelikan."):
    from marketplace.compliance.services import apply_prohibition

    rule, _created = CategoryRule.objects.update_or_create(
        category=category,
        defaults={"prohibited": True, "prohibited_reason": reason},
    )
    apply_prohibition(rule)
    return rule


HALAL = "ID35110000123450124"
PIRT = "2063517010001-29"


def product_form(**changes):
    data = {
        "title": "Kopi Robusta 250 g",
        "price": "45.000",
        "stock": "12",
        "description": "Kopi dari kebun pondok.",
        "weight_grams": "260",
        "length_cm": "",
        "width_cm": "",
        "height_cm": "",
        "condition": "new",
        "halal_certificate_number": "",
        "pirt_number": "",
        "bpom_number": "",
        "sku": "KOPI-1",
    }
    data.update(changes)
    return data
