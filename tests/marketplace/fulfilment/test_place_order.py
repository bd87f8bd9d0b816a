from decimal import Decimal

import pytest
from django.core import mail
from oscar.core.loading import get_model

from forks.partner.exceptions import InsufficientStock
from forks.partner.models import StockRecord
from marketplace.fulfilment.models import FulfilmentGroup, OrderStatus, OutboundEmail
from marketplace.fulfilment.services import BasketNotPlaceable
from marketplace.shipping.methods import ShippingUnavailable
from pesantren.models import Pesantren
from tests.factories import (
    PesantrenFactory,
    give_flat_rate,
    make_basket,
    make_product,
    offer_pickup,
    place_order,
    shipping_address,
)

pytestmark = pytest.mark.django_db
Order = get_model("order", "Order")
Basket = get_model("basket", "Basket")


@pytest.fixture
def two_pesantren():
    a, b = (
        PesantrenFactory(name="Pesantren Alfa"),
        PesantrenFactory(name="Pesantren Beta"),
    )
    give_flat_rate(a, 15000)
    give_flat_rate(b, 20000)
    return a, b


def test_placing_writes_one_order_awaiting_payment_with_a_part_per_pesantren(
    two_pesantren,
):
    a, b = two_pesantren
    kopi = make_product(a, price=Decimal("50000"), num_in_stock=5)
    sabun = make_product(a, price=Decimal("30000"), num_in_stock=5)
    madu = make_product(b, price=Decimal("40000"), num_in_stock=5)
    basket = make_basket((kopi, 2), (sabun, 1), (madu, 1))

    placed = place_order(basket)

    order = placed.order
    assert placed.is_new is True
    assert order.status == OrderStatus.PENDING_PAYMENT
    assert order.total_incl_tax == Decimal("205000")
    assert order.shipping_incl_tax == Decimal("35000")
    assert order.guest_email == "pembeli@example.test"
    assert order.shipping_address.village_code == "32.76.01.1006"
    assert order.shipping_address.line4 == "Kota Depok"
    groups = list(order.fulfilment_groups.order_by("pk"))
    assert [(g.pesantren, g.status, g.subtotal, g.shipping_charge) for g in groups] == [
        (
            a,
            FulfilmentGroup.Status.AWAITING_PAYMENT,
            Decimal("130000"),
            Decimal("15000"),
        ),
        (
            b,
            FulfilmentGroup.Status.AWAITING_PAYMENT,
            Decimal("40000"),
            Decimal("20000"),
        ),
    ]
    assert [line.title for line in groups[0].lines] == [kopi.title, sabun.title]
    assert [line.title for line in groups[1].lines] == [madu.title]
    assert StockRecord.objects.get(product=kopi).num_allocated == 2
    assert Basket._default_manager.get(pk=basket.pk).status == Basket.SUBMITTED


def test_the_buyer_gets_one_order_placed_email_after_commit(
    two_pesantren, django_capture_on_commit_callbacks
):
    a, _b = two_pesantren
    basket = make_basket((make_product(a, price=Decimal("50000")), 2))

    with django_capture_on_commit_callbacks(execute=True):
        order = place_order(basket, email="siti@example.test").order

    assert list(OutboundEmail.objects.values_list("key", "language", "recipients")) == [
        (f"order_placed:{order.pk}", "id", ["siti@example.test"])
    ]
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["siti@example.test"]
    assert "Rp115.000" in message.body
    assert message.alternatives[0][1] == "text/html"
    assert "Rp115.000" in message.alternatives[0][0]


def test_emails_are_written_in_the_language_the_buyer_shopped_in(
    two_pesantren, django_capture_on_commit_callbacks
):
    a, _b = two_pesantren
    basket = make_basket((make_product(a, price=Decimal("1500000")), 1))

    with django_capture_on_commit_callbacks(execute=True):
        order = place_order(basket, language="en").order

    [message] = mail.outbox
    assert message.subject == f"Order {order.number} received: waiting for payment"
    assert "Total: Rp1,515,000" in message.body


def test_placing_the_same_basket_again_returns_the_same_order(two_pesantren):
    a, _b = two_pesantren
    basket = make_basket((make_product(a, num_in_stock=3), 1))

    first = place_order(basket)
    second = place_order(basket)

    assert (second.order.pk, second.is_new) == (first.order.pk, False)
    assert Order.objects.count() == 1
    assert StockRecord.objects.get().num_allocated == 1


def test_not_enough_stock_places_nothing(two_pesantren):
    a, _b = two_pesantren
    product = make_product(a, num_in_stock=1)
    basket = make_basket((product, 1))
    StockRecord.objects.filter(product=product).update(num_allocated=1)

    with pytest.raises(InsufficientStock) as refused:
        place_order(basket)

    assert refused.value.titles == [product.title]
    assert Order.objects.count() == 0
    assert Basket._default_manager.get(pk=basket.pk).status == Basket.OPEN
    assert StockRecord.objects.get(product=product).num_allocated == 1


def test_products_of_a_suspended_pesantren_cannot_be_ordered(two_pesantren):
    a, _b = two_pesantren
    basket = make_basket((make_product(a), 1))
    Pesantren.objects.filter(pk=a.pk).update(status=Pesantren.Status.SUSPENDED)

    with pytest.raises(BasketNotPlaceable):
        place_order(basket)

    assert Order.objects.count() == 0


def test_an_order_over_the_largest_total_is_refused_with_nothing_written(
    two_pesantren, english
):
    # Given eleven units at the highest price a seller may set (Rp1 miliar):
    # more than Oscar's amount columns hold
    a, _b = two_pesantren
    product = make_product(a, price=Decimal("1000000000"), num_in_stock=20)
    basket = make_basket((product, 11))

    # When the order is placed
    with pytest.raises(BasketNotPlaceable) as refused:
        place_order(basket)

    # Then the buyer is told why, instead of a database error
    assert str(refused.value) == (
        "One order can be at most Rp5,000,000,000. Please split your basket into "
        "smaller orders."
    )
    assert Order.objects.count() == 0
    assert Basket._default_manager.get(pk=basket.pk).status == Basket.OPEN
    assert StockRecord.objects.get(product=product).num_allocated is None


def test_a_pesantren_that_cannot_reach_the_address_blocks_the_order():
    far = PesantrenFactory(name="Pesantren Jauh")
    give_flat_rate(far, 9000, province_code="35")
    basket = make_basket((make_product(far), 1))

    with pytest.raises(ShippingUnavailable) as refused:
        place_order(basket, address=shipping_address("32.76.01.1006"))

    assert refused.value.pesantren_names == ["Pesantren Jauh"]
    assert Order.objects.count() == 0


def test_pickup_chosen_for_one_pesantren_charges_it_no_shipping(two_pesantren):
    a, b = two_pesantren
    offer_pickup(b)
    basket = make_basket(
        (make_product(a, price=Decimal("10000")), 1),
        (make_product(b, price=Decimal("10000")), 1),
    )

    order = place_order(basket, choices={str(b.pk): "pickup"}).order

    assert order.shipping_incl_tax == Decimal("15000")
    assert list(
        order.fulfilment_groups.values_list("shipping_method", "shipping_charge")
    ) == [
        ("delivery", Decimal("15000")),
        ("pickup", Decimal("0")),
    ]
