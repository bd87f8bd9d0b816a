"""Complaint decisions attacked: sequences of refunds, a chargeback under an
open complaint, forged amounts; the money invariants hold after each."""

import pytest
from django.db import transaction

from marketplace.akad.models import AkadRecord
from marketplace.complaints import services
from marketplace.complaints.models import Complaint
from marketplace.fulfilment.models import OrderStatus
from marketplace.fulfilment.services import (
    confirm_received,
    mark_payment_reversed,
    ship_part,
)
from marketplace.ledger import services as ledger
from marketplace.ledger.selectors import balance_of_pesantren
from marketplace.payments.models import PaymentAttempt, Refund
from tests.adversarial.conftest import assert_money_invariants
from tests.concurrency import run_concurrently

pytestmark = pytest.mark.django_db
Decision = Complaint.Decision


def complain(shop, part=None):
    part = part or shop.alfa_part
    return services.open_complaint(
        shop.order, part.pk, user=shop.buyer, reason="damaged", description="Pecah."
    )


def akad_state(shop):
    return sorted(AkadRecord.objects.values_list("group_id", "digest", "summary"))


def test_partial_then_full_refund_after_release_never_gives_back_more_than_paid(
    shop,
):
    akad_before = akad_state(shop)
    fee_before = shop.alfa_part.platform_fee
    ship_part(shop.alfa, shop.alfa_part.pk, None, "JNE", "JNE0001")
    confirm_received(shop.order, shop.alfa_part.pk, None)
    first = complain(shop)
    services.resolve_complaint(
        first.pk, Decision.PARTIAL_REFUND, actor=None, note="Sebagian.", amount=33333
    )
    second = complain(shop)
    services.resolve_complaint(
        second.pk, Decision.FULL_REFUND, actor=None, note="Semua."
    )

    shop.alfa_part.refresh_from_db()
    assert ledger.refunded_so_far(shop.alfa_part).amount == 115000
    assert ledger.refundable_amount(shop.alfa_part) == 0
    assert sorted(Refund.objects.values_list("amount", flat=True)) == [33333, 81667]
    # Every rupiah of the pesantren's share went back; the fee went back too.
    balance = balance_of_pesantren(shop.alfa)
    assert (balance.held, balance.available) == (0, 0)
    assert ledger.refunded_so_far(shop.alfa_part).fee == 10000
    assert shop.alfa_part.platform_fee == fee_before == 10000
    assert akad_state(shop) == akad_before
    assert_money_invariants(shop.alfa_part, shop.beta_part)
    # Nothing left: a third complaint is refused.
    with pytest.raises(services.ComplaintRefused):
        complain(shop)


@pytest.mark.parametrize("amount", [0, -1, 115001, 10**12, 1.5, "5000"])
def test_a_forged_partial_amount_moves_no_money(shop, amount):
    ship_part(shop.alfa, shop.alfa_part.pk, None, "JNE", "JNE0001")
    complaint = complain(shop)
    with pytest.raises(services.ComplaintRefused):
        services.resolve_complaint(
            complaint.pk, Decision.PARTIAL_REFUND, actor=None, note="x", amount=amount
        )
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.OPEN
    assert Refund.objects.count() == 0
    assert not ledger.is_released(shop.alfa_part)
    assert balance_of_pesantren(shop.alfa).held == 105000
    assert_money_invariants(shop.alfa_part)


def reverse_payment(shop):
    """A chargeback of the settled payment (Midtrans "deny" after settlement)."""
    with transaction.atomic():
        order = type(shop.order).objects.select_for_update().get(pk=shop.order.pk)
        attempt = PaymentAttempt.objects.select_for_update().get(pk=shop.attempt.pk)
        attempt.status = PaymentAttempt.Status.REVERSED
        attempt.save(update_fields=["status"])
        mark_payment_reversed(order, attempt)
    shop.order.refresh_from_db()
    assert shop.order.status == OrderStatus.PAYMENT_REVERSED


def test_a_partial_refund_after_a_chargeback_releases_nothing_to_the_pesantren(shop):
    ship_part(shop.alfa, shop.alfa_part.pk, None, "JNE", "JNE0001")
    complaint = complain(shop)
    reverse_payment(shop)

    with pytest.raises(services.ComplaintRefused):
        services.resolve_complaint(
            complaint.pk, Decision.PARTIAL_REFUND, actor=None, note="x", amount=20000
        )
    # The payment is reversed: the money stays held for the operators, as
    # release_part keeps it (ledger.services.release_part).
    balance = balance_of_pesantren(shop.alfa)
    assert balance.available == 0
    assert balance.held == 105000


def test_a_release_after_a_chargeback_is_refused_not_recorded_as_released(shop):
    ship_part(shop.alfa, shop.alfa_part.pk, None, "JNE", "JNE0001")
    complaint = complain(shop)
    reverse_payment(shop)
    for decision in (Decision.RELEASE, Decision.FULL_REFUND):
        with pytest.raises(services.ComplaintRefused):
            services.resolve_complaint(complaint.pk, decision, actor=None, note="x")
    assert Refund.objects.count() == 0
    complaint.refresh_from_db()
    assert balance_of_pesantren(shop.alfa).held == 105000
    assert complaint.status == Complaint.Status.OPEN


@pytest.mark.django_db(transaction=True)
def test_a_full_and_a_partial_decision_at_once_refund_once(shop):
    ship_part(shop.alfa, shop.alfa_part.pk, None, "JNE", "JNE0001")
    complaint = complain(shop)

    def full():
        return services.resolve_complaint(
            complaint.pk, Decision.FULL_REFUND, actor=None, note="Semua."
        )

    def partial():
        return services.resolve_complaint(
            complaint.pk, Decision.PARTIAL_REFUND, actor=None, note="x", amount=20000
        )

    results = run_concurrently(full, partial, full)
    assert not any(isinstance(r, BaseException) for r in results), results
    decided = Complaint.objects.get()
    assert list(Refund.objects.values_list("amount", flat=True)) == [
        decided.refund_amount
    ]
    assert_money_invariants(shop.alfa_part, shop.beta_part)


def test_release_then_late_refund_with_payout_requested_keeps_balances_non_negative(
    shop,
):
    from marketplace.payouts import services as payouts
    from pesantren.models import Pesantren

    Pesantren.objects.filter(pk=shop.alfa.pk).update(
        bank_name="bsi", bank_account_number="7123456789", bank_account_holder="Alfa"
    )
    shop.alfa.refresh_from_db()
    ship_part(shop.alfa, shop.alfa_part.pk, None, "JNE", "JNE0001")
    confirm_received(shop.order, shop.alfa_part.pk, None)
    owner = shop.alfa_owner.memberships.get()
    payout = payouts.request_payout(owner, 105000)
    payouts.export_batch([payout.pk], None)
    complaint = complain(shop)
    services.resolve_complaint(complaint.pk, Decision.FULL_REFUND, actor=None, note="x")
    # The money is gone back to the buyer: paying the exported request is refused.
    with pytest.raises(payouts.PayoutError):
        payouts.mark_paid(payout.pk, "BSI-REF-1", None)
    assert_money_invariants(shop.alfa_part)
    balance = balance_of_pesantren(shop.alfa)
    assert balance.available == 0
    assert balance.clawback_owed == 0


def test_a_fee_changed_after_placement_is_not_the_one_posted_or_refunded(db, settings):
    """The ujrah of the akad is posted at payment and refunded in proportion,
    whatever the category rule says by then."""
    from decimal import Decimal

    from marketplace.compliance.models import CategoryRule
    from tests.factories import (
        PesantrenFactory,
        give_flat_rate,
        make_basket,
        make_category,
        make_product,
        pay_order,
        place_order,
    )

    settings.MARKETPLACE_PLATFORM_FEE_PERCENT = "0"
    category = make_category("Kopi", "kopi")
    rule = CategoryRule.objects.create(
        category=category, platform_fee_percent=Decimal(5)
    )
    alfa = PesantrenFactory()
    give_flat_rate(alfa, 10000)
    kopi = make_product(alfa, price=Decimal(100000), categories=[category])
    order = place_order(make_basket((kopi, 1))).order
    part = order.fulfilment_groups.get()
    assert part.platform_fee == 5000
    akad = AkadRecord.objects.get(group=part)
    digest = akad.digest

    rule.platform_fee_percent = Decimal(20)
    rule.save()
    pay_order(order)

    part.refresh_from_db()
    assert part.platform_fee == 5000
    share = ledger.paid_share(part)
    assert (share.total, share.fee, share.net) == (110000, 5000, 105000)
    assert AkadRecord.objects.get(group=part).digest == digest
    assert AkadRecord.objects.get(group=part).is_intact
    assert_money_invariants(part)


def test_a_part_never_confirmed_cannot_be_complained_about_months_later(
    shop, clock, settings
):
    ship_part(shop.alfa, shop.alfa_part.pk, None, "JNE", "JNE0001")
    clock.advance(days=settings.MARKETPLACE_AUTO_RELEASE_DAYS + 1)
    assert ledger.release_due_parts() == 1
    clock.advance(days=180)
    shop.alfa_part.refresh_from_db()
    assert services.complaint_refusal(shop.alfa_part) is not None
