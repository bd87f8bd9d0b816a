"""The confirmed akad on the buyer's order page, the seller's order detail,
the order e-mails and the printable Bukti Akad, each to its own reader only."""

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model

from marketplace.akad.models import AkadRecord
from marketplace.fulfilment.emails import render_email
from marketplace.fulfilment.models import OutboundEmail
from marketplace.fulfilment.services import mark_order_paid
from marketplace.payments.models import PaymentAttempt
from tests.factories import UserFactory, make_member
from tests.html import parse
from tests.marketplace.akad.helpers import place, preview_as_guest, preview_signed_in

pytestmark = pytest.mark.django_db
Order = get_model("order", "Order")


@pytest.fixture
def buyer():
    return UserFactory(email="aminah@example.test")


@pytest.fixture
def paid_order(client, akad_shop, buyer):
    place(client, preview_signed_in(client, akad_shop, buyer))
    order = Order.objects.get()
    # Paid through the attempt the checkout started.
    with transaction.atomic():
        locked = Order.objects.select_for_update().get(pk=order.pk)
        attempt = PaymentAttempt.objects.get(order=order)
        attempt.status = PaymentAttempt.Status.PAID
        attempt.save()
        mark_order_paid(locked, attempt)
    return order


def akad_url(order):
    return reverse("orders:akad", args=[order.number])


def seller_akad_url(order, pesantren):
    group = order.fulfilment_groups.get(pesantren=pesantren)
    return reverse("seller:order-akad", kwargs={"part_pk": group.pk})


def test_the_buyers_order_page_shows_each_parts_akad_and_links_the_receipt(
    client, paid_order
):
    page = parse(client.get(reverse("orders:detail", args=[paid_order.number])))

    boxes = page.find_all("details", data_akad_box=True)
    assert len(boxes) == 2
    assert "Kopontren Alfa Sejahtera" in boxes[0].find("summary").text()
    assert boxes[0].find(data_akad_khiyar=True).attrs["data-akad-khiyar"] == "5"
    assert boxes[1].find(data_akad_fee=True).attrs["data-akad-fee"] == "0"
    assert page.find("a", data_akad_link=True).attrs["href"] == akad_url(paid_order)


def test_the_bukti_akad_prints_every_part_with_its_fingerprint(client, paid_order):
    response = client.get(akad_url(paid_order))

    page = parse(response)
    assert response.status_code == 200
    parts = page.find_all("section", data_akad_part=True)
    assert [part.find("h2").text() for part in parts] == [
        "Kopontren Alfa Sejahtera · Pesantren Alfa",
        "Yayasan Beta Mandiri · Pesantren Beta",
    ]
    digests = [code.text() for code in page.find_all("code", data_akad_digest=True)]
    assert digests == list(
        AkadRecord.objects.filter(group__order=paid_order)
        .order_by("group__pk")
        .values_list("digest", flat=True)
    )
    assert "without interest (no riba)" in page.find("p", data_akad_payment=True).text()
    assert "Rp475,000" in page.find("section", cls="payment").text()
    assert 'href="/static/css/akad-receipt.css"' in response.content.decode()


def test_another_buyer_gets_404_for_the_bukti_akad(paid_order):
    other = Client()
    other.force_login(UserFactory())

    assert other.get(akad_url(paid_order)).status_code == 404


def test_a_stranger_without_the_session_is_sent_to_sign_in(paid_order):
    response = Client().get(akad_url(paid_order))

    assert response.status_code == 302
    assert response.url.startswith(reverse("customer:login"))


def test_a_guest_sees_the_bukti_akad_only_with_the_session_that_placed_the_order(
    client, akad_shop
):
    place(client, preview_as_guest(client, akad_shop))
    order = Order.objects.get()

    assert client.get(akad_url(order)).status_code == 200
    assert Client().get(akad_url(order)).status_code == 302
    signed_in = Client()
    signed_in.force_login(UserFactory())
    assert signed_in.get(akad_url(order)).status_code == 404


def test_the_seller_sees_and_prints_the_akad_of_its_own_part_only(
    client, paid_order, akad_shop
):
    seller = Client()
    seller.force_login(akad_shop.beta_seller)
    group = paid_order.fulfilment_groups.get(pesantren=akad_shop.beta)

    detail = parse(
        seller.get(reverse("seller:order-detail", kwargs={"part_pk": group.pk}))
    )
    receipt = parse(seller.get(seller_akad_url(paid_order, akad_shop.beta)))

    akad = detail.find("section", id="akad")
    assert akad.find(data_akad_seller=True).find("strong").text() == (
        "Yayasan Beta Mandiri"
    )
    assert akad.find(data_akad_eta=True).attrs["data-akad-eta"] == "3-5"
    assert detail.find("a", data_akad_link=True).attrs["href"] == seller_akad_url(
        paid_order, akad_shop.beta
    )
    parts = receipt.find_all("section", data_akad_part=True)
    assert [part.attrs["data-akad-part"] for part in parts] == [str(group.pk)]
    assert "Kopi Santri" not in receipt.text()
    assert "Madu Hutan" in receipt.text()


def test_another_pesantrens_seller_gets_404_for_the_akad(paid_order, akad_shop):
    outsider = Client()
    outsider.force_login(make_member())

    assert outsider.get(seller_akad_url(paid_order, akad_shop.alfa)).status_code == 404
    beta_seller = Client()
    beta_seller.force_login(akad_shop.beta_seller)
    assert (
        beta_seller.get(seller_akad_url(paid_order, akad_shop.alfa)).status_code == 404
    )


@pytest.mark.parametrize(
    "kind", [OutboundEmail.Kind.ORDER_PLACED, OutboundEmail.Kind.ORDER_PAID]
)
def test_the_order_emails_carry_the_akad_in_text_and_html(paid_order, kind):
    message = render_email(OutboundEmail.objects.get(kind=kind, order=paid_order))

    text, html = message.body, message.alternatives[0][0]
    assert "Seller (party to the akad): Kopontren Alfa Sejahtera" in text
    assert "Salam (pre-order): paid in full now, made and delivered later." in text
    assert "Batik Tulis Pesisiran: ready 14 days after payment" in text
    assert "5 days after you receive it, for:" in text
    assert "Rp8,750, paid by the seller to KESAN out of the price" in text
    assert "without interest (no riba)" in text
    body = parse(html)
    assert len(body.find_all("dl", data_akad=True)) == 2
    assert body.find_all(data_akad_fee=True)[0].attrs["data-akad-fee"] == "8750"


def test_the_bukti_akad_names_the_channel_that_paid_and_when(client, paid_order):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    PaymentAttempt.objects.filter(order=paid_order).update(
        payment_type="qris",
        date_paid=datetime(2026, 12, 4, 9, 30, tzinfo=ZoneInfo("Asia/Jakarta")),
    )

    page = parse(client.get(akad_url(paid_order)))

    paid = page.find("p", data_paid=True)
    assert paid.text() == "Paid in full on 4 December 2026, 09:30 by QRIS."


def test_the_order_page_says_a_salam_part_is_made_first(client, paid_order):
    page = parse(client.get(reverse("orders:detail", args=[paid_order.number])))

    notes = page.find_all("p", data_production_days=True)
    assert [note.attrs["data-production-days"] for note in notes] == ["14"]
    assert notes[0].text() == "Made to order: ready about 14 days after payment, then sent."
