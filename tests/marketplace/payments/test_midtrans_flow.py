"""Payments through the real midtransclient against the fake Midtrans, whose
notifications reach the real endpoint on the live server (tasks run eagerly
there, right after the notification's transaction commits)."""

import json
import time
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone
from oscar.core.loading import get_model

from forks.partner.models import StockRecord
from marketplace.fulfilment import services as fulfilment
from marketplace.fulfilment.models import (
    FulfilmentGroup,
    OrderEffect,
    OrderStatus,
    OutboundEmail,
)
from marketplace.payments import services
from marketplace.payments.gateways.base import GatewayRefused, TransactionStatus
from marketplace.payments.gateways.midtrans import MidtransGateway
from marketplace.payments.models import (
    PaymentAttempt,
    PaymentNotification,
    PaymentTransition,
    Refund,
)
from marketplace.payments.tasks import expire_unpaid_orders, reconcile_pending_payments
from tests.concurrency import run_concurrently
from tests.marketplace.payments.helpers import (
    order_of_two_pesantren,
    reload,
    started_payment,
)

pytestmark = pytest.mark.django_db(transaction=True)
Order = get_model("order", "Order")
PaymentEvent = get_model("order", "PaymentEvent")
Status = PaymentAttempt.Status


def stock_of(title):
    record = StockRecord.objects.get(product__title=title)
    return record.num_in_stock, record.num_allocated


def test_the_snap_request_adds_up_with_one_shipping_line_per_pesantren(
    midtrans, settings
):
    attempt = started_payment(order_of_two_pesantren(language="en"))

    body = midtrans.tokens[attempt.provider_order_id].body
    assert body["transaction_details"] == {
        "order_id": attempt.provider_order_id,
        "gross_amount": 175000,
    }
    assert [
        (i["name"], i["price"], i["quantity"], i["merchant_name"])
        for i in body["item_details"]
    ] == [
        ("Kopi Santri", 50000, 2, "Pesantren Alfa"),
        ("Shipping from Pesantren Alfa", 15000, 1, "Pesantren Alfa"),
        ("Madu Hutan", 40000, 1, "Pesantren Beta"),
        ("Shipping from Pesantren Beta", 20000, 1, "Pesantren Beta"),
    ]
    assert body["enabled_payments"] == settings.MARKETPLACE_PAYMENT_CHANNELS
    assert (
        "akulaku" not in body["enabled_payments"]
        and "kredivo" not in body["enabled_payments"]
    )
    assert body["expiry"]["unit"] == "minute"
    assert body["expiry"]["duration"] == settings.MARKETPLACE_PAYMENT_EXPIRY_MINUTES
    assert body["callbacks"] == {"finish": "http://127.0.0.1:8142/payments/finish/"}
    assert body["customer_details"]["shipping_address"]["postal_code"] == "16431"
    assert attempt.status == Status.CREATED
    assert attempt.redirect_url.startswith(f"{midtrans.url}/snap/v4/redirection/")
    assert len(attempt.provider_order_id) <= 50
    assert attempt.amount == Decimal("175000")


def test_virtual_account_payment_pays_the_order_once_with_its_effects(midtrans):
    attempt = started_payment()
    order = attempt.order

    midtrans.choose(attempt.provider_order_id, payment_type="bank_transfer", bank="bca")
    assert reload(attempt).status == Status.PENDING
    assert stock_of("Kopi Santri") == (5, 2)

    midtrans.pay(attempt.provider_order_id)

    attempt, order = reload(attempt), reload(order)
    assert (attempt.status, attempt.payment_type) == (Status.PAID, "bank_transfer")
    assert order.status == OrderStatus.PAID
    assert list(order.fulfilment_groups.values_list("status", flat=True)) == [
        "new",
        "new",
    ]
    assert stock_of("Kopi Santri") == (3, 0)
    assert stock_of("Madu Hutan") == (4, 0)
    assert list(PaymentEvent.objects.values_list("event_type__name", "amount")) == [
        ("Paid", Decimal("175000"))
    ]
    assert sorted(
        OutboundEmail.objects.filter(order=order).values_list("kind", flat=True)
    ) == [
        "order_paid",
        "order_placed",
        "pesantren_new_order",
        "pesantren_new_order",
    ]


def test_qris_payment_settles(midtrans):
    attempt = started_payment()

    midtrans.pay(attempt.provider_order_id, payment_type="qris", acquirer="gopay")

    attempt = reload(attempt)
    assert (attempt.status, attempt.payment_type) == (Status.PAID, "qris")
    assert reload(attempt.order).status == OrderStatus.PAID


def test_a_settlement_delivered_three_more_times_changes_nothing_more(midtrans):
    attempt = started_payment()
    midtrans.pay(attempt.provider_order_id)
    settlement = len(midtrans.outbox) - 1
    emails_before = len(mail.outbox)

    codes = midtrans.resend(settlement, times=3)

    assert codes == [[200], [200], [200]]
    assert PaymentEvent.objects.count() == 1
    assert (
        PaymentNotification.objects.get(transaction_status="settlement").times_received
        == 4
    )
    assert list(
        PaymentTransition.objects.filter(attempt=attempt, is_applied=True).values_list(
            "to_status", flat=True
        )
    ) == ["pending", "paid"]
    assert OrderEffect.objects.filter(key__startswith="paid:").count() == 1
    assert len(mail.outbox) == emails_before
    assert stock_of("Kopi Santri") == (3, 0)


@pytest.fixture
def celery_join_flag_reset():
    """Eager tasks run in the live server's threads here, and Celery's eager
    apply() saves and restores a process-wide "inside a task" flag, so ten
    at once can leave it set; later tests could then not call .get()."""
    yield
    from celery._state import _set_task_join_will_block

    _set_task_join_will_block(False)


def test_a_settlement_replayed_ten_times_at_once_then_ten_more_pays_once(
    midtrans, celery_join_flag_reset
):
    # Given a paid order
    attempt = started_payment()
    midtrans.pay(attempt.provider_order_id)
    settlement = len(midtrans.outbox) - 1
    emails_before = len(mail.outbox)

    # When its settlement arrives ten times at the same moment, then ten more
    at_once = run_concurrently(*[lambda: midtrans.deliver(settlement)] * 10)
    in_turn = midtrans.resend(settlement, times=10)

    # Then every delivery is answered 200 and the payment counts once
    assert at_once == in_turn == [[200]] * 10
    assert (
        PaymentNotification.objects.get(transaction_status="settlement").times_received
        == 21
    )
    assert list(
        PaymentTransition.objects.filter(attempt=attempt, is_applied=True).values_list(
            "to_status", flat=True
        )
    ) == ["pending", "paid"]
    assert PaymentEvent.objects.count() == 1
    assert OrderEffect.objects.filter(key__startswith="paid:").count() == 1
    assert len(mail.outbox) == emails_before
    assert stock_of("Kopi Santri") == (3, 0)


def test_settlement_before_pending_ends_paid_and_ignores_the_late_pending(midtrans):
    attempt = started_payment()
    midtrans.hold()
    midtrans.choose(attempt.provider_order_id)
    midtrans.pay(attempt.provider_order_id)

    codes = midtrans.release(order="reverse")

    assert codes == [[200], [200]]
    attempt = reload(attempt)
    assert attempt.status == Status.PAID
    assert reload(attempt.order).status == OrderStatus.PAID
    assert list(attempt.transitions.values_list("to_status", "is_applied")) == [
        ("paid", True),
        ("paid", False),
    ]


@pytest.mark.parametrize(
    "tampering",
    [
        {"signature": "wrong_key"},
        {"signature": "stale"},
        {"signature": "missing"},
        {"signature": "garbage"},
        {"signature": "valid", "gross_amount_format": "int", "resign": False},
    ],
    ids=["wrong-key", "altered-amount", "missing", "garbage", "int-amount"],
)
def test_forged_or_altered_notifications_are_recorded_refused_and_change_nothing(
    midtrans, tampering
):
    attempt = started_payment()
    midtrans.choose(attempt.provider_order_id)
    status_calls = midtrans.count_requests("status")
    options = dict(tampering)
    if options.pop("resign", True) is False:
        # Reformat the amount after signing: the receiver must not normalise it.
        transaction = midtrans.transactions[attempt.provider_order_id]
        body = midtrans.notification_body(transaction)
        body.update(
            transaction_status="settlement",
            gross_amount=body["gross_amount"].split(".")[0],
        )
        midtrans.outbox.append(
            {
                "order_id": attempt.provider_order_id,
                "urls": transaction.notify_urls,
                "payload": json.dumps(body),
            }
        )
        codes = midtrans.deliver(len(midtrans.outbox) - 1)
    else:
        codes = midtrans.inject(
            attempt.provider_order_id,
            body_overrides={"transaction_status": "settlement"},
            **options,
        )

    assert codes == [403]
    refused = PaymentNotification.objects.filter(is_signature_valid=False)
    assert list(refused.values_list("provider_order_id", "outcome")) == [
        (attempt.provider_order_id, "rejected")
    ]
    assert reload(attempt).status == Status.PENDING
    assert reload(attempt.order).status == OrderStatus.PENDING_PAYMENT
    assert midtrans.count_requests("status") == status_calls


def test_a_signed_notification_is_checked_against_the_status_api(midtrans):
    # Given a genuine-looking "settlement" while Midtrans still says pending
    attempt = started_payment()
    midtrans.choose(attempt.provider_order_id)

    codes = midtrans.inject(
        attempt.provider_order_id, body_overrides={"transaction_status": "settlement"}
    )

    # Then the status API wins
    assert codes == [200]
    assert reload(attempt).status == Status.PENDING
    assert reload(attempt.order).status == OrderStatus.PENDING_PAYMENT


def test_an_expired_virtual_account_cancels_the_order_and_releases_its_stock(midtrans):
    attempt = started_payment()
    midtrans.choose(attempt.provider_order_id)

    expired = midtrans.advance_clock(24 * 3600 + 60)

    assert expired == [attempt.provider_order_id]
    assert reload(attempt).status == Status.EXPIRED
    order = reload(attempt.order)
    assert order.status == OrderStatus.CANCELLED
    assert list(order.fulfilment_groups.values_list("status", flat=True)) == [
        "cancelled",
        "cancelled",
    ]
    assert stock_of("Kopi Santri") == (5, 0)
    assert stock_of("Madu Hutan") == (5, 0)


def test_an_order_whose_payment_page_was_left_expires_without_any_notification(
    midtrans, settings
):
    attempt = started_payment()
    order = attempt.order
    Order.objects.filter(pk=order.pk).update(
        date_placed=timezone.now()
        - timedelta(minutes=settings.MARKETPLACE_PAYMENT_EXPIRY_MINUTES + 1)
    )

    assert expire_unpaid_orders.delay().get() == 1

    assert reload(attempt).status == Status.EXPIRED
    assert reload(order).status == OrderStatus.CANCELLED
    assert stock_of("Kopi Santri") == (5, 0)
    assert midtrans.deliveries == []


def test_expiring_cancels_a_virtual_account_still_open_at_midtrans(midtrans, settings):
    attempt = started_payment()
    midtrans.choose(attempt.provider_order_id)
    Order.objects.filter(pk=attempt.order_id).update(
        date_placed=timezone.now()
        - timedelta(minutes=settings.MARKETPLACE_PAYMENT_EXPIRY_MINUTES + 1)
    )

    expire_unpaid_orders.delay().get()

    assert (
        midtrans.transactions[attempt.provider_order_id].transaction_status == "cancel"
    )
    assert reload(attempt).status == Status.FAILED
    assert reload(attempt.order).status == OrderStatus.CANCELLED
    assert stock_of("Madu Hutan") == (5, 0)


def test_a_challenged_card_payment_is_held_then_paid_when_approved(midtrans):
    attempt = started_payment()
    midtrans.pay(
        attempt.provider_order_id, payment_type="credit_card", fraud_status="challenge"
    )

    assert reload(attempt).status == Status.REVIEW
    assert reload(attempt.order).status == OrderStatus.PAYMENT_REVIEW
    assert stock_of("Kopi Santri") == (5, 2)

    midtrans.review(attempt.provider_order_id, approve=True)

    assert reload(attempt).status == Status.PAID
    assert reload(attempt.order).status == OrderStatus.PAID
    assert stock_of("Kopi Santri") == (3, 0)


def test_a_challenged_card_payment_that_is_denied_cancels_the_order(midtrans):
    attempt = started_payment()
    midtrans.pay(
        attempt.provider_order_id, payment_type="credit_card", fraud_status="challenge"
    )

    midtrans.review(attempt.provider_order_id, approve=False)

    assert reload(attempt).status == Status.FAILED
    assert reload(attempt.order).status == OrderStatus.CANCELLED
    assert stock_of("Kopi Santri") == (5, 0)


def test_a_reversal_after_settlement_blocks_fulfilment(midtrans):
    attempt = started_payment()
    midtrans.pay(attempt.provider_order_id, payment_type="echannel")
    group = FulfilmentGroup.objects.filter(order=attempt.order).first()

    midtrans.transition(attempt.provider_order_id, "deny")

    assert reload(attempt).status == Status.REVERSED
    assert reload(attempt.order).status == OrderStatus.PAYMENT_REVERSED
    with pytest.raises(fulfilment.FulfilmentError):
        fulfilment.ship_part(group.pesantren, group.pk, None, "JNE", "JNE123")
    assert reload(group).status == FulfilmentGroup.Status.NEW


def test_cancelling_a_part_paid_by_qris_refunds_it_through_midtrans(midtrans):
    attempt = started_payment()
    midtrans.pay(attempt.provider_order_id, payment_type="qris")
    group = FulfilmentGroup.objects.get(
        order=attempt.order, pesantren__name="Pesantren Beta"
    )

    fulfilment.cancel_part(group.pesantren, group.pk, None, "Stok madu habis")

    refund = Refund.objects.get()
    assert (refund.amount, refund.status, refund.group_id) == (
        Decimal("60000"),
        Refund.Status.CONFIRMED,
        group.pk,
    )
    transaction = midtrans.transactions[attempt.provider_order_id]
    assert [(r["refund_key"], r["amount"]) for r in transaction.refunds] == [
        (refund.refund_key, 60000)
    ]
    attempt = reload(attempt)
    assert (attempt.status, attempt.refunded_amount) == (
        Status.PARTIALLY_REFUNDED,
        Decimal("60000"),
    )
    assert stock_of("Madu Hutan") == (5, 0)
    assert reload(attempt.order).status == OrderStatus.PAID


def test_cancelling_a_part_paid_by_virtual_account_leaves_a_manual_refund(midtrans):
    attempt = started_payment()
    midtrans.pay(attempt.provider_order_id, payment_type="bank_transfer")
    group = FulfilmentGroup.objects.get(
        order=attempt.order, pesantren__name="Pesantren Alfa"
    )

    fulfilment.cancel_part(group.pesantren, group.pk, None, "Kopi habis")

    assert list(Refund.objects.values_list("amount", "status")) == [
        (Decimal("115000"), Refund.Status.MANUAL)
    ]
    assert midtrans.count_requests("refund") == 0
    assert reload(attempt).status == Status.PAID


def test_midtrans_answering_502_leaves_the_order_waiting_and_a_retry_works(midtrans):
    order = order_of_two_pesantren()
    midtrans.add_fault("snap", "http502_html")

    failed = services.start_payment(order, "http://127.0.0.1:8142/payments/finish/")

    assert failed.status == Status.START_FAILED
    assert failed.error_message == "Midtrans answered with a page that is not JSON"
    assert (failed.token, failed.redirect_url) == ("", "")
    assert reload(order).status == OrderStatus.PENDING_PAYMENT
    assert stock_of("Kopi Santri") == (5, 2)

    retried = services.start_payment(order, "http://127.0.0.1:8142/payments/finish/")

    assert (retried.sequence, retried.status) == (2, Status.CREATED)
    assert retried.provider_order_id != failed.provider_order_id
    assert list(midtrans.tokens) == [retried.provider_order_id]


def test_midtrans_hanging_times_out_instead_of_blocking(midtrans, settings):
    order = order_of_two_pesantren()
    midtrans.add_fault("snap", "sleep:4")
    started = time.monotonic()

    failed = services.start_payment(order, "http://127.0.0.1:8142/payments/finish/")

    assert time.monotonic() - started < settings.MIDTRANS_TIMEOUT[1] + 1.5
    assert failed.status == Status.START_FAILED
    assert failed.error_message == "Midtrans unreachable: ReadTimeout"
    assert reload(order).status == OrderStatus.PENDING_PAYMENT


def test_a_status_api_error_is_logged_with_the_order_and_healed_later(
    midtrans, settings, caplog
):
    # Given a pending payment whose settlement cannot be confirmed at first
    attempt = started_payment()
    midtrans.choose(attempt.provider_order_id)
    midtrans.add_fault("status", "http500_json")

    midtrans.pay(attempt.provider_order_id)

    # Then nothing is applied, the failure names the order, the delivery was taken
    assert reload(attempt).status == Status.PENDING
    assert (
        f"{attempt.order.number}: marketplace.payments.tasks.process_payment_notification failed"
        in caplog.text
    )
    assert (
        PaymentNotification.objects.get(transaction_status="settlement").outcome
        == "queued"
    )

    # And the reconciliation job applies it once the status API answers again
    PaymentAttempt.objects.filter(pk=attempt.pk).update(
        date_created=timezone.now()
        - timedelta(minutes=settings.MARKETPLACE_PAYMENT_RECONCILE_AFTER_MINUTES + 1),
        date_checked=None,
    )
    reconcile_pending_payments.delay().get()
    assert reload(attempt).status == Status.PAID


def test_a_lost_notification_heals_by_reconciliation(midtrans, settings):
    attempt = started_payment()
    midtrans.hold()
    midtrans.pay(attempt.provider_order_id)
    assert reload(attempt).status == Status.CREATED
    PaymentAttempt.objects.filter(pk=attempt.pk).update(
        date_created=timezone.now()
        - timedelta(minutes=settings.MARKETPLACE_PAYMENT_RECONCILE_AFTER_MINUTES + 1)
    )

    assert reconcile_pending_payments.delay().get() == 1

    assert reload(attempt).status == Status.PAID
    assert reload(attempt.order).status == OrderStatus.PAID


def test_a_paid_amount_that_differs_from_the_order_is_held_for_review(midtrans):
    attempt = started_payment()

    midtrans.pay(attempt.provider_order_id, amount_override=1000)

    attempt = reload(attempt)
    assert attempt.status == Status.REVIEW
    assert attempt.transitions.last().note == "paid 1000.00, expected 175000.00"
    assert reload(attempt.order).status == OrderStatus.PAYMENT_REVIEW


def test_a_payment_arriving_after_the_order_was_cancelled_is_flagged_for_refund(
    midtrans,
):
    # Given an order cancelled here while its virtual account stayed open
    attempt = started_payment()
    midtrans.choose(attempt.provider_order_id)
    expired = TransactionStatus(
        order_id=attempt.provider_order_id, transaction_status="expire"
    )
    services.apply_status(attempt.pk, expired, PaymentTransition.Source.EXPIRY)
    assert reload(attempt.order).status == OrderStatus.CANCELLED

    # When the buyer pays it anyway
    midtrans.pay(attempt.provider_order_id)

    # Then the money is recorded and flagged to go back; the order stays cancelled
    attempt = reload(attempt)
    assert (attempt.status, attempt.requires_refund) == (Status.PAID, True)
    assert reload(attempt.order).status == OrderStatus.CANCELLED
    assert PaymentEvent.objects.count() == 0


def snap_body(order_id, gross_amount=10000, items=((10000, 1),)):
    return {
        "transaction_details": {"order_id": order_id, "gross_amount": gross_amount},
        "item_details": [
            {"id": f"item-{i}", "price": price, "quantity": quantity, "name": "Kopi"}
            for i, (price, quantity) in enumerate(items)
        ],
    }


def test_snap_refusals_come_back_with_midtrans_words(midtrans, settings):
    gateway = MidtransGateway()

    with pytest.raises(GatewayRefused) as mismatch:
        gateway.start(None, snap_body("KSN-T-1", gross_amount=9000))
    settings.MIDTRANS_SERVER_KEY = "SB-Mid-server-wrong"
    with pytest.raises(GatewayRefused) as unauthorized:
        gateway.start(None, snap_body("KSN-T-2"))

    assert (str(mismatch.value), mismatch.value.status_code) == (
        "transaction_details.gross_amount is not equal to the sum of item_details",
        400,
    )
    assert unauthorized.value.status_code == 401
    assert midtrans.tokens == {}


@pytest.mark.parametrize("policy", ["after_payment_attempt", "strict"])
def test_an_order_id_is_taken_once_a_payment_exists_or_at_once_when_strict(midtrans, policy):
    midtrans.configure(duplicate_policy=policy)
    gateway = MidtransGateway()
    gateway.start(None, snap_body("KSN-T-3"))

    if policy == "strict":
        with pytest.raises(GatewayRefused) as taken:
            gateway.start(None, snap_body("KSN-T-3"))
    else:
        gateway.start(None, snap_body("KSN-T-3"))
        midtrans.choose("KSN-T-3", notify=False)
        with pytest.raises(GatewayRefused) as taken:
            gateway.start(None, snap_body("KSN-T-3"))

    assert str(taken.value) == "transaction_details.order_id has already been taken"
