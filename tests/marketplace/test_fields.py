"""RupiahField: what a seller types is read exactly, and shown back as typed."""

from decimal import Decimal

import pytest
from django import forms
from django.utils import translation

from marketplace.fields import RupiahField
from tests.html import parse


class PriceForm(forms.Form):
    title = forms.CharField(max_length=20)
    price = RupiahField(min_value=Decimal("1000"), max_value=Decimal("50000000"))


def price_input(form):
    return parse(str(form["price"])).find("input")


@pytest.mark.parametrize(
    ("language", "typed", "stored"),
    [
        ("id", "150.000", Decimal("150000")),
        ("id", "1.500.000", Decimal("1500000")),
        ("en", "150,000", Decimal("150000")),
        ("en", "1,500,000", Decimal("1500000")),
        ("id", "Rp 75.500", Decimal("75500")),
        ("en", "150000", Decimal("150000")),
    ],
)
def test_form_stores_the_whole_rupiah_the_seller_typed(language, typed, stored):
    with translation.override(language):
        form = PriceForm(data={"title": "Kopi", "price": typed})

        assert form.is_valid() is True, form.errors

    assert form.cleaned_data["price"] == stored


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("150.5", "fraction"),
        ("1.50.000", "invalid"),
        ("-15.000", "negative"),
        ("500", "min_value"),
    ],
)
def test_refused_form_shows_back_exactly_what_was_typed(typed, code):
    with translation.override("id"):
        form = PriceForm(data={"title": "Kopi", "price": typed})

        assert form.is_valid() is False
        assert [error.code for error in form.errors.as_data()["price"]] == [code]
        assert price_input(form).attrs["value"] == typed


def test_valid_price_is_shown_back_as_typed_when_another_field_is_refused():
    with translation.override("id"):
        form = PriceForm(data={"title": "", "price": "1.500.000"})

        assert form.is_valid() is False
        assert list(form.errors) == ["title"]
        assert price_input(form).attrs["value"] == "1.500.000"


def test_limit_in_the_refusal_is_formatted_in_the_active_language():
    with translation.override("en"):
        form = PriceForm(data={"title": "Kopi", "price": "60,000,000"})

        assert form.is_valid() is False
        assert form.errors.as_data()["price"][0].params == {"limit": "Rp50,000,000"}


@pytest.mark.parametrize(("language", "shown"), [("id", "150.000"), ("en", "150,000")])
def test_initial_price_is_shown_the_way_a_seller_would_type_it(language, shown):
    with translation.override(language):
        form = PriceForm(initial={"price": 150000})

        field = price_input(form)

    assert field.attrs["value"] == shown
    assert (field.attrs["type"], field.attrs["inputmode"]) == ("text", "numeric")


def test_empty_optional_price_is_none():
    class OptionalPriceForm(forms.Form):
        price = RupiahField(required=False)

    form = OptionalPriceForm(data={"price": ""})

    assert form.is_valid() is True
    assert form.cleaned_data["price"] is None
    assert "value" not in price_input(OptionalPriceForm()).attrs
