"""Operators export payout batches and record the transfers in Django admin."""

import csv
import io

import pytest
from django.contrib.auth.models import Group

from marketplace import roles
from marketplace.ledger.selectors import balance_of_pesantren
from marketplace.payouts import services
from marketplace.payouts.export import safe_cell
from marketplace.payouts.models import PayoutBatch, PayoutRequest
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
Status = PayoutRequest.Status
CHANGELIST = "/admin/marketplace/payoutrequest/"


@pytest.fixture
def curator(client):
    """Staff in the Admin KESAN group: the permissions of roles.py only."""
    roles.sync_admin_group()
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=roles.ADMIN_GROUP_NAME))
    client.force_login(user)
    return client


def rows_of(response):
    body = (
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    return list(csv.reader(io.StringIO(body.decode("utf-8"))))


def export(client, *payouts):
    return client.post(
        CHANGELIST,
        {"action": "export_batch", "_selected_action": [p.pk for p in payouts]},
    )


def test_the_list_filters_by_status_and_pesantren(alfa_available, alfa_owner, curator):
    payout = services.request_payout(alfa_owner, 60000)

    requested = curator.get(CHANGELIST, {"status__exact": "requested"})
    paid = curator.get(CHANGELIST, {"status__exact": "paid"})
    of_alfa = curator.get(CHANGELIST, {"pesantren__id__exact": payout.pesantren_id})

    assert payout.code in requested.content.decode()
    assert payout.code not in paid.content.decode()
    assert payout.code in of_alfa.content.decode()


def test_exporting_makes_a_batch_and_downloads_one_row_per_request(
    alfa_available, alfa_owner, curator
):
    first = services.request_payout(alfa_owner, 60000)
    second = services.request_payout(alfa_owner, 50000)

    response = export(curator, first, second)

    batch = PayoutBatch.objects.get()
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert f'filename="{batch.code.lower()}.csv"' in response["Content-Disposition"]
    assert rows_of(response) == [
        [
            "batch",
            "request_id",
            "pesantren",
            "legal_name",
            "bank",
            "account_number",
            "account_holder",
            "amount_idr",
            "transfer_note",
        ],
        *[
            [
                batch.code,
                payout.code,
                "Pesantren Alfa",
                "Kopontren Pesantren Alfa",
                "BSI",
                "7123456789",
                "Kopontren Pesantren Alfa",
                str(payout.amount),
                f"KESAN {payout.code}",
            ]
            for payout in (first, second)
        ],
    ]
    assert set(PayoutRequest.objects.values_list("status", "batch_id", flat=False)) == {
        (Status.EXPORTED, batch.pk)
    }
    # The batch downloads again, the same.
    again = curator.get(f"/admin/marketplace/payoutbatch/{batch.pk}/csv/")
    assert rows_of(again) == rows_of(response)


def test_a_request_already_exported_is_not_exported_again(
    alfa_available, alfa_owner, curator
):
    payout = services.request_payout(alfa_owner, 60000)
    export(curator, payout)

    response = export(curator, payout)

    assert response.status_code == 302
    assert PayoutBatch.objects.count() == 1


def test_a_cell_that_would_be_a_formula_is_kept_as_text(
    alfa_available, alfa_owner, curator
):
    alfa = alfa_available[1]
    alfa.name = '=HYPERLINK("http://evil.test","klik")'
    alfa.save()
    alfa_owner.pesantren.bank_account_holder = "@SUM(1+1)"
    alfa_owner.pesantren.save()
    payout = services.request_payout(alfa_owner, 60000)

    row = rows_of(export(curator, payout))[1]

    assert row[2] == '\'=HYPERLINK("http://evil.test","klik")'
    assert row[6] == "'@SUM(1+1)"
    assert [safe_cell(v) for v in ("+1", "-1", "\tx", "Ahmad")] == [
        "'+1",
        "'-1",
        "'\tx",
        "Ahmad",
    ]


def test_marking_paid_records_the_transfer_in_the_ledger(
    alfa_available, alfa_owner, curator
):
    payout = services.request_payout(alfa_owner, 60000)
    export(curator, payout)
    url = f"{CHANGELIST}{payout.pk}/mark-paid/"

    form = curator.get(url)
    done = curator.post(url, {"reference": "BSI 2026-12-01 001"})
    repeated = curator.post(url, {"reference": "BSI 2026-12-01 001"})

    assert form.status_code == 200
    assert done.status_code == 302 and repeated.status_code == 302
    payout.refresh_from_db()
    assert (payout.status, payout.reference) == (Status.PAID, "BSI 2026-12-01 001")
    assert balance_of_pesantren(payout.pesantren).paid_out == 60000


def test_paying_more_than_payable_shows_a_message_and_changes_nothing(
    alfa_available, alfa_owner, curator
):
    payout = services.request_payout(alfa_owner, 100000)
    export(curator, payout)
    # Someone recorded a direct transfer in the meantime.
    from marketplace.ledger.services import record_payout

    record_payout(payout.pesantren, 60000, "MANUAL-1")

    response = curator.post(
        f"{CHANGELIST}{payout.pk}/mark-paid/", {"reference": "BSI-2"}, follow=True
    )

    assert response.status_code == 200
    messages = [str(m) for m in response.context["messages"]]
    assert len(messages) == 1 and payout.code in messages[0]
    payout.refresh_from_db()
    assert payout.status == Status.EXPORTED
    assert balance_of_pesantren(payout.pesantren).paid_out == 60000


def test_rejecting_needs_a_reason_and_frees_the_amount(
    alfa_available, alfa_owner, curator
):
    payout = services.request_payout(alfa_owner, 60000)
    url = f"{CHANGELIST}{payout.pk}/reject/"

    empty = curator.post(url, {"reason": ""})
    done = curator.post(url, {"reason": "Nama pemilik rekening beda"})

    assert empty.status_code == 200 and empty.context["form"].errors
    assert done.status_code == 302
    payout.refresh_from_db()
    assert (payout.status, payout.rejection_reason) == (
        Status.REJECTED,
        "Nama pemilik rekening beda",
    )


def test_the_request_cannot_be_edited_added_or_deleted(
    alfa_available, alfa_owner, curator
):
    payout = services.request_payout(alfa_owner, 60000)

    curator.post(f"{CHANGELIST}{payout.pk}/change/", {"amount": "1", "status": "paid"})

    payout.refresh_from_db()
    assert (payout.amount, payout.status) == (60000, Status.REQUESTED)
    assert curator.get(f"{CHANGELIST}add/").status_code == 403
    assert curator.get(f"{CHANGELIST}{payout.pk}/delete/").status_code == 403


def test_a_seller_cannot_open_the_payout_admin(alfa_available, alfa_owner, client):
    payout = services.request_payout(alfa_owner, 60000)
    client.force_login(alfa_owner.user)

    response = client.post(f"{CHANGELIST}{payout.pk}/reject/", {"reason": "x"})

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    payout.refresh_from_db()
    assert payout.status == Status.REQUESTED
