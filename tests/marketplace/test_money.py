from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.utils import translation

from marketplace.money import format_rupiah, parse_rupiah


@pytest.mark.parametrize(
    ("amount", "language", "shown"),
    [
        (150000, "id", "Rp150.000"),
        (150000, "en", "Rp150,000"),
        (Decimal("1500000.00"), "id", "Rp1.500.000"),
        (Decimal("1500000.00"), "en", "Rp1,500,000"),
        (0, "id", "Rp0"),
        (999, "id", "Rp999"),
        (-15000, "id", "-Rp15.000"),
        (Decimal("150000.50"), "id", "Rp150.001"),
    ],
)
def test_format_rupiah_shows_whole_rupiah_in_each_language(amount, language, shown):
    assert format_rupiah(amount, language) == shown


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("150.000", Decimal("150000")),
        ("1.500.000", Decimal("1500000")),
        ("150,000", Decimal("150000")),
        ("1,500,000", Decimal("1500000")),
        ("150000", Decimal("150000")),
        ("Rp150.000", Decimal("150000")),
        ("Rp 150.000", Decimal("150000")),
        (" 150.000,00 ", Decimal("150000")),
        ("150,000.00", Decimal("150000")),
    ],
)
def test_parse_rupiah_reads_what_sellers_type(typed, stored):
    assert parse_rupiah(typed) == stored


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("150.5", "fraction"),
        ("150,50", "fraction"),
        ("1.500,000", "invalid"),
        ("1.50.000", "invalid"),
        ("15.00.000", "invalid"),
        ("150.000,50", "invalid"),
        ("seratus", "invalid"),
        ("", "required"),
        ("-15.000", "negative"),
    ],
)
def test_parse_rupiah_refuses_fractions_and_ambiguity(typed, code):
    with pytest.raises(ValidationError) as refused:
        parse_rupiah(typed)
    assert refused.value.code == code


def test_refusal_message_is_in_the_active_language():
    messages = {}
    for language in ("id", "en"):
        with translation.override(language):
            with pytest.raises(ValidationError) as refused:
                parse_rupiah("150,5")
            messages[language] = refused.value.messages
    indonesian, english = messages["id"], messages["en"]

    assert indonesian == ["Harga rupiah tidak memakai sen: tulis 150.000."]
    assert english == ["Rupiah prices have no cents: write 150,000."]


@pytest.mark.parametrize(("language", "shown"), [("id", "Rp150.000"), ("en", "Rp150,000")])
def test_oscar_currency_filter_matches_the_rupiah_filter(language, shown):
    template = Template(
        "{% load currency_filters rupiah %}{{ amount|currency:'IDR' }}|{{ amount|rupiah }}"
    )
    with translation.override(language):
        rendered = template.render(Context({"amount": Decimal("150000.00")}))
    assert rendered == f"{shown}|{shown}"


def test_rupiah_renders_outside_a_request_in_the_recipients_language():
    # An e-mail rendered by a Celery task has no request: the language is
    # the buyer's, set with translation.override.
    template = Template("{% load rupiah %}Total: {{ total|rupiah }}")
    with translation.override("en"):
        english = template.render(Context({"total": 1234500}))
    with translation.override("id"):
        indonesian = template.render(Context({"total": 1234500}))
    assert (english, indonesian) == ("Total: Rp1,234,500", "Total: Rp1.234.500")


@pytest.mark.parametrize(
    "value, language, shown",
    [
        (Decimal("2.50"), "id", "2,5%"),
        (Decimal("2.50"), "en", "2.5%"),
        (Decimal("5.00"), "id", "5%"),
        ("12.25", "id", "12,25%"),
        (Decimal("0"), "en", "0%"),
        (None, "id", ""),
    ],
)
def test_percentages_read_as_the_language_writes_them(value, language, shown):
    from marketplace.money import format_percent

    assert format_percent(value, language) == shown
