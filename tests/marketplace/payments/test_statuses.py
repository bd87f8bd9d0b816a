"""The attempt state machine: what each Midtrans status asks for, and which
moves are forward."""

import pytest

from marketplace.payments.gateways.base import TransactionStatus
from marketplace.payments.models import PaymentAttempt
from marketplace.payments.statuses import target_status

Status = PaymentAttempt.Status


def attempt_in(status, provider_status=""):
    return PaymentAttempt(status=status, provider_status=provider_status)


@pytest.mark.parametrize(
    ("current", "transaction_status", "fraud", "expected"),
    [
        (Status.CREATED, "pending", "", Status.PENDING),
        (Status.PENDING, "settlement", "accept", Status.PAID),
        (Status.PENDING, "capture", "accept", Status.PAID),
        (Status.PENDING, "capture", "", Status.PAID),
        (Status.PENDING, "capture", "challenge", Status.REVIEW),
        (Status.PENDING, "deny", "deny", Status.FAILED),
        (Status.PAID, "deny", "deny", Status.REVERSED),
        (Status.PENDING, "expire", "", Status.EXPIRED),
        (Status.PENDING, "cancel", "", Status.FAILED),
        (Status.PAID, "partial_refund", "accept", Status.PARTIALLY_REFUNDED),
        (Status.PAID, "refund", "accept", Status.REFUNDED),
        (Status.PAID, "chargeback", "accept", Status.DISPUTED),
        (Status.PENDING, "PENDING", "", Status.PENDING),
        (Status.PENDING, "something-new", "", None),
    ],
)
def test_what_a_gateway_status_asks_for(current, transaction_status, fraud, expected):
    status = TransactionStatus.from_response(
        {
            "order_id": "X",
            "transaction_status": transaction_status,
            "fraud_status": fraud,
        }
    )

    assert target_status(attempt_in(current), status) == expected


def test_cancelling_a_settled_payment_is_stale_but_voiding_a_capture_reverses_it():
    cancel = TransactionStatus(order_id="X", transaction_status="cancel")

    assert target_status(attempt_in(Status.PAID, "settlement"), cancel) is None
    assert target_status(attempt_in(Status.PAID, "capture"), cancel) == Status.REVERSED


@pytest.mark.parametrize(
    "late", [Status.PENDING, Status.EXPIRED, Status.FAILED, Status.CREATED]
)
def test_nothing_late_undoes_a_payment(late):
    assert attempt_in(Status.PAID).can_move_to(late) is False


@pytest.mark.parametrize(
    "final", [Status.FAILED, Status.REVERSED, Status.REFUNDED, Status.DISPUTED]
)
def test_final_statuses_go_nowhere(final):
    assert PaymentAttempt.TRANSITIONS[final] == set()


def test_every_status_has_its_transitions():
    assert set(PaymentAttempt.TRANSITIONS) == set(Status)


def test_the_order_pipeline_setting_names_exactly_the_order_statuses(settings):
    from marketplace.fulfilment.models import OrderStatus

    assert set(settings.OSCAR_ORDER_STATUS_PIPELINE) == set(OrderStatus.values)
    assert settings.OSCAR_INITIAL_ORDER_STATUS == OrderStatus.PENDING_PAYMENT


def test_the_amount_midtrans_added_a_fee_to_is_compared_without_the_fee():
    status = TransactionStatus.from_response(
        {
            "order_id": "X",
            "transaction_status": "settlement",
            "gross_amount": "176500.00",
            "metadata": {
                "extra_info": {"gross_amount_info": {"original_amount": "175000.00"}}
            },
        }
    )

    assert str(status.paid_amount) == "175000.00"


def test_snap_names_are_cut_to_fifty_characters():
    from marketplace.payments.snap import clip

    name = "Kopi   Robusta\nTemanggung " * 3

    assert clip(name) == "Kopi Robusta Temanggung Kopi Robusta Temanggung Ko"
    assert len(clip(name)) == 50
