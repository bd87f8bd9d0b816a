"""``{{ amount|rupiah }}``: the one filter templates use to show money;
``{{ amount|rupiah_digits }}`` for amounts read by machines (data-*, inputs)."""

from django import template

from marketplace.money import format_rupiah, format_rupiah_digits

register = template.Library()


@register.filter(name="rupiah")
def rupiah(amount):
    return format_rupiah(amount)


@register.filter(name="rupiah_digits")
def rupiah_digits(amount):
    return format_rupiah_digits(amount)
