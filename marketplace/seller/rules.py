"""What a product needs before it is put on sale, and what it should have.

A gap that blocks sale (no price, weight or category, a prohibited category,
a missing legality number, an expired certificate) keeps the product from
being published; advice (no photo) is shown on the overview but does not
block. The legality needs come from the category rules admins edit
(marketplace.compliance). The same rules run in Python for one product and
as SQL for the product list and the overview counts.
"""

from dataclasses import dataclass, replace

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from marketplace.compliance import numbers
from marketplace.compliance.rules import halal_is_mandatory, paths_where, rules_by_path


@dataclass(frozen=True)
class Gap:
    code: str
    message: str
    blocks_sale: bool


GAPS = {
    "price": Gap("price", _("Add a price"), True),
    "weight": Gap("weight", _("Add the packed weight, for shipping costs"), True),
    "category": Gap("category", _("Choose a category"), True),
    "prohibited": Gap(
        "prohibited", _("This category may not be sold on KESAN"), True
    ),
    "halal": Gap("halal", _("Add the halal certificate number"), True),
    "food_registration": Gap(
        "food_registration", _("Add a P-IRT number or a BPOM MD/ML number"), True
    ),
    "bpom_cosmetic": Gap(
        "bpom_cosmetic", _("Add the BPOM cosmetic notification number (NA…)"), True
    ),
    "bpom_traditional": Gap(
        "bpom_traditional",
        _("Add the BPOM traditional medicine number (TR…)"),
        True,
    ),
    "certificate_expired": Gap(
        "certificate_expired",
        _("The halal certificate has expired: upload the new one"),
        True,
    ),
    "photo": Gap("photo", _("Add a photo"), False),
}
NEED_CODES = ["halal", "food_registration", "bpom_cosmetic", "bpom_traditional"]


def legality_rule_paths():
    """{category path: EffectiveRule} of every category (one query)."""
    return rules_by_path()


def gap(code):
    """GAPS[code]; a missing halal number blocks only once it is mandatory."""
    if code == "halal" and not halal_is_mandatory():
        return replace(GAPS["halal"], blocks_sale=False)
    return GAPS[code]


def find_gaps(product, *, price, category_path, has_image, rule_paths):
    """The Gaps of ``product``, blocking ones first.

    ``product`` may carry ``certificate_expired`` (selectors.with_seller_data).
    """
    codes = []
    if price is None:
        codes.append("price")
    if not product.weight_grams:
        codes.append("weight")
    rule = rule_paths.get(category_path) if category_path else None
    if not category_path:
        codes.append("category")
    elif rule is not None and rule.prohibited:
        codes.append("prohibited")
    for need in NEED_CODES:
        if rule is not None and need in rule.needs:
            if not numbers.has_number_for(product, need):
                codes.append(need)
    if getattr(product, "certificate_expired", False):
        codes.append("certificate_expired")
    if not has_image:
        codes.append("photo")
    found = [gap(code) for code in codes]
    return sorted(found, key=lambda item: not item.blocks_sale)


def blocking_gaps(gaps):
    return [gap for gap in gaps if gap.blocks_sale]


# The same rules as SQL, over products annotated by selectors.with_seller_data.


def gap_conditions(rule_paths):
    """{gap code: Q matching the annotated products that have that gap}."""
    conditions = {
        "price": Q(stock_price__isnull=True),
        "weight": Q(weight_grams__isnull=True) | Q(weight_grams=0),
        "category": Q(category_path__isnull=True),
    }
    prohibited = paths_where(rule_paths, lambda rule: rule.prohibited)
    if prohibited:
        conditions["prohibited"] = Q(category_path__in=prohibited)
    for need in NEED_CODES:
        paths = paths_where(rule_paths, lambda rule, need=need: need in rule.needs)
        if paths:
            conditions[need] = Q(category_path__in=paths) & numbers.missing_number(
                need
            )
    conditions["certificate_expired"] = Q(certificate_expired=True)
    conditions["photo"] = Q(has_image=False)
    return conditions


def any_gap_condition(rule_paths):
    combined = Q(pk__in=[])
    for condition in gap_conditions(rule_paths).values():
        combined |= condition
    return combined
