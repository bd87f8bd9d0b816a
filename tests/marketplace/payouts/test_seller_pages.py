"""The owner's payout form, history and monthly sales on the Saldo page."""

from decimal import Decimal

import pytest

from marketplace.compliance.models import CategoryRule
from marketplace.payouts import services
from marketplace.payouts.models import PayoutRequest
from pesantren.models import Membership
from tests.factories import (
    make_basket,
    make_category,
    make_member,
    make_product,
    pay_order,
    place_order,
)
from tests.marketplace.payouts.conftest import member_of

pytestmark = pytest.mark.django_db
BALANCE = "/seller/balance/"


@pytest.fixture
def owner_client(alfa_available, alfa_owner, client, english):
    client.force_login(alfa_owner.user)
    return client


def test_the_owner_requests_a_payout_from_the_page(owner_client):
    response = owner_client.post(BALANCE, {"amount": "60.000"}, follow=True)

    payout = PayoutRequest.objects.get()
    assert payout.amount == 60000
    page = response.content.decode()
    assert f"Payout {payout.code} of Rp60,000 requested" in page
    assert response.context["requestable"] == 55000
    assert [p.code for p in response.context["payouts"]] == [payout.code]


@pytest.mark.parametrize(
    "typed, error",
    [
        ("115.001", "At most Rp115,000 can be requested now."),
        ("49.999", "A payout is at least Rp50,000."),
        ("60000,50", "Rupiah prices have no cents"),
        ("enam puluh ribu", "is not a clear rupiah amount"),
        ("-60000", "cannot be negative"),
    ],
)
def test_a_forged_or_mistyped_amount_is_refused_and_kept(owner_client, typed, error):
    response = owner_client.post(BALANCE, {"amount": typed})

    assert response.status_code == 200
    assert error in " ".join(response.context["form"].errors["amount"])
    assert f'value="{typed}"' in response.content.decode()
    assert PayoutRequest.objects.count() == 0


def test_open_requests_count_against_a_forged_post(owner_client, alfa_owner):
    services.request_payout(alfa_owner, 100000)

    response = owner_client.post(BALANCE, {"amount": "50000"})

    assert "At most Rp15,000" in " ".join(response.context["form"].errors["amount"])
    assert PayoutRequest.objects.count() == 1


@pytest.mark.parametrize("role", [Membership.Role.STAFF, Membership.Role.EDITOR])
def test_staff_and_editors_cannot_post_a_request(alfa_available, client, role):
    alfa = alfa_available[1]
    client.force_login(member_of(alfa, role, f"{role}@alfa.test").user)

    assert client.post(BALANCE, {"amount": "60000"}).status_code == 403
    assert PayoutRequest.objects.count() == 0


def test_without_a_bank_account_the_page_says_so_and_links_the_profile(
    owner_client, alfa_owner
):
    alfa = alfa_owner.pesantren
    alfa.bank_account_holder = ""
    alfa.save()

    page = owner_client.get(BALANCE).content.decode()
    posted = owner_client.post(BALANCE, {"amount": "60000"})

    assert "No bank account for payouts yet." in page
    assert 'href="/seller/profile/#payouts"' in page
    assert 'name="amount"' not in page
    assert "bank account" in " ".join(posted.context["form"].errors["amount"])
    assert PayoutRequest.objects.count() == 0


def test_another_pesantrens_owner_cannot_see_or_cancel_a_request(
    alfa_available, alfa_owner, client
):
    beta = alfa_available[2]
    payout = services.request_payout(alfa_owner, 60000)
    client.force_login(make_member(beta, role=Membership.Role.OWNER))

    detail = client.get(f"/seller/balance/payouts/{payout.pk}/")
    cancel = client.post(f"/seller/balance/payouts/{payout.pk}/cancel/")
    balance = client.get(BALANCE)

    assert (detail.status_code, cancel.status_code) == (404, 404)
    assert list(balance.context["payouts"]) == []
    assert payout.code not in balance.content.decode()
    payout.refresh_from_db()
    assert payout.status == PayoutRequest.Status.REQUESTED


def test_the_owner_cancels_a_request_not_yet_exported(owner_client, alfa_owner):
    payout = services.request_payout(alfa_owner, 60000)

    detail = owner_client.get(f"/seller/balance/payouts/{payout.pk}/")
    owner_client.post(f"/seller/balance/payouts/{payout.pk}/cancel/")

    assert "Cancel this request" in detail.content.decode()
    payout.refresh_from_db()
    assert payout.status == PayoutRequest.Status.CANCELLED
    assert (
        owner_client.get(f"/seller/balance/payouts/{payout.pk}/cancel/").status_code
        == 405
    )


def test_the_history_shows_status_amount_reference_and_the_clawback_settled(
    owner_client, alfa_owner
):
    payout = services.request_payout(alfa_owner, 60000)
    services.export_batch([payout.pk], None)
    services.mark_paid(payout.pk, "BSI-REF-42", None)
    # (A real clawback settled is walked in test_cycle.py.)
    PayoutRequest.objects.filter(pk=payout.pk).update(clawback_settled=5000)

    page = owner_client.get(BALANCE).content.decode()

    assert payout.code in page and "BSI-REF-42" in page
    assert "+ Rp5,000 clawback settled" in page
    assert "Rp60,000" in page


def test_every_ledger_line_of_a_part_shows_its_fee_and_percentage(
    order_and_parts, alfa_owner, client, english
):
    # A part of two lines at different fees: the percentage is "varied".
    order, alfa, _beta, _alfa_part, _beta_part = order_and_parts
    food = make_category("Makanan", "makanan")
    craft = make_category("Kerajinan", "kerajinan")
    CategoryRule.objects.create(category=food, platform_fee_percent=Decimal(5))
    CategoryRule.objects.create(category=craft, platform_fee_percent=Decimal(2))
    madu = make_product(alfa, price=Decimal(100000), categories=[food], title="Madu")
    tas = make_product(alfa, price=Decimal(50000), categories=[craft], title="Tas")
    mixed = place_order(make_basket((madu, 1), (tas, 1))).order
    pay_order(mixed)
    pay_order(order)
    client.force_login(alfa_owner.user)

    page = client.get(BALANCE).content.decode()

    # 5% of 100.000 + 2% of 50.000 = 6.000, and the single-fee part at 0%.
    assert "Rp6,000 (varied)" in page
    assert "Rp0 (0%)" in page


def test_the_chart_draws_the_last_twelve_months_with_a_table(
    order_and_parts, alfa_owner, client, english, clock
):
    order, alfa, *_rest = order_and_parts
    pay_order(order)  # 1 Dec 2026: goods Rp100.000
    clock.advance(days=-62)
    kopi = make_product(alfa, price=Decimal(30000), title="Kopi Oktober")
    october = place_order(make_basket((kopi, 1))).order
    pay_order(october)
    clock.advance(days=62)
    client.force_login(alfa_owner.user)

    response = client.get(BALANCE)

    months = response.context["chart"].months
    assert [(m.month.isoformat(), m.goods) for m in months if m.goods] == [
        ("2026-09-01", 30000),
        ("2026-12-01", 100000),
    ]
    assert len(months) == 12 and months[0].month.isoformat() == "2026-01-01"
    page = response.content.decode()
    assert 'role="img" aria-labelledby="sales-title sales-desc"' in page
    assert page.count('<rect class="net"') == 2
    assert "<title>December 2026: goods Rp100,000, platform fee Rp0</title>" in page
    assert '<th scope="row">September 2026</th>' in page
