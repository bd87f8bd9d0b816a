"""``{{ amount|rupiah }}``: the one filter templates use to show money."""

from django import template

from marketplace.money import format_rupiah

register = template.Library()


@register.filter(name="rupiah")
def rupiah(amount):
    return format_rupiah(amount)
