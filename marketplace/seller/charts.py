"""The monthly sales chart of the Saldo page, drawn on the server as SVG bars.

Only geometry is computed here; the template writes the SVG, its accessible
title and description, and a table with the same numbers.
"""

from dataclasses import dataclass

from django.utils import formats
from django.utils.translation import gettext as _

from marketplace.money import format_rupiah

# A narrow drawing, so that its labels stay readable when a phone scales it
# down to about 300 px.
WIDTH, HEIGHT = 420, 206
TOP, BOTTOM = 26, 180  # the bars stand on BOTTOM and reach at most TOP
BAR = 22


@dataclass(frozen=True)
class Bar:
    x: int
    label_x: int
    net_y: float
    net_height: float
    fee_y: float
    fee_height: float
    label: str
    title: str


@dataclass(frozen=True)
class Chart:
    bars: list
    months: list
    peak: int
    width: int = WIDTH
    height: int = HEIGHT
    baseline: int = BOTTOM
    top: int = TOP
    bar_width: int = BAR

    @property
    def is_empty(self):
        return self.peak == 0


def sales_chart(months):
    """A Chart of ``months`` (MonthSales, oldest first, at most 12)."""
    peak = max((month.goods for month in months), default=0)
    scale = (BOTTOM - TOP) / peak if peak else 0
    slot = WIDTH // max(len(months), 1)
    bars = []
    for index, month in enumerate(months):
        net_height = round(month.net * scale, 1)
        fee_height = round(month.fee * scale, 1)
        x = index * slot + (slot - BAR) // 2
        bars.append(
            Bar(
                x=x,
                label_x=x + BAR // 2,
                net_y=round(BOTTOM - net_height, 1),
                net_height=net_height,
                fee_y=round(BOTTOM - net_height - fee_height, 1),
                fee_height=fee_height,
                label=formats.date_format(month.month, "M"),
                title=_("%(month)s: goods %(goods)s, platform fee %(fee)s")
                % {
                    "month": formats.date_format(month.month, "F Y"),
                    "goods": format_rupiah(month.goods),
                    "fee": format_rupiah(month.fee),
                },
            )
        )
    return Chart(bars=bars, months=months, peak=peak)
