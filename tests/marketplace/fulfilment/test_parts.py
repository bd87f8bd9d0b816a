"""Each pesantren's part of an order: its own actions, and nobody else's."""

from decimal import Decimal

import pytest
from django.core import mail
from django.db import transaction

from forks.partner.models import StockRecord
from marketplace.fulfilment import selectors
from marketplace.fulfilment.models import (
    FulfilmentEvent,
    FulfilmentGroup,
    OrderStatus,
    OutboundEmail,
)
from marketplace.fulfilment.services import (
    FulfilmentError,
    cancel_part,
    cancel_unpaid_order,
    confirm_received,
    process_part,
    ship_part,
)
from marketplace.payments.models import Refund
from tests.factories import (
    PesantrenFactory,
    UserFactory,
    give_flat_rate,
    make_basket,
    make_product,
    pay_order,
    place_order,
)

pytestmark = pytest.mark.django_db
Status = FulfilmentGroup.Status


@pytest.fixture
def order_and_parts():
    alfa, beta = (
        PesantrenFactory(name="Pesantren Alfa"),
        PesantrenFactory(name="Pesantren Beta"),
    )
    give_flat_rate(alfa, 15000)
    give_flat_rate(beta, 20000)
    kopi = make_product(alfa, price=Decimal("50000"), num_in_stock=5, title="Kopi")
    madu = make_product(beta, price=Decimal("40000"), num_in_stock=5, title="Madu")
    order = place_order(make_basket((kopi, 2), (madu, 1))).order
    part = {group.pesantren.name: group for group in order.fulfilment_groups.all()}
    return order, alfa, beta, part["Pesantren Alfa"], part["Pesantren Beta"]


def test_a_pesantren_cannot_act_on_the_part_of_another(order_and_parts):
    order, alfa, beta, alfa_part, beta_part = order_and_parts
    pay_order(order)

    for action, args in [
        (process_part, ()),
        (ship_part, ("JNE", "JNE0001")),
        (cancel_part, ("habis",)),
    ]:
        with pytest.raises(FulfilmentGroup.DoesNotExist):
            action(alfa, beta_part.pk, None, *args)

    with pytest.raises(FulfilmentGroup.DoesNotExist):
        selectors.pesantren_part(alfa, beta_part.pk)
    assert FulfilmentGroup.objects.get(pk=beta_part.pk).status == Status.NEW
    assert (
        FulfilmentEvent.objects.filter(
            group=beta_part, to_status__in=["processing", "shipped", "cancelled"]
        ).count()
        == 0
    )


def test_a_pesantren_sees_only_its_own_lines(order_and_parts):
    order, alfa, _beta, alfa_part, _beta_part = order_and_parts
    pay_order(order)

    part = selectors.pesantren_part(alfa, alfa_part.pk)

    assert [line.title for line in part.lines] == ["Kopi"]
    assert (part.group.subtotal, part.group.shipping_charge) == (
        Decimal("100000"),
        Decimal("15000"),
    )
    assert list(selectors.parts_of_pesantren(alfa)) == [alfa_part]


def test_nothing_is_sent_before_payment(order_and_parts):
    _order, alfa, _beta, alfa_part, _beta_part = order_and_parts

    with pytest.raises(FulfilmentError):
        ship_part(alfa, alfa_part.pk, None, "JNE", "JNE0001")

    assert list(selectors.parts_of_pesantren(alfa)) == []


def test_a_part_of_an_order_that_lapsed_unpaid_is_not_the_pesantrens(
    order_and_parts,
):
    order, alfa, _beta, alfa_part, _beta_part = order_and_parts
    with transaction.atomic():
        cancel_unpaid_order(
            type(order).objects.select_for_update().get(pk=order.pk), "expired"
        )

    assert FulfilmentGroup.objects.get(pk=alfa_part.pk).status == Status.CANCELLED
    assert list(selectors.parts_of_pesantren(alfa)) == []
    with pytest.raises(FulfilmentGroup.DoesNotExist):
        selectors.pesantren_part(alfa, alfa_part.pk)


def test_process_then_ship_tells_the_buyer_once(
    order_and_parts, django_capture_on_commit_callbacks
):
    order, alfa, _beta, alfa_part, _beta_part = order_and_parts
    pay_order(order)
    seller = UserFactory()

    process_part(alfa, alfa_part.pk, seller)
    with django_capture_on_commit_callbacks(execute=True):
        ship_part(alfa, alfa_part.pk, seller, " JNE REG ", " JNE0001 ")

    group = FulfilmentGroup.objects.get(pk=alfa_part.pk)
    assert (group.status, group.courier, group.tracking_number) == (
        Status.SHIPPED,
        "JNE REG",
        "JNE0001",
    )
    assert list(group.events.values_list("from_status", "to_status", "actor")) == [
        ("awaiting_payment", "new", None),
        ("new", "processing", seller.pk),
        ("processing", "shipped", seller.pk),
    ]
    assert OutboundEmail.objects.filter(kind="part_shipped").count() == 1
    assert [m.to for m in mail.outbox] == [["pembeli@example.test"]]
    assert "JNE0001" in mail.outbox[0].body


def test_plain_text_emails_show_names_as_typed_not_as_html(
    order_and_parts, django_capture_on_commit_callbacks
):
    # Given names with an apostrophe and an ampersand, as pesantren and
    # buyers write them
    order, alfa, _beta, alfa_part, _beta_part = order_and_parts
    order.language = "en"
    order.save()
    alfa.name = "Ma'had Al-Qur'an"
    alfa.save()
    order.lines.filter(partner=alfa.partner).update(title="Kopi & Gula Aren")
    order.shipping_address.first_name = "Siti 'Aisyah"
    order.shipping_address.save()

    # When the order is paid and Alfa's part shipped
    with django_capture_on_commit_callbacks(execute=True):
        pay_order(order)
        ship_part(alfa, alfa_part.pk, None, "JNE REG", "JNE0001")

    # Then the text parts and subjects carry them as typed
    by_subject = {message.subject: message.body for message in mail.outbox}
    shipped = f"Ma'had Al-Qur'an has sent your order {order.number}"
    assert shipped in by_subject
    assert by_subject[shipped].startswith("Hello Siti 'Aisyah,")
    assert (
        "- Kopi & Gula Aren × 2: Rp100,000"
        in by_subject[f"Payment received for order {order.number}"]
    )


def test_shipping_a_delivery_needs_courier_and_tracking(order_and_parts):
    order, alfa, _beta, alfa_part, _beta_part = order_and_parts
    pay_order(order)

    with pytest.raises(FulfilmentError):
        ship_part(alfa, alfa_part.pk, None, "JNE", "  ")

    assert FulfilmentGroup.objects.get(pk=alfa_part.pk).status == Status.NEW


def test_the_order_completes_when_every_part_is_received(order_and_parts):
    order, alfa, beta, alfa_part, beta_part = order_and_parts
    pay_order(order)
    ship_part(alfa, alfa_part.pk, None, "JNE", "JNE0001")
    ship_part(beta, beta_part.pk, None, "SiCepat", "SCP0002")

    confirm_received(order, alfa_part.pk, None)
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID

    confirm_received(order, beta_part.pk, None)
    order.refresh_from_db()
    assert order.status == OrderStatus.COMPLETED
    with pytest.raises(FulfilmentError):
        confirm_received(order, beta_part.pk, None)


def test_a_part_not_yet_shipped_cannot_be_confirmed(order_and_parts):
    order, _alfa, _beta, alfa_part, _beta_part = order_and_parts
    pay_order(order)

    with pytest.raises(FulfilmentError):
        confirm_received(order, alfa_part.pk, None)


def test_cancelling_a_paid_part_restocks_it_and_records_its_refund(
    order_and_parts, django_capture_on_commit_callbacks
):
    order, _alfa, beta, _alfa_part, beta_part = order_and_parts
    attempt = pay_order(order)
    assert StockRecord.objects.get(product__title="Madu").num_in_stock == 4

    with django_capture_on_commit_callbacks(execute=True):
        cancel_part(beta, beta_part.pk, None, "Madu habis")

    group = FulfilmentGroup.objects.get(pk=beta_part.pk)
    assert (group.status, group.cancel_reason) == (Status.CANCELLED, "Madu habis")
    assert StockRecord.objects.get(product__title="Madu").num_in_stock == 5
    assert list(Refund.objects.values_list("attempt", "group", "amount", "status")) == [
        (attempt.pk, beta_part.pk, Decimal("60000"), Refund.Status.MANUAL)
    ]
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID


def test_cancelling_every_part_cancels_the_order(order_and_parts):
    order, alfa, beta, alfa_part, beta_part = order_and_parts
    pay_order(order)

    cancel_part(alfa, alfa_part.pk, None, "Tutup")
    cancel_part(beta, beta_part.pk, None, "Tutup")

    order.refresh_from_db()
    assert order.status == OrderStatus.CANCELLED
    assert Refund.objects.count() == 2


def test_a_cancel_needs_a_reason(order_and_parts):
    order, alfa, _beta, alfa_part, _beta_part = order_and_parts
    pay_order(order)

    with pytest.raises(FulfilmentError):
        cancel_part(alfa, alfa_part.pk, None, " ")

    assert FulfilmentGroup.objects.get(pk=alfa_part.pk).status == Status.NEW


def test_each_pesantren_is_emailed_its_own_part_once_paid(
    order_and_parts, django_capture_on_commit_callbacks
):
    from tests.factories import MembershipFactory

    order, alfa, beta, _alfa_part, _beta_part = order_and_parts
    MembershipFactory(pesantren=alfa, user=UserFactory(email="santri@alfa.test"))
    MembershipFactory(pesantren=beta, user=UserFactory(email="santri@beta.test"))

    with django_capture_on_commit_callbacks(execute=True):
        pay_order(order)

    by_recipient = {tuple(message.to): message for message in mail.outbox}
    assert sorted(by_recipient) == [
        ("pembeli@example.test",),
        ("santri@alfa.test",),
        ("santri@beta.test",),
    ]
    alfa_mail = by_recipient[("santri@alfa.test",)]
    assert "Kopi × 2: Rp100.000" in alfa_mail.body
    assert "Madu" not in alfa_mail.body
    assert "Jl. Merdeka No. 10" in alfa_mail.body
