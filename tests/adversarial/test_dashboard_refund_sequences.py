"""Refunds made in the Midtrans dashboard, attributed in admin, and the
sequences around them (complaints, releases, payouts, chargebacks): the
ledger balances, no balance goes below zero, the buyer never gets back more
than a part brought in, and no money stays held without a way to move it."""

import pytest
from django.db.models import Sum

from marketplace import roles
from marketplace.complaints import services as complaints
from marketplace.complaints.models import Complaint
from marketplace.fulfilment.services import confirm_received, ship_part
from marketplace.ledger.selectors import balance_of_pesantren
from marketplace.payments.models import PaymentTransition, Refund
from marketplace.payments.refunds import attribute_gateway_refund, unaccounted_refund
from marketplace.payments.services import apply_status
from marketplace.payouts.selectors import requestable_amount
from tests.adversarial.conftest import assert_money_invariants
from tests.adversarial.test_gateway_notifications import dashboard_refund, status
from tests.concurrency import run_concurrently
from tests.factories import UserFactory

Decision = Complaint.Decision


def attribute_url(refund):
    return f"/admin/marketplace/refund/{refund.pk}/attribute/"


def gateway_refund():
    return Refund.objects.get(group__isnull=True)


@pytest.mark.django_db
def test_a_dashboard_refund_larger_than_the_part_chosen_can_still_be_placed_whole(
    shop,
):
    ship_part(shop.beta, shop.beta_part.pk, None, "JNE", "JNE0002")
    # Rp70.000 back in the dashboard: Beta's whole part (Rp60.000) and
    # Rp10.000 of Alfa's.
    dashboard_refund(shop, 70000)
    refund = gateway_refund()

    assert attribute_gateway_refund(refund, shop.beta_part) == 60000
    # The admin now places the remaining Rp10.000 on Alfa's part.
    refund.refresh_from_db()
    try:
        attribute_gateway_refund(refund, shop.alfa_part)
    except ValueError:
        pass

    assert unaccounted_refund(shop.order) == 0
    assert_money_invariants(shop.alfa_part, shop.beta_part)


@pytest.mark.django_db
def test_admin_kesan_staff_can_attribute_a_dashboard_refund(shop, client):
    # Fixed: the group had neither view_refund nor change_refund, so only a
    # superuser could release an order (and its complaints) a dashboard
    # refund holds.
    staff = UserFactory(email="staf@kesan.test", is_staff=True)
    staff.groups.add(roles.sync_admin_group())
    dashboard_refund(shop, 15000)
    refund = gateway_refund()
    client.force_login(staff)

    listed = client.get("/admin/marketplace/refund/")
    edit = client.post(f"/admin/marketplace/refund/{refund.pk}/change/", {"amount": 1})
    response = client.post(attribute_url(refund), {"group": shop.alfa_part.pk})

    assert listed.status_code == 200
    assert attribute_url(refund).encode() in listed.content
    assert edit.status_code == 403  # refunds stay read-only

    assert response.status_code == 302
    assert unaccounted_refund(shop.order) == 0


@pytest.mark.django_db
def test_a_seller_and_staff_without_the_group_cannot_attribute(shop, client):
    dashboard_refund(shop, 15000)
    refund = gateway_refund()
    plain_staff = UserFactory(email="staf2@kesan.test", is_staff=True)

    client.force_login(shop.alfa_owner)
    as_seller = client.post(attribute_url(refund), {"group": shop.beta_part.pk})
    client.force_login(plain_staff)
    as_plain_staff = client.post(attribute_url(refund), {"group": shop.beta_part.pk})

    assert as_seller.status_code == 302  # to the admin's sign-in
    assert "/admin/login/" in as_seller["Location"]
    assert as_plain_staff.status_code == 403
    refund.refresh_from_db()
    assert refund.group_id is None
    assert unaccounted_refund(shop.order) == 15000


@pytest.mark.django_db
def test_a_part_of_another_order_is_refused(shop, admin_client):
    from decimal import Decimal

    from tests.factories import make_basket, make_product, pay_order, place_order

    dashboard_refund(shop, 15000)
    refund = gateway_refund()
    # A second paid order of the same buyer and pesantren.
    teh = make_product(shop.alfa, price=Decimal(30000), title="Teh")
    other_order = place_order(make_basket((teh, 1)), user=shop.buyer).order
    pay_order(other_order)
    other_part = other_order.fulfilment_groups.get()

    page = admin_client.post(attribute_url(refund), {"group": other_part.pk})
    with pytest.raises(ValueError):
        attribute_gateway_refund(refund, other_part)

    assert page.status_code == 200
    refund.refresh_from_db()
    assert refund.group_id is None
    assert unaccounted_refund(shop.order) == 15000
    assert_money_invariants(shop.alfa_part, shop.beta_part, other_part)


@pytest.mark.django_db(transaction=True)
def test_attributing_twice_at_once_posts_once(shop):
    dashboard_refund(shop, 15000)
    refund = gateway_refund()

    results = run_concurrently(
        lambda: attribute_gateway_refund(refund, shop.alfa_part),
        lambda: attribute_gateway_refund(refund, shop.beta_part),
    )

    posted = [r for r in results if not isinstance(r, BaseException)]
    assert posted == [15000], results
    assert unaccounted_refund(shop.order) == 0
    in_refunds = shop.order.ledger_transactions.filter(
        entries__account__kind="refunds"
    ).aggregate(t=Sum("entries__amount"))["t"]
    assert in_refunds == 15000
    assert_money_invariants(shop.alfa_part, shop.beta_part)


@pytest.mark.django_db
def test_complaint_then_dashboard_refund_then_decision_refunds_the_part_once(shop):
    ship_part(shop.alfa, shop.alfa_part.pk, None, "JNE", "JNE0001")
    complaint = complaints.open_complaint(
        shop.order,
        shop.alfa_part.pk,
        user=shop.buyer,
        reason="damaged",
        description="x",
    )
    # The operator refunds Rp15.000 of it in the dashboard meanwhile.
    dashboard_refund(shop, 15000)
    # Refused until the dashboard refund is placed on a part.
    with pytest.raises(complaints.ComplaintRefused):
        complaints.resolve_complaint(
            complaint.pk, Decision.FULL_REFUND, actor=None, note="x"
        )
    attribute_gateway_refund(gateway_refund(), shop.alfa_part)
    complaints.resolve_complaint(
        complaint.pk, Decision.FULL_REFUND, actor=None, note="x"
    )

    ours = Refund.objects.filter(group=shop.alfa_part).aggregate(t=Sum("amount"))["t"]
    assert ours == 115000
    assert unaccounted_refund(shop.order) == 0
    assert_money_invariants(shop.alfa_part, shop.beta_part)


@pytest.mark.django_db
def test_refund_after_release_with_a_payout_requested_then_paid(shop, settings):
    from marketplace.payouts import services as payouts
    from pesantren.models import Pesantren

    Pesantren.objects.filter(pk=shop.alfa.pk).update(
        bank_name="bsi", bank_account_number="7123456789", bank_account_holder="Alfa"
    )
    shop.alfa.refresh_from_db()
    membership = shop.alfa_owner.memberships.get()
    ship_part(shop.alfa, shop.alfa_part.pk, None, "JNE", "JNE0001")
    confirm_received(shop.order, shop.alfa_part.pk, None)
    payout = payouts.request_payout(membership, 105000)
    payouts.export_batch([payout.pk], None)
    dashboard_refund(shop, 40000)
    attribute_gateway_refund(gateway_refund(), shop.alfa_part)

    with pytest.raises(payouts.PayoutError):
        payouts.mark_paid(payout.pk, "TRF-1", None)

    assert_money_invariants(shop.alfa_part, shop.beta_part)
    assert balance_of_pesantren(shop.alfa).available >= 0


@pytest.mark.django_db
def test_a_chargeback_after_release_stops_the_payout_of_that_money(shop):
    for part in (shop.alfa_part, shop.beta_part):
        ship_part(part.pesantren, part.pk, None, "JNE", f"JNE{part.pk}")
        confirm_received(shop.order, part.pk, None)
    assert requestable_amount(shop.alfa) == 105000

    apply_status(
        shop.attempt.pk,
        status(shop, "chargeback"),
        PaymentTransition.Source.NOTIFICATION,
    )

    shop.order.refresh_from_db()
    assert shop.order.status == "payment_reversed"
    assert requestable_amount(shop.alfa) == 0


@pytest.mark.django_db
def test_a_part_cancelled_after_a_partial_dashboard_refund_is_not_refunded_twice(shop):
    from marketplace.fulfilment.services import FulfilmentError, cancel_part

    # Rp15.000 of Beta's part refunded in the dashboard (its shipping).
    dashboard_refund(shop, 15000)
    try:
        cancel_part(shop.beta, shop.beta_part.pk, None, "Stok habis")
    except FulfilmentError:
        pass
    else:
        # Midtrans confirms KESAN's refund of the part: Rp75.000 back in all.
        ours = Refund.objects.get(group=shop.beta_part)
        apply_status(
            shop.attempt.pk,
            status(
                shop,
                "partial_refund",
                refund_amount="75000",
                refunds=(
                    {"refund_amount": "15000", "refund_chargeback_id": 9},
                    {
                        "refund_key": ours.refund_key,
                        "refund_amount": "60000",
                        "refund_chargeback_id": 10,
                    },
                ),
            ),
            PaymentTransition.Source.NOTIFICATION,
        )
    try:
        attribute_gateway_refund(gateway_refund(), shop.beta_part)
    except ValueError:
        pass

    beta_rows = Refund.objects.filter(group=shop.beta_part).aggregate(t=Sum("amount"))
    assert (beta_rows["t"] or 0) <= 60000
    assert unaccounted_refund(shop.order) == 0
    assert_money_invariants(shop.alfa_part, shop.beta_part)


@pytest.mark.django_db
def test_auto_release_a_second_after_a_complaint_keeps_the_money_held(
    shop, clock, settings
):
    from marketplace.ledger.services import release_due_parts

    ship_part(shop.alfa, shop.alfa_part.pk, None, "JNE", "JNE0001")
    clock.advance(days=settings.MARKETPLACE_AUTO_RELEASE_DAYS, seconds=-1)
    complaints.open_complaint(
        shop.order,
        shop.alfa_part.pk,
        user=shop.buyer,
        reason="damaged",
        description="x",
    )
    clock.advance(seconds=2)

    assert release_due_parts(clock.now) == 0
    assert balance_of_pesantren(shop.alfa).available == 0
    assert balance_of_pesantren(shop.alfa).held == 105000
    # Nothing is held forever: the decision moves it.
    complaint = Complaint.objects.get()
    complaints.resolve_complaint(complaint.pk, Decision.RELEASE, actor=None, note="ok")
    assert balance_of_pesantren(shop.alfa).available == 105000
    assert_money_invariants(shop.alfa_part, shop.beta_part)


@pytest.mark.django_db
def test_money_held_by_a_chargeback_can_be_moved_once_the_gateway_refunds_it(shop):
    ship_part(shop.alfa, shop.alfa_part.pk, None, "JNE", "JNE0001")
    apply_status(
        shop.attempt.pk,
        status(shop, "chargeback"),
        PaymentTransition.Source.NOTIFICATION,
    )
    # The dispute is lost: Midtrans reports the whole payment refunded.
    dashboard_refund(shop)

    assert balance_of_pesantren(shop.alfa).held == 0
    assert balance_of_pesantren(shop.beta).held == 0
    assert_money_invariants(shop.alfa_part, shop.beta_part)


@pytest.mark.django_db
def test_a_manual_refund_does_not_mask_a_later_dashboard_refund(settings, private_root):
    from marketplace.fulfilment.services import cancel_part
    from tests.marketplace.complaints.conftest import Shop

    settings.MARKETPLACE_PLATFORM_FEE_PERCENT = "10"
    settings.MARKETPLACE_KHIYAR_DAYS = 3
    shop = Shop(payment_type="qris")
    # Beta cancels; Midtrans refuses the refund, an operator transfers it.
    cancel_part(shop.beta, shop.beta_part.pk, None, "Stok habis")
    Refund.objects.filter(group=shop.beta_part).update(status=Refund.Status.MANUAL)
    # Later Rp15.000 of Alfa's part is refunded in the dashboard.
    dashboard_refund(shop, 15000)
    ship_part(shop.alfa, shop.alfa_part.pk, None, "JNE", "JNE0001")
    confirm_received(shop.order, shop.alfa_part.pk, None)

    assert unaccounted_refund(shop.order) == 15000
    assert balance_of_pesantren(shop.alfa).available == 0


@pytest.mark.django_db
def test_a_chargeback_after_one_part_was_released_stops_its_payout(shop):
    ship_part(shop.alfa, shop.alfa_part.pk, None, "JNE", "JNE0001")
    confirm_received(shop.order, shop.alfa_part.pk, None)
    assert requestable_amount(shop.alfa) == 105000

    apply_status(
        shop.attempt.pk,
        status(shop, "chargeback"),
        PaymentTransition.Source.NOTIFICATION,
    )

    shop.order.refresh_from_db()
    assert shop.order.status == "payment_reversed"
    assert requestable_amount(shop.alfa) == 0


def test_an_attributed_refund_before_receipt_keeps_the_rest_held_until_receipt(shop):
    ship_part(shop.alfa, shop.alfa_part.pk, None, "JNE", "JNE0001")
    dashboard_refund(shop, 15000)

    assert attribute_gateway_refund(gateway_refund(), shop.alfa_part) == 15000

    # Fee back 10.000 × 15.000 / 115.000 = 1.304; the pesantren bears 13.696
    # of its 105.000 and the rest waits for the goods to arrive.
    assert balance_of_pesantren(shop.alfa).held == 91304
    assert balance_of_pesantren(shop.alfa).available == 0
    confirm_received(shop.order, shop.alfa_part.pk, shop.buyer)
    assert balance_of_pesantren(shop.alfa).held == 0
    assert balance_of_pesantren(shop.alfa).available == 91304
    assert_money_invariants(shop.alfa_part, shop.beta_part)
