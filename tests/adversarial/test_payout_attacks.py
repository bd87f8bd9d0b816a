"""Payouts attacked: typed amounts, a refund landing between the read and the
posting of a payout, cancel after export, reject after paid; invariants."""

import pytest
from django.urls import reverse

from marketplace.ledger import services as ledger
from marketplace.ledger.models import LedgerAccount, LedgerEntry, LedgerTransaction
from marketplace.ledger.selectors import balance_of_pesantren
from marketplace.payouts import services
from marketplace.payouts.models import PayoutRequest
from tests.adversarial.conftest import assert_money_invariants

pytestmark = pytest.mark.django_db
Account = LedgerAccount.Kind


@pytest.mark.parametrize(
    "typed",
    [
        "1e9",
        "1E5",
        "0",
        "-0",
        "00000",
        "60000.5",
        "60.000,5",
        "NaN",
        "Infinity",
        "0x10000",
        "60 000 000 000 000 000 000",
        "1.000.000.000",
        "６０．０００．０",
    ],
)
def test_typed_amounts_that_are_not_a_whole_requestable_sum_are_refused(
    alfa_available, alfa_owner, client, typed
):
    client.force_login(alfa_owner.user)
    response = client.post(reverse("seller:balance"), {"amount": typed})
    assert response.status_code == 200
    assert response.context["form"].errors["amount"]
    assert PayoutRequest.objects.count() == 0


def owe_clawback(pesantren, amount, key="test-clawback"):
    """A refund after release that the available balance did not cover."""
    return ledger.post_transaction(
        key,
        LedgerTransaction.Kind.CLAWBACK,
        [
            ledger.Line(ledger.get_account(Account.CLAWBACK, pesantren), -amount),
            ledger.Line(ledger.get_account(Account.REFUNDS), amount),
        ],
    )


def test_the_clawback_recorded_on_a_payout_is_what_the_ledger_settled(
    alfa_available, alfa_owner, monkeypatch
):
    alfa = alfa_owner.pesantren
    payout = services.request_payout(alfa_owner, 60000)
    services.export_batch([payout.pk], None)
    original = ledger.record_payout

    def refund_lands_first(pesantren, *args, **kwargs):
        # A complaint refund after release commits after mark_paid started,
        # just before the ledger locks the pesantren's accounts.
        owe_clawback(pesantren, 10000)
        return original(pesantren, *args, **kwargs)

    monkeypatch.setattr(ledger, "record_payout", refund_lands_first)

    services.mark_paid(payout.pk, "BSI-RACE-1", None)

    payout.refresh_from_db()
    settled = sum(
        LedgerEntry.objects.filter(
            transaction=payout.ledger_transaction, account__kind=Account.CLAWBACK
        ).values_list("amount", flat=True)
    )
    assert settled == 10000
    assert payout.clawback_settled == settled
    assert balance_of_pesantren(alfa).clawback_owed == 0
    assert_money_invariants()


def test_no_step_revives_a_decided_request(alfa_available, alfa_owner):
    payout = services.request_payout(alfa_owner, 60000)
    services.export_batch([payout.pk], None)
    with pytest.raises(services.PayoutError):
        services.cancel_request(alfa_owner.pesantren, payout.pk, alfa_owner.user)
    services.mark_paid(payout.pk, "BSI-1", None)
    with pytest.raises(services.PayoutError):
        services.reject(payout.pk, "Salah.", None)
    with pytest.raises(services.PayoutError):
        services.mark_paid(payout.pk, "BSI-2", None)
    assert services.export_batch([payout.pk], None) is None
    payout.refresh_from_db()
    assert (payout.status, payout.reference) == (PayoutRequest.Status.PAID, "BSI-1")
    assert LedgerTransaction.objects.filter(kind="payout").count() == 1
    assert balance_of_pesantren(alfa_owner.pesantren).available == 55000
    assert_money_invariants()


def test_a_fractional_amount_given_to_the_service_is_refused_not_truncated(
    alfa_available, alfa_owner
):
    from decimal import Decimal

    with pytest.raises((services.PayoutError, ValueError, TypeError)):
        services.request_payout(alfa_owner, Decimal("60000.9"))
    assert PayoutRequest.objects.count() == 0


@pytest.mark.parametrize(
    "holder",
    [
        "=cmd|' /C calc'!A0",
        "+62 812",
        "-2+3",
        "@SUM(A1:A9)",
        "\t=1+1",
        "\r=1+1",
        "%0A=1+1",
        "|calc",
        'Ahmad";"=1+1',
        "Ahmad\r\nKSN-PB-99999,KSN-PO-999999,=1+1",
    ],
)
def test_the_batch_csv_keeps_seller_text_as_text_in_its_own_cell(
    alfa_available, alfa_owner, client, holder
):
    import csv
    import io

    from django.contrib.auth.models import Group

    from marketplace import roles
    from tests.factories import UserFactory

    Pesantren = type(alfa_owner.pesantren)
    Pesantren.objects.filter(pk=alfa_owner.pesantren.pk).update(
        bank_account_holder=holder, legal_entity_name=holder
    )
    alfa_owner.pesantren.refresh_from_db()
    payout = services.request_payout(alfa_owner, 60000)
    roles.sync_admin_group()
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=roles.ADMIN_GROUP_NAME))
    client.force_login(user)
    response = client.post(
        "/admin/marketplace/payoutrequest/",
        {"action": "export_batch", "_selected_action": [payout.pk]},
    )
    content = (
        b"".join(response.streaming_content) if response.streaming else response.content
    ).decode("utf-8")
    rows = list(csv.reader(io.StringIO(content)))
    assert len(rows) == 2, rows
    row = rows[1]
    assert len(row) == 9
    for cell in (row[3], row[6]):
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r", "|", "%")), cell
        assert cell.lstrip("'") == holder
