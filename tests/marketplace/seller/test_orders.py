"""The seller's side of orders at /seller/orders/: each pesantren sees and
acts on its own part of an order only, through the fulfilment services."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.db import transaction
from django.urls import reverse

from forks.partner.models import StockRecord
from marketplace.fulfilment.models import FulfilmentEvent, FulfilmentGroup, OrderStatus
from marketplace.fulfilment.services import (
    cancel_unpaid_order,
    mark_payment_reversed,
    process_part,
    ship_part,
)
from marketplace.payments.models import Refund
from pesantren.models import Membership
from tests.factories import (
    PesantrenFactory,
    UserFactory,
    give_flat_rate,
    make_basket,
    make_member,
    make_product,
    offer_pickup,
    pay_order,
    place_order,
)

pytestmark = pytest.mark.django_db
Status = FulfilmentGroup.Status


@pytest.fixture
def beta():
    pesantren = PesantrenFactory(name="Pesantren Beta", slug="beta")
    give_flat_rate(pesantren, 20000, name="SiCepat REG")
    return pesantren


@pytest.fixture
def kopi(pesantren):
    give_flat_rate(pesantren, 15000)
    return make_product(
        pesantren, price=Decimal(50000), num_in_stock=10, title="Kopi Robusta"
    )


@pytest.fixture
def madu(beta):
    return make_product(beta, price=Decimal(40000), num_in_stock=10, title="Madu Hutan")


@pytest.fixture
def buyer():
    return UserFactory(
        first_name="Ahmad", last_name="Fauzi", email="ahmad@example.test"
    )


def order_of(*lines, user=None, paid=True, choices=None):
    """An order of ``(product, quantity)`` lines, paid unless told otherwise."""
    order = place_order(make_basket(*lines), user=user, choices=choices).order
    if paid:
        pay_order(order)
    return order


@pytest.fixture
def shared_order(kopi, madu, buyer):
    """One paid order with 2 Kopi of Al-Hikmah and 1 Madu of Beta, worth
    Rp175.000: Al-Hikmah's part is Rp100.000 + Rp15.000 shipping."""
    return order_of((kopi, 2), (madu, 1), user=buyer)


def part_of(order, pesantren):
    return order.fulfilment_groups.get(pesantren=pesantren)


def part_url(name, part):
    return reverse(f"seller:{name}", kwargs={"part_pk": part.pk})


def part_state(part):
    part = FulfilmentGroup.objects.get(pk=part.pk)
    return part.status, part.courier, part.tracking_number, part.cancel_reason


# The list ------------------------------------------------------------------


def test_the_list_shows_only_the_pesantrens_lines_amounts_and_buyer(
    seller, pesantren, beta, shared_order
):
    page = seller.get("/seller/orders/")

    body = page.content.decode()
    (group,) = page.context["parts"]
    assert group == part_of(shared_order, pesantren)
    assert [line.title for line in group.order.own_lines] == ["Kopi Robusta"]
    assert "<td>Kopi Robusta</td>" in body
    assert '<td class="num" data-subtotal>Rp100,000</td>' in body
    assert '<td class="num" data-shipping>Rp15,000</td>' in body
    assert '<th class="num" data-part-total>Rp115,000</th>' in body
    assert "<span data-buyer>Ahmad Fauzi</span>" in body
    assert "Jl. Merdeka No. 10, RT 02/RW 03" in body
    # Nothing of Beta's part, nor the order's total.
    assert "Madu Hutan" not in body
    assert "Rp20,000" not in body
    assert "Rp175,000" not in body


def test_the_list_leaves_out_orders_not_paid_and_orders_that_lapsed(
    seller, kopi, pesantren
):
    order_of((kopi, 1), paid=False)
    lapsed = order_of((kopi, 1), paid=False)
    with transaction.atomic():
        cancel_unpaid_order(
            type(lapsed).objects.select_for_update().get(pk=lapsed.pk), "expired"
        )

    page = seller.get("/seller/orders/")

    assert list(page.context["parts"]) == []
    assert page.context["status_counts"] == {
        "new": 0,
        "processing": 0,
        "shipped": 0,
        "received": 0,
        "cancelled": 0,
    }
    assert "No paid orders yet." in page.content.decode()


def test_the_list_filters_by_status_and_counts_each(seller, pesantren, kopi):
    new, processing, shipped, cancelled = (order_of((kopi, 1)) for _ in range(4))
    process_part(pesantren, part_of(processing, pesantren).pk, None)
    ship_part(pesantren, part_of(shipped, pesantren).pk, None, "JNE", "JNE0001")
    seller.post(
        part_url("order-cancel", part_of(cancelled, pesantren)), {"reason": "Habis"}
    )

    def numbers(**query):
        page = seller.get("/seller/orders/", query)
        return [group.order.number for group in page.context["parts"]]

    assert numbers(status="new") == [new.number]
    assert numbers(status="processing") == [processing.number]
    assert numbers(status="shipped") == [shipped.number]
    assert numbers(status="received") == []
    assert numbers(status="cancelled") == [cancelled.number]
    assert numbers(status="nonsense") == numbers()
    assert numbers() == [o.number for o in (cancelled, shipped, processing, new)]
    assert seller.get("/seller/orders/").context["status_counts"] == {
        "new": 1,
        "processing": 1,
        "shipped": 1,
        "received": 0,
        "cancelled": 1,
    }


def test_orders_waiting_come_oldest_paid_first(seller, pesantren, kopi):
    first, second, third = (order_of((kopi, 1)) for _ in range(3))
    # Paid in the order third, first, second.
    now = FulfilmentEvent.objects.latest("pk").date_created
    for order, minutes in ((third, 30), (first, 20), (second, 10)):
        FulfilmentEvent.objects.filter(group__order=order, to_status=Status.NEW).update(
            date_created=now - timedelta(minutes=minutes)
        )

    page = seller.get("/seller/orders/", {"status": "new"})

    assert [group.order.number for group in page.context["parts"]] == [
        third.number,
        first.number,
        second.number,
    ]


def test_the_list_searches_by_order_number(seller, pesantren, kopi):
    wanted, other = order_of((kopi, 1)), order_of((kopi, 1))

    def numbers(query):
        page = seller.get("/seller/orders/", {"q": query})
        return [group.order.number for group in page.context["parts"]]

    assert numbers(wanted.number) == [wanted.number]
    assert numbers(f" #{wanted.number} ") == [wanted.number]
    assert numbers(other.number) == [other.number]
    assert numbers("999999999") == []
    assert (
        "No order matches."
        in seller.get("/seller/orders/?q=999999999").content.decode()
    )


def test_the_list_runs_a_fixed_number_of_queries(
    seller, pesantren, kopi, madu, buyer, django_assert_num_queries
):
    order_of((kopi, 1), (madu, 1), user=buyer)
    seller.get("/seller/orders/")

    # User, membership, the count, the status counts, the page (with order,
    # address and buyer joined), the page's own lines, and what every page
    # asks (the request savepoint and its release, Oscar's notification count,
    # the basket, its line count and its lines): 12, whatever the number of
    # orders.
    with django_assert_num_queries(12):
        one = seller.get("/seller/orders/")
    for _ in range(4):
        order_of((kopi, 2), (madu, 1), user=buyer)
    order_of((kopi, 1))
    with django_assert_num_queries(12):
        six = seller.get("/seller/orders/")

    assert (len(one.context["parts"]), len(six.context["parts"])) == (1, 6)


# The detail and its actions ------------------------------------------------


def test_the_detail_shows_only_the_pesantrens_part(seller, pesantren, shared_order):
    part = part_of(shared_order, pesantren)

    page = seller.get(part_url("order-detail", part))

    body = page.content.decode()
    assert page.status_code == 200
    assert [line.title for line in page.context["part"].lines] == ["Kopi Robusta"]
    assert body.count("<tr data-line>") == 1
    assert "Madu Hutan" not in body
    assert "Rp175,000" not in body
    assert "+6281234567890" in body
    assert 'data-action="process"' in body
    assert 'data-action="ship"' in body
    assert 'data-action="cancel"' in body


def test_another_pesantrens_part_of_the_same_order_is_404(seller, beta, shared_order):
    beta_part = part_of(shared_order, beta)
    before = part_state(beta_part)

    answers = [
        seller.get(part_url("order-detail", beta_part)).status_code,
        seller.get(part_url("order-packing-slip", beta_part)).status_code,
        seller.post(part_url("order-process", beta_part)).status_code,
        seller.post(
            part_url("order-ship", beta_part),
            {"courier": "JNE", "tracking_number": "JNE000111"},
        ).status_code,
        seller.post(part_url("order-cancel", beta_part), {"reason": "x"}).status_code,
    ]

    assert answers == [404, 404, 404, 404, 404]
    assert part_state(beta_part) == before == (Status.NEW, "", "", "")
    assert Refund.objects.count() == 0


def test_an_unpaid_part_is_404(seller, pesantren, kopi):
    part = part_of(order_of((kopi, 1), paid=False), pesantren)

    assert seller.get(part_url("order-detail", part)).status_code == 404
    assert seller.post(part_url("order-process", part)).status_code == 404
    assert part_state(part) == (Status.AWAITING_PAYMENT, "", "", "")


def test_processing_moves_the_part_and_records_who(
    seller, owner, pesantren, shared_order
):
    part = part_of(shared_order, pesantren)

    response = seller.post(part_url("order-process", part))

    assert response.status_code == 302
    assert response.url == part_url("order-detail", part)
    assert part_state(part) == (Status.PROCESSING, "", "", "")
    assert list(
        FulfilmentEvent.objects.filter(group=part).values_list(
            "from_status", "to_status", "actor"
        )
    ) == [("awaiting_payment", "new", None), ("new", "processing", owner.pk)]
    page = seller.get(response.url)
    assert [str(m) for m in page.context["messages"]] == [
        f"Order {shared_order.number} is being processed."
    ]
    assert 'data-action="process"' not in page.content.decode()


def test_shipping_records_courier_and_tracking_and_tells_the_buyer(
    seller, pesantren, shared_order, django_capture_on_commit_callbacks
):
    part = part_of(shared_order, pesantren)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = seller.post(
            part_url("order-ship", part),
            {"courier": " JNE ", "tracking_number": "jp 1234 5678 90"},
        )

    assert response.status_code == 302
    assert part_state(part) == (Status.SHIPPED, "JNE", "JP1234567890", "")
    assert [message.to for message in mail.outbox] == [["ahmad@example.test"]]
    assert "JP1234567890" in mail.outbox[0].body
    body = seller.get(response.url).content.decode()
    assert "<strong data-tracking>JP1234567890</strong>" in body
    assert 'data-action="ship"' not in body


@pytest.mark.parametrize(
    ("typed", "field", "message"),
    [
        (
            {"courier": "J&T Express", "tracking_number": ""},
            "tracking_number",
            "Enter the tracking number printed on the courier&#x27;s receipt.",
        ),
        (
            {"courier": "", "tracking_number": "jne 0001 1122"},
            "courier",
            "Enter the courier, for example JNE.",
        ),
        (
            {"courier": "J&T Express", "tracking_number": "JP12#4"},
            "tracking_number",
            (
                "A tracking number has 6 to 64 letters, digits or dashes, as on "
                "the courier&#x27;s receipt."
            ),
        ),
    ],
)
def test_a_refused_ship_form_keeps_what_was_typed(
    seller, pesantren, shared_order, typed, field, message
):
    part = part_of(shared_order, pesantren)

    page = seller.post(part_url("order-ship", part), typed)

    body = page.content.decode()
    assert page.status_code == 200
    assert list(page.context["ship_form"].errors) == [field]
    assert dict(page.context["ship_form"].data.items()) == typed
    for name, value in typed.items():
        if value:
            assert f'name="{name}" value="{value.replace("&", "&amp;")}"' in body
    assert message in body
    assert part_state(part) == (Status.NEW, "", "", "")


def test_a_pickup_part_is_made_ready_without_courier_or_tracking(
    seller, pesantren, kopi, django_capture_on_commit_callbacks
):
    offer_pickup(pesantren)
    order = order_of((kopi, 1), choices={str(pesantren.pk): "pickup"})
    part = part_of(order, pesantren)
    assert part.is_pickup is True
    assert (
        "Ready for pickup"
        in seller.get(part_url("order-detail", part)).content.decode()
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = seller.post(part_url("order-ship", part), {})

    assert response.status_code == 302
    assert part_state(part)[:2] == (Status.SHIPPED, part.shipping_service)


def test_cancelling_restocks_records_the_refund_and_leaves_the_other_part(
    seller, pesantren, beta, shared_order, kopi, django_capture_on_commit_callbacks
):
    part = part_of(shared_order, pesantren)
    assert StockRecord.objects.get(product=kopi).num_in_stock == 8

    with django_capture_on_commit_callbacks(execute=True):
        response = seller.post(
            part_url("order-cancel", part), {"reason": "  Stok kopi habis "}
        )

    assert response.status_code == 302
    assert part_state(part) == (Status.CANCELLED, "", "", "Stok kopi habis")
    assert StockRecord.objects.get(product=kopi).num_in_stock == 10
    assert list(Refund.objects.values_list("group", "amount", "reason", "status")) == [
        (part.pk, Decimal(115000), "Stok kopi habis", Refund.Status.MANUAL)
    ]
    assert part_of(shared_order, beta).status == Status.NEW
    shared_order.refresh_from_db()
    assert shared_order.status == OrderStatus.PAID
    page = seller.get(response.url)
    assert [str(m) for m in page.context["messages"]] == [
        (
            f"Your part of order {shared_order.number} is cancelled. Its stock is "
            "back on sale and a refund of Rp115,000 to the buyer is recorded."
        )
    ]
    assert '<p class="small" data-refund="manual">' in page.content.decode()


def test_a_cancel_without_a_reason_changes_nothing(
    seller, pesantren, shared_order, kopi
):
    part = part_of(shared_order, pesantren)

    page = seller.post(part_url("order-cancel", part), {"reason": "   "})

    assert page.status_code == 200
    assert page.context["cancel_form"].errors == {
        "reason": ["Write why you cancel: the buyer sees it on their order."]
    }
    assert '<details class="panel cancel-part" id="cancel" open>' in (
        page.content.decode()
    )
    assert part_state(part) == (Status.NEW, "", "", "")
    assert StockRecord.objects.get(product=kopi).num_in_stock == 8
    assert Refund.objects.count() == 0


def test_a_reversed_payment_blocks_every_action(seller, pesantren, shared_order):
    part = part_of(shared_order, pesantren)
    with transaction.atomic():
        locked = type(shared_order).objects.select_for_update().get(pk=shared_order.pk)
        mark_payment_reversed(locked, locked.payment_attempts.get())

    page = seller.get(part_url("order-detail", part))
    shipped = seller.post(
        part_url("order-ship", part),
        {"courier": "JNE", "tracking_number": "JNE000111222"},
    )

    body = page.content.decode()
    assert "Do not send this order." in body
    assert 'data-action="ship"' not in body
    assert shipped.status_code == 302
    assert [str(m) for m in seller.get(shipped.url).context["messages"]] == [
        "This order is not paid, so it must not be sent."
    ]
    assert part_state(part) == (Status.NEW, "", "", "")
    overview = seller.get("/seller/")
    assert overview.context["order_counts"]["total"] == 0


def test_an_action_on_a_part_that_moved_on_is_refused_with_a_message(
    seller, pesantren, shared_order
):
    part = part_of(shared_order, pesantren)
    ship_part(pesantren, part.pk, None, "JNE", "JNE0001")

    response = seller.post(part_url("order-process", part))

    assert response.status_code == 302
    assert [str(m) for m in seller.get(response.url).context["messages"]] == [
        "This part cannot go from Shipped to Being processed."
    ]
    assert part_state(part) == (Status.SHIPPED, "JNE", "JNE0001", "")


def test_action_urls_answer_405_to_get(seller, pesantren, shared_order):
    part = part_of(shared_order, pesantren)

    assert [
        seller.get(part_url(name, part)).status_code
        for name in ("order-process", "order-ship", "order-cancel")
    ] == [405, 405, 405]
    assert part_state(part) == (Status.NEW, "", "", "")


def test_a_santri_seller_ships_too(client, english, pesantren, shared_order):
    santri = make_member(pesantren, role=Membership.Role.STAFF, email="santri@a.test")
    client.force_login(santri)
    part = part_of(shared_order, pesantren)

    response = client.post(
        part_url("order-ship", part),
        {"courier": "SiCepat", "tracking_number": "004400123456"},
    )

    assert response.status_code == 302
    assert part_state(part) == (Status.SHIPPED, "SiCepat", "004400123456", "")
    assert part.events.latest("pk").actor == santri


def test_the_packing_slip_lists_the_lines_and_the_address_without_prices(
    seller, pesantren, shared_order
):
    part = part_of(shared_order, pesantren)

    page = seller.get(part_url("order-packing-slip", part))

    body = page.content.decode()
    assert page.status_code == 200
    assert body.count("<tr data-line>") == 1
    assert '<td>Kopi Robusta<span class="sku">SKU SKU-' in body
    assert "Madu Hutan" not in body
    assert "Jl. Merdeka No. 10, RT 02/RW 03" in body
    assert "+6281234567890" in body
    assert "Rp" not in body
    assert "@media print" not in body  # the print rules live in packing-slip.css
    assert "css/packing-slip.css" in body


# The overview and the navigation --------------------------------------------


def test_the_overview_counts_the_orders_waiting_and_lists_the_oldest(
    seller, pesantren, kopi
):
    first, second, third = (order_of((kopi, 1)) for _ in range(3))
    process_part(pesantren, part_of(second, pesantren).pk, None)
    ship_part(pesantren, part_of(third, pesantren).pk, None, "JNE", "JNE0001")
    order_of((kopi, 1), paid=False)

    page = seller.get("/seller/")

    body = page.content.decode()
    assert page.context["order_counts"] == {
        "total": 2,
        "to_process": 1,
        "processing": 1,
    }
    assert [group.order.number for group in page.context["oldest_orders"]] == [
        first.number,
        second.number,
    ]
    assert '<strong data-count="to_process">1</strong>' in body
    assert part_url("order-detail", part_of(first, pesantren)) in body
    assert "Paid orders waiting to be packed and shipped will appear here." not in body


def test_the_overview_says_when_no_order_waits(seller):
    body = seller.get("/seller/").content.decode()

    assert "No paid order is waiting." in body


def test_every_dashboard_page_has_the_orders_tab(seller):
    body = seller.get("/seller/products/").content.decode()

    assert '<a href="/seller/orders/">Orders</a>' in body
    assert (
        '<a href="/seller/orders/" class="active" aria-current="page">Orders</a>'
        in seller.get("/seller/orders/").content.decode()
    )


def test_the_pesantrens_new_order_email_links_to_its_part(
    pesantren, kopi, django_capture_on_commit_callbacks, settings
):
    make_member(pesantren, email="pemilik@alhikmah.test")
    settings.KESAN_SITE_URL = "https://kesan.test"
    order = order_of((kopi, 1), paid=False)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        pay_order(order)

    (message,) = [m for m in mail.outbox if m.to == ["pemilik@alhikmah.test"]]
    part = part_of(order, pesantren)
    assert f"https://kesan.test/seller/orders/{part.pk}/" in message.body
