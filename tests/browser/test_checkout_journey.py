"""The buyer's journey in Debian's Chromium, against a live server: two
pesantren's products in one basket, checkout with an Indonesian address,
a simulated virtual-account payment, the order paid, each seller shipping
its own part from the seller dashboard, and the buyer confirming receipt."""

import re
import shutil
from decimal import Decimal

import pytest
from oscar.core.loading import get_model

from marketplace.fulfilment.models import OrderStatus
from marketplace.payments.models import PaymentAttempt
from tests.factories import (
    PesantrenFactory,
    give_flat_rate,
    make_member,
    make_product,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
Order = get_model("order", "Order")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def page(monkeypatch):
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium")
    if chromium is None:
        raise pytest.UsageError("The browser tests need Debian's chromium package.")
    # Playwright runs an event loop in this thread; the test's own database
    # reads between browser steps are synchronous and safe here.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium, args=CHROMIUM_ARGS
        )
        context = browser.new_context(
            viewport={"width": 390, "height": 844}, locale="id-ID"
        )
        page = context.new_page()
        page.set_default_timeout(15000)
        yield page
        page.screenshot(path="var/browser-last.png", full_page=True)
        context.close()
        browser.close()


def add_to_basket(page, base_url, product):
    page.goto(base_url + product.get_absolute_url())
    page.click(f"form[action='/basket/add/{product.pk}/'] button[type=submit]")
    page.wait_for_load_state()


def ship_as_seller(buyer_page, base_url, seller, product, others, tracking):
    """Sign ``seller`` in, in a browser context of its own, and ship its part."""
    context = buyer_page.context.browser.new_context(
        viewport={"width": 390, "height": 844}, locale="id-ID"
    )
    page = context.new_page()
    page.set_default_timeout(15000)
    page.goto(base_url + "/accounts/login/")
    page.fill("#id_login-username", seller.email)
    page.fill("#id_login-password", "test-password-123")
    page.click("button[name=login_submit]")
    page.wait_for_load_state()

    page.goto(base_url + "/seller/orders/")
    assert page.locator("[data-part]").count() == 1
    assert page.locator("[data-line] td:first-child").all_inner_texts() == [product]
    assert others not in page.content()
    page.locator("[data-part] .order-number").click()
    page.fill("#id_tracking_number", tracking)
    page.click("[data-action=ship]")
    assert page.locator("[data-tracking]").inner_text() == tracking
    context.close()


def test_two_pesantren_one_basket_paid_by_virtual_account_and_received(
    page, live_server, settings
):
    settings.MARKETPLACE_PAYMENT_GATEWAY = "simulator"
    alfa = PesantrenFactory(name="Pesantren Alfa")
    beta = PesantrenFactory(name="Pesantren Beta")
    give_flat_rate(alfa, 15000)
    give_flat_rate(beta, 20000)
    kopi = make_product(
        alfa, price=Decimal("50000"), title="Kopi Santri", num_in_stock=4
    )
    madu = make_product(
        beta, price=Decimal("40000"), title="Madu Hutan", num_in_stock=4
    )
    alfa_seller = make_member(alfa, email="penjual@alfa.test")
    beta_seller = make_member(beta, email="penjual@beta.test")
    base = live_server.url

    # Basket: both products, one group per pesantren
    add_to_basket(page, base, kopi)
    add_to_basket(page, base, madu)
    page.goto(base + "/basket/")
    assert page.locator(".basket-group").count() == 2
    page.locator("a.button.block").click()

    # Checkout as a guest
    page.fill("#id_username", "siti@example.test")
    page.check("input[name=options][value=anonymous]")
    page.locator("#checkout-gateway button[type=submit]").click()

    # Indonesian address with cascading region lists
    page.fill("#id_first_name", "Siti Aminah")
    page.fill("#id_phone_number", "081234567890")
    page.fill("#id_line1", "Jl. Merdeka No. 10, RT 02/RW 03")
    page.select_option("#id_province", "32")
    page.wait_for_selector("#id_regency option[value='32.76']", state="attached")
    page.select_option("#id_regency", "32.76")
    page.wait_for_selector("#id_district option[value='32.76.01']", state="attached")
    page.select_option("#id_district", "32.76.01")
    page.wait_for_selector(
        "#id_village option[value='32.76.01.1006']", state="attached"
    )
    page.select_option("#id_village", "32.76.01.1006")
    assert page.input_value("#id_postcode") == "16431"
    page.locator("#new_shipping_address button[type=submit]").click()

    # One shipping option per pesantren, then the preview: Rp35.000 shipping
    page.locator("#shipping-options button[type=submit]").click()
    assert (
        page.locator("[data-shipping-total]").get_attribute("data-shipping-total")
        == "35000"
    )
    assert (
        page.locator("[data-order-total]").get_attribute("data-order-total") == "125000"
    )

    # The akad of each part, which the buyer must confirm before paying
    assert page.locator("[data-akad-seller] strong").all_inner_texts() == [
        "Kopontren Pesantren Alfa",
        "Kopontren Pesantren Beta",
    ]
    assert page.locator("[data-akad-type=bai]").count() == 2
    page.click("#place-order")
    assert page.url.endswith("/checkout/preview/")
    assert Order.objects.count() == 0
    page.check("input[name=akad_confirm]")
    page.click("#place-order")

    # The simulator: a BCA virtual account, then pay
    page.click("[data-channel=bca_va]")
    assert re.fullmatch(
        r"\d{12}", page.locator("[data-va-number]").inner_text().strip()
    )
    page.click("#simulate-payment")

    # Back on the order page: paid, both parts new
    page.wait_for_selector("[data-order-status=paid]")
    order = Order.objects.get()
    assert order.status == OrderStatus.PAID
    assert PaymentAttempt.objects.get().status == PaymentAttempt.Status.PAID
    assert page.locator("[data-akad-box]").count() == 2
    receipt = page.context.new_page()
    receipt.goto(base + f"/orders/{order.number}/akad/")
    assert receipt.locator("[data-akad-part]").count() == 2
    receipt.close()

    # Each seller signs in, sees only its own part, and ships it
    for seller, product, others, tracking in (
        (alfa_seller, "Kopi Santri", "Madu Hutan", "JNE0001"),
        (beta_seller, "Madu Hutan", "Kopi Santri", "SCP0002"),
    ):
        ship_as_seller(page, base, seller, product, others, tracking)
    page.reload()
    assert page.locator("[data-tracking]").all_inner_texts() == ["JNE0001", "SCP0002"]

    # The buyer confirms both parts received
    for _ in range(2):
        page.locator("input[name=confirm]").first.check()
        page.locator("[data-received-button]").first.click()
        page.wait_for_load_state()
    assert page.locator("[data-part-status=received]").count() == 2
    order.refresh_from_db()
    assert order.status == OrderStatus.COMPLETED
