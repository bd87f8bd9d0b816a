"""``{% basket_groups formset request as groups %}``: basket lines grouped by
the pesantren that sells them, each group with its subtotal and, once the
destination is known, its shipping option and charge."""

from decimal import Decimal

from django import template

from marketplace.basket import basket_destination, group_lines
from marketplace.shipping.methods import plan_shipping

register = template.Library()


@register.simple_tag
def basket_groups(formset, request=None):
    forms_by_line = {form.instance.pk: form for form in formset}
    groups = group_lines(form.instance for form in formset)
    destination = basket_destination(request) if request is not None else None
    parts = plan_shipping(groups, destination) if destination is not None else []
    shipping_by_pesantren = {part.group.pesantren_id: part.chosen for part in parts}
    return [
        {
            "pesantren": group.pesantren,
            "forms": [forms_by_line[line.pk] for line in group.lines],
            "subtotal": group.subtotal,
            "shipping": shipping_by_pesantren.get(group.pesantren_id),
            "destination_known": destination is not None,
        }
        for group in groups
    ]


@register.simple_tag
def basket_shipping_total(groups):
    """The shipping of all groups, or None while any is unknown."""
    if not groups or any(group["shipping"] is None for group in groups):
        return None
    return sum((group["shipping"].charge for group in groups), Decimal(0))


@register.filter
def add_amount(amount, other):
    """Add two money amounts (Django's ``add`` turns Decimals into ints first)."""
    return Decimal(amount) + Decimal(other)
