"""An open complaint keeps the part's money held; the operators' decision
releases it or refunds the buyer, whole or in part, each posted once."""

from decimal import Decimal

import pytest
from django.urls import reverse

from marketplace.complaints import services
from marketplace.complaints.models import Complaint
from marketplace.fulfilment.models import FulfilmentGroup
from marketplace.fulfilment.services import confirm_received, ship_part
from marketplace.ledger import services as ledger
from marketplace.ledger import tasks as ledger_tasks
from marketplace.ledger.models import LedgerAccount, LedgerTransaction
from marketplace.ledger.selectors import Balance, balance_of_pesantren
from marketplace.payments.models import Refund
from tests.factories import UserFactory
from tests.html import parse
from tests.marketplace.complaints.conftest import entries_of, unbalanced_transactions

pytestmark = pytest.mark.django_db
Account = LedgerAccount.Kind


def complain(shop, part=None):
    part = part or shop.alfa_part
    return services.open_complaint(
        shop.order,
        part.pk,
        user=shop.buyer,
        reason="damaged",
        description="Pecah.",
    )


def shipped(shop):
    ship_part(shop.alfa, shop.alfa_part.pk, None, "JNE", "JNE0001")


def platform():
    return {
        kind: ledger.balance_of(ledger.get_account(kind))
        for kind in (Account.FEE_REVENUE, Account.REFUNDS)
    }


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def decide(client, complaint, **data):
    return client.post(
        reverse("admin:marketplace_complaint_decide", args=[complaint.pk]), data
    )


def test_an_open_complaint_blocks_the_beat_release_until_it_is_decided(
    shop, clock, settings
):
    settings.MARKETPLACE_AUTO_RELEASE_DAYS = 7
    shipped(shop)
    complaint = complain(shop)
    clock.advance(days=8)

    assert ledger.release_blocked(FulfilmentGroup.objects.get(pk=shop.alfa_part.pk))
    assert ledger_tasks.release_due_parts.delay().get() == 0
    assert balance_of_pesantren(shop.alfa).held == 105000

    services.resolve_complaint(
        complaint.pk, Complaint.Decision.RELEASE, actor=None, note="Kurir yang salah."
    )
    assert balance_of_pesantren(shop.alfa) == Balance(
        held=0, available=105000, paid_out=0, clawback_owed=0
    )
    # The beat finds nothing left to release.
    assert ledger_tasks.release_due_parts.delay().get() == 0


def test_an_open_complaint_keeps_the_money_held_on_receipt(shop):
    shipped(shop)
    complain(shop)

    confirm_received(shop.order, shop.alfa_part.pk, shop.buyer)

    assert FulfilmentGroup.objects.get(pk=shop.alfa_part.pk).status == "received"
    assert balance_of_pesantren(shop.alfa).held == 105000
    assert not ledger.is_posted(ledger.released_key(shop.alfa_part))


def test_the_admin_releases_the_held_money_to_the_pesantren(shop, admin_client):
    shipped(shop)
    complaint = complain(shop)
    confirm_received(shop.order, shop.alfa_part.pk, shop.buyer)

    response = decide(admin_client, complaint, decision="release", note="Sudah baik.")

    assert response.status_code == 302
    complaint.refresh_from_db()
    assert (complaint.status, complaint.decision, complaint.refund_amount) == (
        "resolved",
        "release",
        None,
    )
    assert entries_of(f"part-released:{shop.alfa_part.pk}") == {
        Account.HELD: -105000,
        Account.AVAILABLE: 105000,
    }
    assert Refund.objects.count() == 0


def test_a_full_refund_before_release_reverses_the_held_share_and_the_fee(
    shop, admin_client
):
    shipped(shop)
    complaint = complain(shop)

    decide(admin_client, complaint, decision="full_refund", note="Barang rusak.")

    assert entries_of(f"part-refunded:{shop.alfa_part.pk}") == {
        Account.HELD: -105000,
        Account.FEE_REVENUE: -10000,
        Account.REFUNDS: 115000,
    }
    assert balance_of_pesantren(shop.alfa) == Balance(
        held=0, available=0, paid_out=0, clawback_owed=0
    )
    refund = Refund.objects.get()
    assert (refund.amount, refund.group_id, refund.refund_key) == (
        115000,
        shop.alfa_part.pk,
        f"{shop.attempt.provider_order_id}-c{complaint.pk}",
    )
    complaint.refresh_from_db()
    assert (complaint.decision, complaint.refund_amount) == ("full_refund", 115000)
    assert unbalanced_transactions() == []


def test_a_partial_refund_before_release_gives_back_the_fee_in_proportion(
    shop, admin_client, django_capture_on_commit_callbacks
):
    shipped(shop)
    complaint = complain(shop)

    with django_capture_on_commit_callbacks(execute=True):
        response = decide(
            admin_client,
            complaint,
            decision="partial_refund",
            amount="12345",
            note="Satu bungkus rusak.",
        )

    assert response.status_code == 302
    # 10.000 × 12.345 / 115.000 = 1.073,5 → 1.073 (half up, below half);
    # the pesantren bears 11.272, the rest of its 105.000 is released.
    assert entries_of(f"complaint-refund:{complaint.pk}") == {
        Account.HELD: -105000,
        Account.AVAILABLE: 93728,
        Account.FEE_REVENUE: -1073,
        Account.REFUNDS: 12345,
    }
    assert LedgerTransaction.objects.get(
        key=f"complaint-refund:{complaint.pk}"
    ).kind == ("refunded_in_part")
    assert balance_of_pesantren(shop.alfa) == Balance(
        held=0, available=93728, paid_out=0, clawback_owed=0
    )
    assert platform() == {Account.FEE_REVENUE: 14000 - 1073, Account.REFUNDS: 12345}
    assert list(Refund.objects.values_list("amount", "status")) == [
        (Decimal(12345), "manual")
    ]
    # Receipt afterwards releases nothing more; what is left may be refunded.
    confirm_received(shop.order, shop.alfa_part.pk, shop.buyer)
    assert balance_of_pesantren(shop.alfa).available == 93728
    assert ledger.refundable_amount(shop.alfa_part) == 115000 - 12345
    assert unbalanced_transactions() == []


def test_a_refund_after_release_takes_the_available_balance_then_a_clawback(shop):
    shipped(shop)
    confirm_received(shop.order, shop.alfa_part.pk, shop.buyer)
    ledger.record_payout(shop.alfa, 100000, "TRF-1")
    complaint = complain(shop)

    services.resolve_complaint(
        complaint.pk,
        Complaint.Decision.PARTIAL_REFUND,
        actor=None,
        note="Kurang satu.",
        amount=23000,
    )

    # Fee back 10.000 × 23.000 / 115.000 = 2.000; the pesantren bears 21.000:
    # 5.000 from its available balance, 16.000 owed.
    assert entries_of(f"complaint-refund:{complaint.pk}") == {
        Account.AVAILABLE: -5000,
        Account.CLAWBACK: -16000,
        Account.FEE_REVENUE: -2000,
        Account.REFUNDS: 23000,
    }
    assert balance_of_pesantren(shop.alfa) == Balance(
        held=0, available=0, paid_out=100000, clawback_owed=16000
    )

    # A second complaint refunds the rest: the rest of the fee goes back.
    second = complain(shop)
    services.resolve_complaint(
        second.pk, Complaint.Decision.FULL_REFUND, actor=None, note="Semua kembali."
    )
    assert entries_of(f"part-refunded:{shop.alfa_part.pk}") == {
        Account.CLAWBACK: -84000,
        Account.FEE_REVENUE: -8000,
        Account.REFUNDS: 92000,
    }
    assert balance_of_pesantren(shop.alfa) == Balance(
        held=0, available=0, paid_out=100000, clawback_owed=100000
    )
    assert platform()[Account.FEE_REVENUE] == 4000  # Beta's fee only
    assert ledger.refundable_amount(shop.alfa_part) == 0
    with pytest.raises(services.ComplaintRefused):
        complain(shop)
    assert unbalanced_transactions() == []


def test_deciding_twice_refunds_and_posts_once(shop, admin_client):
    shipped(shop)
    complaint = complain(shop)
    data = {"decision": "partial_refund", "amount": "20000", "note": "Separuh."}

    decide(admin_client, complaint, **data)
    second = decide(admin_client, complaint, **data)
    services.resolve_complaint(
        complaint.pk, Complaint.Decision.FULL_REFUND, actor=None, note="Lagi."
    )

    assert second.status_code == 200
    assert Refund.objects.count() == 1
    assert LedgerTransaction.objects.filter(group=shop.alfa_part).count() == 2
    assert platform()[Account.REFUNDS] == 20000
    complaint.refresh_from_db()
    assert (complaint.decision, complaint.refund_amount) == ("partial_refund", 20000)


@pytest.mark.parametrize("amount", ["0", "115001", ""])
def test_a_partial_refund_outside_what_is_left_is_refused(shop, admin_client, amount):
    shipped(shop)
    complaint = complain(shop)

    response = decide(
        admin_client, complaint, decision="partial_refund", amount=amount, note="x"
    )

    assert response.status_code == 200
    assert response.context["form"].errors["amount"]
    assert Complaint.objects.get().status == "open"
    assert (Refund.objects.count(), platform()[Account.REFUNDS]) == (0, 0)


def test_a_partial_refund_of_everything_left_is_a_full_refund(shop):
    shipped(shop)
    complaint = complain(shop)

    services.resolve_complaint(
        complaint.pk,
        Complaint.Decision.PARTIAL_REFUND,
        actor=None,
        note="Semua.",
        amount=115000,
    )

    assert Complaint.objects.get().decision == "full_refund"
    assert ledger.is_posted(ledger.refunded_key(shop.alfa_part))


def test_partial_fees_never_drift_and_no_balance_goes_below_zero():
    # A part of Rp3 with a fee of Rp2, refunded one rupiah at a time: the fee
    # given back follows 2 × refunded / 3 rounded half up (1, 1, 2 in all).
    share = ledger.PartShare(total=3, fee=2, net=1)
    first = ledger.partial_fee_back(share, ledger.Refunded(0, 0), 1)
    second = ledger.partial_fee_back(share, ledger.Refunded(1, first), 1)
    last = ledger.partial_fee_back(share, ledger.Refunded(2, first + second), 1)

    assert (first, second, last) == (1, 0, 1)
    # With a fee of almost the whole part the pesantren's share stays >= 0.
    share = ledger.PartShare(total=100, fee=99, net=1)
    # Proportionally 99 × 2 / 100 = 1,98 → 2 back; the pesantren bears 0.
    assert ledger.partial_fee_back(share, ledger.Refunded(0, 0), 2) == 2
    # Refunding 99 of 100: 98 back by proportion would leave the pesantren
    # owing 1 more than its share of 1; at least 98 goes back, here 98.
    assert ledger.partial_fee_back(share, ledger.Refunded(0, 0), 99) == 98
    # After 98 of fee back on 99, the last rupiah carries the last fee.
    assert ledger.partial_fee_back(share, ledger.Refunded(99, 98), 1) == 1


def test_an_admin_kesan_member_may_decide_and_other_staff_may_not(client, shop):
    from marketplace import roles

    shipped(shop)
    complaint = complain(shop)
    clerk = UserFactory(is_staff=True)
    client.force_login(clerk)

    assert decide(client, complaint, decision="release", note="x").status_code == 404
    assert Complaint.objects.get().status == "open"

    clerk.groups.add(roles.sync_admin_group())
    assert decide(client, complaint, decision="release", note="x").status_code == 302
    assert Complaint.objects.get().decision == "release"


def test_the_buyers_order_page_shows_what_was_refunded_on_the_part(
    shop, client, english
):
    shipped(shop)
    complaint = complain(shop)
    services.resolve_complaint(
        complaint.pk,
        Complaint.Decision.PARTIAL_REFUND,
        actor=None,
        note="Satu bungkus rusak.",
        amount=12345,
    )
    client.force_login(shop.buyer)

    page = parse(client.get(f"/orders/{shop.order.number}/"))

    rows = page.find_all("tr", data_refund=True)
    assert [row.attrs["data-refund"] for row in rows] == ["12345"]
    assert "Refunded to you" in rows[0].text()
    assert rows[0].find("td", cls="num").text() == "−Rp12,345"
