"""``{{ amount|rupiah }}``: the one filter templates use to show money;
``{{ amount|rupiah_digits }}`` for amounts read by machines (data-*, inputs);
``{{ fee|percent }}`` ("2,5%") and ``{{ fee|percent_number }}`` ("2,5") for
the platform fee's percentage."""

from django import template

from marketplace.money import (
    format_percent,
    format_percent_number,
    format_rupiah,
    format_rupiah_digits,
)

register = template.Library()


@register.filter(name="rupiah")
def rupiah(amount):
    return format_rupiah(amount)


@register.filter(name="rupiah_digits")
def rupiah_digits(amount):
    return format_rupiah_digits(amount)


@register.filter(name="percent")
def percent(value):
    return format_percent(value)


@register.filter(name="percent_number")
def percent_number(value):
    return format_percent_number(value)
