"""The akad confirmed at the preview against a basket changed in another tab
before the buyer presses "place order": what is placed is what was shown, or
nothing is placed."""

from decimal import Decimal

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from marketplace.akad.models import AkadRecord
from tests.factories import PesantrenFactory, give_flat_rate, make_product
from tests.marketplace.akad.helpers import place, preview_as_guest

pytestmark = pytest.mark.django_db
Order = get_model("order", "Order")
Line = get_model("basket", "Line")


def basket_line(product):
    return Line.objects.get(product=product, basket__status="Open")


def nothing_placed():
    return (Order.objects.count(), AkadRecord.objects.count()) == (0, 0)


def test_a_quantity_raised_in_another_tab_is_not_placed_under_the_old_akad(
    client, akad_shop
):
    preview = preview_as_guest(client, akad_shop)
    # Another tab: 3 coffees instead of 1 (the basket page's formset).
    Line.objects.filter(pk=basket_line(akad_shop.kopi).pk).update(quantity=3)

    response = place(client, preview)

    assert response.status_code == 302
    assert nothing_placed()


def test_a_line_removed_in_another_tab_is_not_placed_under_the_old_akad(
    client, akad_shop
):
    preview = preview_as_guest(client, akad_shop)
    basket_line(akad_shop.madu).delete()

    response = place(client, preview)

    assert response.status_code == 302
    assert nothing_placed()


def test_a_third_pesantrens_product_added_in_another_tab_is_not_placed(
    client, akad_shop
):
    gamma = PesantrenFactory(
        name="Pesantren Gamma", legal_entity_name="Kopontren Gamma"
    )
    give_flat_rate(gamma, 10000)
    teh = make_product(gamma, price=Decimal(20000), title="Teh Gamma")
    preview = preview_as_guest(client, akad_shop)
    client.post(reverse("basket:add", args=[teh.pk]), {"quantity": 1})

    response = place(client, preview)

    assert response.status_code == 302
    assert nothing_placed()


def test_the_same_akad_placed_from_two_tabs_is_one_order(client, akad_shop):
    preview = preview_as_guest(client, akad_shop)

    first = place(client, preview)
    second = place(client, preview)

    assert first.status_code == second.status_code == 302
    assert Order.objects.count() == 1
    assert AkadRecord.objects.count() == 2


def test_the_seller_renamed_between_preview_and_submit_is_not_placed(client, akad_shop):
    preview = preview_as_guest(client, akad_shop)
    type(akad_shop.alfa).objects.filter(pk=akad_shop.alfa.pk).update(
        legal_entity_name="CV Lain"
    )

    response = place(client, preview)

    assert response.url == reverse("checkout:preview")
    assert nothing_placed()
