"""Payout requests: who may ask, how much, and what paying or rejecting does."""

import pytest
from django.core import mail
from django.db import transaction

from marketplace.fulfilment.models import FulfilmentGroup
from marketplace.fulfilment.services import confirm_received, ship_part
from marketplace.ledger import services as ledger
from marketplace.ledger.models import LedgerTransaction
from marketplace.ledger.selectors import Balance, balance_of_pesantren
from marketplace.payouts import selectors, services
from marketplace.payouts.emails import send_decision_email
from marketplace.payouts.models import PayoutRequest
from marketplace.payouts.services import PayoutError
from pesantren.models import Membership
from tests.factories import pay_order
from tests.marketplace.ledger.conftest import unbalanced_transactions
from tests.marketplace.payouts.conftest import member_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]
Status = PayoutRequest.Status


def exported(payout, admin=None):
    services.export_batch([payout.pk], admin)
    payout.refresh_from_db()
    return payout


def test_the_owner_requests_part_of_the_available_balance_with_the_bank_details(
    alfa_available, alfa_owner
):
    _order, alfa, *_rest = alfa_available

    payout = services.request_payout(alfa_owner, 60000)

    assert (payout.status, payout.amount, payout.pesantren_id) == (
        Status.REQUESTED,
        60000,
        alfa.pk,
    )
    assert (
        payout.bank_name,
        payout.bank_account_number,
        payout.bank_account_holder,
        payout.legal_entity_name,
    ) == ("BSI", "7123456789", "Kopontren Pesantren Alfa", "Kopontren Pesantren Alfa")
    # Requesting moves no money: it only reserves it.
    assert balance_of_pesantren(alfa).available == 115000
    assert selectors.requestable_amount(alfa) == 55000


def test_a_later_change_of_the_bank_account_leaves_the_request_as_made(
    alfa_available, alfa_owner
):
    alfa = alfa_available[1]
    payout = services.request_payout(alfa_owner, 60000)

    alfa.bank_account_number = "9999999999"
    alfa.save()

    payout.refresh_from_db()
    assert payout.bank_account_number == "7123456789"


def test_more_than_is_requestable_is_refused_and_nothing_is_written(
    alfa_available, alfa_owner
):
    services.request_payout(alfa_owner, 100000)

    with pytest.raises(PayoutError, match=r"Rp15[.,]000"):
        services.request_payout(alfa_owner, 50000)

    assert PayoutRequest.objects.count() == 1


def test_below_the_minimum_is_refused(alfa_available, alfa_owner, settings):
    settings.MARKETPLACE_MIN_PAYOUT = 50000

    with pytest.raises(PayoutError, match=r"at least Rp50[.,]000"):
        services.request_payout(alfa_owner, 49999)

    assert PayoutRequest.objects.count() == 0


@pytest.mark.parametrize("role", [Membership.Role.STAFF, Membership.Role.EDITOR])
def test_staff_and_editors_cannot_request(alfa_available, role):
    alfa = alfa_available[1]
    member = member_of(alfa, role, f"{role}@alfa.test")

    with pytest.raises(PayoutError, match="Only the owner"):
        services.request_payout(member, 60000)

    assert PayoutRequest.objects.count() == 0


def test_a_pesantren_without_a_bank_account_cannot_request(alfa_available, alfa_owner):
    alfa = alfa_available[1]
    alfa.bank_account_number = ""
    alfa.save()
    alfa_owner.refresh_from_db()

    with pytest.raises(PayoutError, match="bank account"):
        services.request_payout(alfa_owner, 60000)

    assert PayoutRequest.objects.count() == 0


def test_rejecting_frees_the_amount_and_cancelling_too(alfa_available, alfa_owner):
    alfa = alfa_available[1]
    first = services.request_payout(alfa_owner, 100000)
    assert selectors.requestable_amount(alfa) == 15000

    services.reject(first.pk, "Rekening tidak cocok", None)
    assert selectors.requestable_amount(alfa) == 115000

    second = services.request_payout(alfa_owner, 115000)
    services.cancel_request(alfa, second.pk, alfa_owner.user)

    assert selectors.requestable_amount(alfa) == 115000
    assert list(
        PayoutRequest.objects.order_by("pk").values_list("status", "rejection_reason")
    ) == [(Status.REJECTED, "Rekening tidak cocok"), (Status.CANCELLED, "")]


def test_a_rejection_needs_a_reason(alfa_available, alfa_owner):
    payout = services.request_payout(alfa_owner, 60000)

    with pytest.raises(PayoutError, match="why"):
        services.reject(payout.pk, "   ", None)

    payout.refresh_from_db()
    assert payout.status == Status.REQUESTED


def test_an_exported_request_can_no_longer_be_cancelled(alfa_available, alfa_owner):
    alfa = alfa_available[1]
    payout = exported(services.request_payout(alfa_owner, 60000))

    with pytest.raises(PayoutError, match="with the bank"):
        services.cancel_request(alfa, payout.pk, alfa_owner.user)

    payout.refresh_from_db()
    assert payout.status == Status.EXPORTED


def test_marking_paid_posts_the_payout_once(alfa_available, alfa_owner):
    alfa = alfa_available[1]
    payout = exported(services.request_payout(alfa_owner, 60000))

    services.mark_paid(payout.pk, "BSI-20261201-001", None)
    again = services.mark_paid(payout.pk, "BSI-20261201-001", None)

    assert again.status == Status.PAID
    assert again.ledger_transaction.key == "payout:BSI-20261201-001"
    assert LedgerTransaction.objects.filter(kind="payout").count() == 1
    assert balance_of_pesantren(alfa) == Balance(
        held=0, available=55000, paid_out=60000, clawback_owed=0
    )
    assert selectors.requestable_amount(alfa) == 55000
    assert unbalanced_transactions() == []


def test_a_request_must_be_exported_before_it_is_paid(alfa_available, alfa_owner):
    payout = services.request_payout(alfa_owner, 60000)

    with pytest.raises(PayoutError, match="batch"):
        services.mark_paid(payout.pk, "BSI-1", None)

    assert LedgerTransaction.objects.filter(kind="payout").count() == 0


def test_a_reference_already_recorded_is_refused(alfa_available, alfa_owner):
    first = exported(services.request_payout(alfa_owner, 50000))
    second = exported(services.request_payout(alfa_owner, 50000))
    services.mark_paid(first.pk, "BSI-1", None)

    with pytest.raises(PayoutError, match="already recorded"):
        services.mark_paid(second.pk, "BSI-1", None)

    second.refresh_from_db()
    assert (second.status, second.reference) == (Status.EXPORTED, "")
    assert balance_of_pesantren(second.pesantren).paid_out == 50000


def test_paying_more_than_payable_after_a_clawback_is_refused(
    order_and_parts, alfa_owner
):
    # Given Rp115.000 available and requested, then the part refunded after
    # release, which the available balance pays back first
    order, alfa, _beta, alfa_part, _beta_part = order_and_parts
    pay_order(order)
    ship_part(alfa, alfa_part.pk, None, "JNE", "JNE0001")
    confirm_received(order, alfa_part.pk, None)
    payout = exported(services.request_payout(alfa_owner, 115000))
    with transaction.atomic():
        ledger.refund_part(FulfilmentGroup.objects.get(pk=alfa_part.pk))
    assert balance_of_pesantren(alfa).available == 0

    # When the admin marks it paid, Then it is refused and nothing moves
    with pytest.raises(PayoutError, match="more than"):
        services.mark_paid(payout.pk, "BSI-9", None)

    payout.refresh_from_db()
    assert payout.status == Status.EXPORTED
    assert balance_of_pesantren(alfa).paid_out == 0
    assert selectors.requestable_amount(alfa) == 0


def test_the_owner_is_told_once_when_paid_and_when_rejected(
    alfa_available, alfa_owner, django_capture_on_commit_callbacks, settings
):
    settings.LANGUAGE_CODE = "en"
    paid = exported(services.request_payout(alfa_owner, 60000))
    rejected = services.request_payout(alfa_owner, 50000)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.mark_paid(paid.pk, "BSI-77", None)
        services.mark_paid(paid.pk, "BSI-77", None)
        services.reject(rejected.pk, "Dobel", None)
    assert send_decision_email(paid.pk) is False

    assert [(m.to, m.subject) for m in mail.outbox] == [
        (
            ["pemilik@alfa.test"],
            f"Payout {paid.code} of Rp60,000 has been transferred",
        ),
        (["pemilik@alfa.test"], f"Payout {rejected.code} was not approved"),
    ]
    assert "BSI-77" in mail.outbox[0].body
    assert "Dobel" in mail.outbox[1].body
