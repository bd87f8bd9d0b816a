"""Category rules: inherited down the tree, and fixed on an order's parts."""

from decimal import Decimal

import pytest

from marketplace.compliance.models import CategoryRule
from marketplace.compliance.rules import rule_for_category, rule_for_product, rules_by_path
from tests.factories import (
    PesantrenFactory,
    give_flat_rate,
    make_basket,
    make_category,
    make_product,
    place_order,
)


@pytest.fixture
def tree(db):
    food = make_category("Makanan & Minuman", "makanan-minuman")
    coffee = make_category("Kopi & Teh", "kopi-teh", parent=food)
    drinks = make_category("Minuman Keras", "minuman-keras", parent=food)
    books = make_category("Kitab", "kitab")
    CategoryRule.objects.create(
        category=food,
        needs_halal_certificate=True,
        needs_food_registration=True,
        platform_fee_percent=Decimal("5"),
        khiyar_days=2,
    )
    CategoryRule.objects.create(category=coffee, platform_fee_percent=Decimal("4"))
    CategoryRule.objects.create(
        category=drinks, prohibited=True, prohibited_reason="Khamr"
    )
    return {"food": food, "coffee": coffee, "drinks": drinks, "books": books}


def test_a_sub_category_inherits_what_it_does_not_set(tree, settings):
    settings.MARKETPLACE_PLATFORM_FEE_PERCENT = "1.5"
    settings.MARKETPLACE_KHIYAR_DAYS = 3

    coffee = rule_for_category(tree["coffee"])
    books = rule_for_category(tree["books"])

    assert coffee.needs == {"halal", "food_registration"}
    assert (coffee.platform_fee_percent, coffee.khiyar_days) == (Decimal("4"), 2)
    assert coffee.prohibited is False
    assert books.needs == frozenset()
    assert (books.platform_fee_percent, books.khiyar_days) == (Decimal("1.5"), 3)


def test_prohibition_comes_down_from_the_category(tree):
    drinks = rule_for_category(tree["drinks"])

    assert (drinks.prohibited, drinks.prohibited_reason) == (True, "Khamr")
    assert drinks.needs == {"halal", "food_registration"}


def test_rules_by_path_agree_with_one_category_at_a_time(tree):
    every = rules_by_path()

    assert {path: rule for path, rule in every.items()} == {
        category.path: rule_for_category(category) for category in tree.values()
    }


def test_a_product_follows_its_first_category(tree):
    seller = PesantrenFactory()
    product = make_product(seller, categories=[tree["coffee"], tree["books"]])

    assert rule_for_product(product).platform_fee_percent == Decimal("4")


def test_placing_an_order_fixes_each_parts_fee_and_khiyar(tree, settings):
    settings.MARKETPLACE_PLATFORM_FEE_PERCENT = "1"
    settings.MARKETPLACE_KHIYAR_DAYS = 5
    alfa = PesantrenFactory(slug="alfa")
    beta = PesantrenFactory(slug="beta")
    give_flat_rate(alfa, 10000)
    give_flat_rate(beta, 10000)
    kopi = make_product(alfa, price=Decimal("33333"), categories=[tree["coffee"]])
    kue = make_product(alfa, price=Decimal("20000"), categories=[tree["food"]])
    kitab = make_product(beta, price=Decimal("45000"), categories=[tree["books"]])

    order = place_order(make_basket((kopi, 3), (kue, 1), (kitab, 1))).order
    parts = {group.pesantren.slug: group for group in order.fulfilment_groups.all()}
    CategoryRule.objects.filter(category=tree["coffee"]).update(
        platform_fee_percent=Decimal("20")
    )

    # 99.999 × 4% = 3.999,96 → 4.000; 20.000 × 5% = 1.000; shipping has none.
    alfa_part = type(parts["alfa"]).objects.get(pk=parts["alfa"].pk)
    assert (alfa_part.platform_fee, alfa_part.platform_fee_percent) == (5000, None)
    assert alfa_part.khiyar_days == 2
    beta_part = parts["beta"]
    assert (beta_part.platform_fee, beta_part.platform_fee_percent) == (
        450,
        Decimal("1"),
    )
    assert beta_part.khiyar_days == 5
