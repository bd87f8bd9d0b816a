"""``{{ order|order_status }}``: the buyer-facing name of an order's status."""

from django import template

from marketplace.fulfilment.models import OrderStatus

register = template.Library()


@register.filter
def order_status(order):
    try:
        return OrderStatus(order.status).label
    except ValueError:
        return order.status
