"""The platform fee (ujrah): a percentage of the goods' price, per category.

Computed once when an order is placed (the akad fixes it) and stored on
each part; the ledger posts what is stored, so a later change of a
category's rule never changes an order already made. Shipping carries no
fee: it is passed on to the courier or the pesantren as charged.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from marketplace.compliance.rules import rule_for_product
from marketplace.money import to_rupiah


def fee_of(amount, percent):
    """``percent`` of ``amount`` in whole rupiah, rounded half up."""
    return int((Decimal(amount) * Decimal(percent) / 100).quantize(1, ROUND_HALF_UP))


@dataclass(frozen=True)
class PartFee:
    amount: int
    # The one percentage of all its lines, or None when lines differ.
    percent: Decimal | None


def fee_for_lines(lines):
    """The PartFee of ``lines``: pairs of (product, whole-rupiah line total)."""
    total, percents = 0, set()
    for product, line_total in lines:
        percent = rule_for_product(product).platform_fee_percent
        percents.add(percent)
        total += fee_of(int(to_rupiah(line_total)), percent)
    if not percents:
        return PartFee(0, Decimal("0"))
    return PartFee(total, percents.pop() if len(percents) == 1 else None)
