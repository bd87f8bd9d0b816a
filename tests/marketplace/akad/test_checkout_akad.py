"""The akad at the checkout preview: shown per pesantren part, confirmed by
an explicit tick, and placed only as it was shown."""

from decimal import Decimal

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from forks.partner.models import StockRecord
from marketplace.akad.models import AkadRecord
from marketplace.fulfilment.models import FulfilmentGroup
from marketplace.payments.models import PaymentAttempt
from tests.html import parse
from tests.marketplace.akad.conftest import COVERS
from tests.marketplace.akad.helpers import place, preview_as_guest

pytestmark = pytest.mark.django_db
Order = get_model("order", "Order")


def part_of(page, pesantren):
    return parse(page).find(
        "section", cls="akad-part", data_pesantren=str(pesantren.pk)
    )


def test_the_preview_shows_each_parts_seller_akad_prices_shipping_eta_khiyar_and_fee(
    client, akad_shop, settings
):
    preview = preview_as_guest(client, akad_shop)

    alfa, beta = (part_of(preview, akad_shop.alfa), part_of(preview, akad_shop.beta))
    seller = alfa.find(data_akad_seller=True)
    assert seller.find("strong").text() == "Kopontren Alfa Sejahtera"
    assert seller.text().startswith(
        "Kopontren Alfa Sejahtera · Kopontren (pesantren cooperative)"
    )
    assert seller.find("span").text() == "Pesantren Alfa"
    assert (
        beta.find(data_akad_seller=True)
        .text()
        .startswith("Yayasan Beta Mandiri · Yayasan (foundation)")
    )
    # Ready stock is a sale (bai'); the pre-order batik is salam, 14 days.
    assert [
        p.attrs["data-akad-type"] for p in alfa.find_all("p", data_akad_type=True)
    ] == [
        "bai",
        "salam",
    ]
    assert alfa.find("li", data_salam_days="14").text() == (
        "Batik Tulis Pesisiran: ready 14 days after payment"
    )
    assert [
        p.attrs["data-akad-type"] for p in beta.find_all("p", data_akad_type=True)
    ] == ["bai"]
    assert [cell.text() for cell in alfa.find_all("td", data_line_total=True)] == [
        "Rp50,000",
        "Rp350,000",
    ]
    assert "1 × Rp350,000" in alfa.text()
    assert alfa.find(data_shipping=True).attrs["data-shipping"] == "15000"
    assert alfa.find(data_part_total=True).attrs["data-part-total"] == "415000"
    # Salam: 14 days to make, then 2-4 days on the way.
    assert alfa.find(data_akad_eta=True).attrs["data-akad-eta"] == "16-18"
    assert (
        "(14 days to make, 2–4 days on the way)" in alfa.find(data_akad_eta=True).text()
    )
    assert beta.find(data_akad_eta=True).attrs["data-akad-eta"] == "3-5"
    # Khiyar: the longest window of the lines, with what each covers.
    khiyar = alfa.find(data_akad_khiyar=True)
    assert khiyar.attrs["data-akad-khiyar"] == "5"
    assert khiyar.text() == (
        "5 days after you receive it, for: Barang rusak, salah kirim atau tidak "
        f"sesuai; {COVERS}."
    )
    assert beta.find(data_akad_khiyar=True).attrs["data-akad-khiyar"] == "3"
    # Ujrah: 2.5 % of the batik, paid by the seller, not added to the bill.
    fee = alfa.find(data_akad_fee=True)
    assert fee.attrs["data-akad-fee"] == "8750"
    assert "Rp8,750" in fee.text() and "not added to your bill" in fee.text()
    assert (
        beta.find(data_akad_fee=True).text()
        == "None: KESAN takes no fee from this sale."
    )
    assert preview.context["order_total"].incl_tax == Decimal("475000")
    # Interest-free, with the channels that go to Midtrans.
    payment = parse(preview).find("p", data_akad_payment=True).text()
    assert "without interest (no riba)" in payment
    assert "BSI Virtual Account" in payment and "QRIS" in payment
    box = parse(preview).find("input", type="checkbox", name="akad_confirm")
    assert "required" in box.attrs


def test_placing_without_the_tick_is_refused_on_the_same_page_and_orders_nothing(
    client, akad_shop
):
    preview = preview_as_guest(client, akad_shop)

    response = place(client, preview, confirm=False)

    assert response.status_code == 200
    assert response.context["akad_refused"] is True
    assert response.context["error"] == (
        "Tick the box to confirm the akad of your order. Nothing was ordered yet."
    )
    assert part_of(response, akad_shop.alfa).find(data_akad_khiyar=True)
    assert (Order.objects.count(), FulfilmentGroup.objects.count()) == (0, 0)
    assert (AkadRecord.objects.count(), PaymentAttempt.objects.count()) == (0, 0)
    assert StockRecord.objects.get(product=akad_shop.kain).num_allocated in (0, None)


def test_a_price_changed_after_the_preview_is_refused_and_nothing_is_written(
    client, akad_shop
):
    preview = preview_as_guest(client, akad_shop)
    StockRecord.objects.filter(product=akad_shop.kopi).update(price=Decimal("55000"))

    response = place(client, preview)

    assert response.status_code == 302
    assert response.url == reverse("checkout:preview")
    assert (Order.objects.count(), AkadRecord.objects.count()) == (0, 0)
    assert StockRecord.objects.get(product=akad_shop.kopi).num_allocated in (0, None)
    shown = client.get(response.url)
    assert "The price or the shipping of your order changed" in shown.content.decode()
    # The new preview shows the new price, and placing it then works.
    assert "Rp55,000" in part_of(shown, akad_shop.alfa).text()
    assert place(client, shown).status_code == 302
    assert Order.objects.count() == 1


def test_a_shipping_rate_changed_after_the_preview_is_refused(client, akad_shop):
    preview = preview_as_guest(client, akad_shop)
    akad_shop.beta.shipping_rates.update(flat_fee=Decimal("25000"))

    response = place(client, preview)

    assert response.url == reverse("checkout:preview")
    assert Order.objects.count() == 0


def test_a_missing_or_forged_digest_is_refused(client, akad_shop):
    preview = preview_as_guest(client, akad_shop)

    response = place(client, preview, akad_digest="0" * 64)

    assert response.url == reverse("checkout:preview")
    assert Order.objects.count() == 0


def test_what_is_stored_is_what_the_preview_showed(client, akad_shop):
    preview = preview_as_guest(client, akad_shop)
    shown = preview.context["akad_parts"]

    place(client, preview)

    order = Order.objects.get()
    records = list(AkadRecord.objects.filter(group__order=order).order_by("group__pk"))
    assert [record.summary for record in records] == shown
    assert [record.group.pesantren for record in records] == [
        akad_shop.alfa,
        akad_shop.beta,
    ]
    alfa = records[0]
    assert alfa.is_intact is True
    assert alfa.language == order.language
    assert alfa.summary["fee"] == {"amount": 8750, "percent": None, "paid_by": "seller"}
    assert alfa.group.platform_fee == 8750
    assert alfa.summary["khiyar"]["days"] == alfa.group.khiyar_days == 5
    assert alfa.summary["items"][1] == {
        "title": "Batik Tulis Pesisiran",
        "product_id": akad_shop.kain.pk,
        "quantity": 1,
        "unit_price": 350000,
        "line_total": 350000,
        "akad": "salam",
        "production_days": 14,
    }
