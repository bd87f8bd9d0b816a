"""The rule that applies to a category or a product.

A category's own CategoryRule decides what it sets; what it leaves empty
comes from the nearest ancestor that sets it, then from the settings
(MARKETPLACE_PLATFORM_FEE_PERCENT, MARKETPLACE_KHIYAR_DAYS,
MARKETPLACE_KHIYAR_COVERS). A category is prohibited when it or any
ancestor is; legality needs add up down the tree (a sub-category of food
needs what food needs, and maybe more).

A product follows its primary category: the first one it was put in.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from marketplace.compliance.models import CategoryRule

NEEDS = {
    "halal": "needs_halal_certificate",
    "food_registration": "needs_food_registration",
    "bpom_cosmetic": "needs_bpom_cosmetic",
    "bpom_traditional": "needs_bpom_traditional",
}


@dataclass(frozen=True)
class EffectiveRule:
    prohibited: bool = False
    prohibited_reason: str = ""
    needs: frozenset = field(default_factory=frozenset)
    platform_fee_percent: Decimal = Decimal("0")
    khiyar_days: int = 0
    khiyar_covers: str = ""


def default_rule():
    return EffectiveRule(
        platform_fee_percent=Decimal(str(settings.MARKETPLACE_PLATFORM_FEE_PERCENT)),
        khiyar_days=settings.MARKETPLACE_KHIYAR_DAYS,
        khiyar_covers=str(settings.MARKETPLACE_KHIYAR_COVERS or _(
            "Goods that arrive damaged, wrong or not as described"
        )),
    )


def combine(rules):
    """The effective rule of a chain of CategoryRules, root first."""
    base = default_rule()
    prohibited, reason, needs = False, "", set()
    fee, days, covers = base.platform_fee_percent, base.khiyar_days, base.khiyar_covers
    for rule in rules:
        if rule.prohibited:
            prohibited = True
            reason = rule.prohibited_reason or reason
        needs |= {code for code, name in NEEDS.items() if getattr(rule, name)}
        if rule.platform_fee_percent is not None:
            fee = rule.platform_fee_percent
        if rule.khiyar_days is not None:
            days = rule.khiyar_days
        if rule.khiyar_covers:
            covers = rule.khiyar_covers
    return EffectiveRule(prohibited, reason, frozenset(needs), fee, days, covers)


def chain_paths(path, steplen):
    """The treebeard paths of ``path`` and its ancestors, root first."""
    return [path[:end] for end in range(steplen, len(path) + 1, steplen)]


def rule_for_category(category):
    """The EffectiveRule of ``category`` (None: the defaults)."""
    if category is None:
        return default_rule()
    paths = chain_paths(category.path, category.steplen)
    rules = CategoryRule.objects.filter(category__path__in=paths).order_by(
        "category__depth"
    )
    return combine(rules)


def rules_by_path():
    """{category path: EffectiveRule} of every category, in one query.

    For pages and tasks that judge many products at once.
    """
    from forks.catalogue.models import Category

    categories = list(Category.objects.select_related("kesan_rule").order_by("path"))
    own = {}
    for category in categories:
        try:
            own[category.path] = category.kesan_rule
        except CategoryRule.DoesNotExist:
            pass
    result = {}
    for category in categories:
        chain = [
            own[p] for p in chain_paths(category.path, Category.steplen) if p in own
        ]
        result[category.path] = combine(chain)
    return result


def paths_where(rule_map, test):
    """The category paths of ``rule_map`` whose EffectiveRule passes ``test``."""
    return sorted(path for path, rule in rule_map.items() if test(rule))


def halal_is_mandatory(today=None):
    """Whether a halal certificate is required now (past the UMK deadline).

    Before MARKETPLACE_HALAL_MANDATORY_FROM a missing certificate number is
    advice; from that day on a product that needs one cannot be published.
    """
    today = today or timezone.localdate()
    return today >= date.fromisoformat(str(settings.MARKETPLACE_HALAL_MANDATORY_FROM))


def primary_category(product):
    """The first category ``product`` was put in (a child follows its parent)."""
    target = product.parent if product.is_child and product.parent_id else product
    link = (
        target.productcategory_set.select_related("category").order_by("pk").first()
    )
    return link.category if link else None


def rule_for_product(product):
    """The EffectiveRule of ``product`` (the defaults for a deleted one: None)."""
    if product is None:
        return default_rule()
    return rule_for_category(primary_category(product))
