"""What a product needs before it is put on sale, and what it should have.

A gap that blocks sale (no price, weight or category, a missing legality
number) keeps the product from being published; advice (no photo) is shown
on the overview but does not block. The same rules run in Python for one
product and as SQL for the product list and the overview counts.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from forks.catalogue.models import Category


@dataclass(frozen=True)
class Gap:
    code: str
    message: str
    blocks_sale: bool


GAPS = {
    "price": Gap("price", _("Add a price"), True),
    "weight": Gap("weight", _("Add the packed weight, for shipping costs"), True),
    "category": Gap("category", _("Choose a category"), True),
    "halal": Gap("halal", _("Add the halal certificate number"), True),
    "pirt_or_bpom": Gap("pirt_or_bpom", _("Add a P-IRT or BPOM MD number"), True),
    "bpom": Gap("bpom", _("Add the BPOM registration number"), True),
    "photo": Gap("photo", _("Add a photo"), False),
}


def legality_rule_paths():
    """{category path: [legality codes]} of the top-level categories with rules."""
    rules = settings.MARKETPLACE_LEGALITY_RULES
    roots = Category.objects.filter(depth=1, slug__in=list(rules)).values_list(
        "path", "slug"
    )
    return {path: rules[slug] for path, slug in roots}


def legality_needs(category_path, rule_paths):
    """The legality codes a product in the category at ``category_path`` needs."""
    for root_path, needs in rule_paths.items():
        if category_path and category_path.startswith(root_path):
            return needs
    return []


def find_gaps(product, *, price, category_path, has_image, rule_paths):
    """The Gaps of ``product``, blocking ones first."""
    codes = []
    if price is None:
        codes.append("price")
    if not product.weight_grams:
        codes.append("weight")
    if not category_path:
        codes.append("category")
    for need in legality_needs(category_path, rule_paths):
        if not _has_legality(product, need):
            codes.append(need)
    if not has_image:
        codes.append("photo")
    return [GAPS[code] for code in codes]


def blocking_gaps(gaps):
    return [gap for gap in gaps if gap.blocks_sale]


def _has_legality(product, need):
    if need == "halal":
        return bool(product.halal_certificate_number)
    if need == "bpom":
        return bool(product.bpom_number)
    return bool(product.pirt_number or product.bpom_number)


# The same rules as SQL, over products annotated by selectors.with_seller_data.

_MISSING_LEGALITY = {
    "halal": Q(halal_certificate_number=""),
    "bpom": Q(bpom_number=""),
    "pirt_or_bpom": Q(pirt_number="", bpom_number=""),
}


def gap_conditions(rule_paths):
    """{gap code: Q matching the annotated products that have that gap}."""
    conditions = {
        "price": Q(stock_price__isnull=True),
        "weight": Q(weight_grams__isnull=True) | Q(weight_grams=0),
        "category": Q(category_path__isnull=True),
        "photo": Q(has_image=False),
    }
    for code, missing in _MISSING_LEGALITY.items():
        in_scope = [
            Q(category_path__startswith=path)
            for path, needs in rule_paths.items()
            if code in needs
        ]
        if in_scope:
            scope = in_scope[0]
            for condition in in_scope[1:]:
                scope |= condition
            conditions[code] = scope & missing
    return conditions


def any_gap_condition(rule_paths):
    combined = Q(pk__in=[])
    for condition in gap_conditions(rule_paths).values():
        combined |= condition
    return combined
