"""The payment simulator: Midtrans's protocol, played locally, for `make run`.

The buyer is sent to a local page that offers the channels (virtual account,
QRIS, e-wallet). Choosing one and "paying" changes a SimulatedTransaction and
sends a signed notification, in Midtrans's format, to the same notification
endpoint, which hands it to the same task. Nothing else in the marketplace
knows which gateway it talks to.

It moves orders to "paid" without money, so it only runs where
MARKETPLACE_PAYMENT_SIMULATOR_ALLOWED is on (see marketplace/checks.py).
"""

import hashlib
import json
import logging
import secrets
import uuid
from datetime import timedelta
from decimal import Decimal

import requests
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from marketplace.payments.gateways.base import (
    Gateway,
    GatewayRefused,
    StartedPayment,
    TransactionStatus,
)
from marketplace.payments.models import SimulatedTransaction
from marketplace.payments.signature import compute_signature
from marketplace.queue import enqueue_on_commit

logger = logging.getLogger(__name__)

# The channels of the simulator's page: (payment_type, bank or issuer).
CHANNELS = {
    "bca_va": ("bank_transfer", "bca"),
    "bni_va": ("bank_transfer", "bni"),
    "bri_va": ("bank_transfer", "bri"),
    "qris": ("qris", "gopay"),
    "gopay": ("gopay", ""),
    "shopeepay": ("shopeepay", ""),
}
STATUS_CODES = {
    "pending": "201",
    "settlement": "200",
    "cancel": "200",
    "expire": "407",
    "refund": "200",
    "partial_refund": "200",
    "deny": "202",
}


def simulator_server_key():
    """The simulator's signing key, derived from SECRET_KEY (never sent anywhere)."""
    return hashlib.sha256(
        f"kesan-payment-simulator:{settings.SECRET_KEY}".encode()
    ).hexdigest()


class SimulatorGateway(Gateway):
    name = "simulator"
    refundable_payment_types = frozenset({"qris", "gopay", "shopeepay"})

    @property
    def server_key(self):
        return simulator_server_key()

    def start(self, attempt, request_body):
        return StartedPayment(
            token=f"sim-{uuid.uuid4()}",
            redirect_url=reverse(
                "payments:simulator", args=[attempt.provider_order_id]
            ),
        )

    def fetch_status(self, attempt):
        simulated = SimulatedTransaction.objects.filter(
            provider_order_id=attempt.provider_order_id
        ).first()
        return (
            None
            if simulated is None
            else TransactionStatus.from_response(status_body(simulated))
        )

    def cancel(self, attempt):
        simulated = SimulatedTransaction.objects.filter(
            provider_order_id=attempt.provider_order_id
        ).first()
        if simulated is None:
            return None
        if simulated.transaction_status != "pending":
            raise GatewayRefused(
                "Merchant cannot modify the status of the transaction", 412
            )
        set_status(simulated, "cancel")
        return TransactionStatus.from_response(status_body(simulated))

    def refund(self, attempt, refund_key, amount, reason):
        simulated = SimulatedTransaction.objects.get(
            provider_order_id=attempt.provider_order_id
        )
        if simulated.transaction_status not in ("settlement", "partial_refund"):
            raise GatewayRefused(
                "Merchant cannot modify the status of the transaction", 412
            )
        if simulated.payment_type not in self.refundable_payment_types:
            raise GatewayRefused("Payment type does not support refund", 412)
        remaining = simulated.gross_amount - simulated.refund_amount
        if not 0 < amount <= remaining:
            raise GatewayRefused(
                "Refund request is rejected due to invalid amount", 414
            )
        simulated.refund_amount += Decimal(amount)
        simulated.refunds = [
            *simulated.refunds,
            {
                "refund_chargeback_id": len(simulated.refunds) + 1,
                "refund_amount": f"{Decimal(amount):.2f}",
                "refund_key": refund_key,
                "reason": reason,
                "created_at": _jakarta(timezone.now()),
            },
        ]
        full = simulated.refund_amount >= simulated.gross_amount
        set_status(simulated, "refund" if full else "partial_refund")
        return status_body(simulated)


# The buyer's side of the simulated page ------------------------------------


def choose_channel(attempt, channel, notification_url):
    """Open a pending transaction for ``attempt`` on ``channel``, as Snap does."""
    payment_type, bank = CHANNELS[channel]
    now = timezone.now()
    simulated, created = SimulatedTransaction.objects.get_or_create(
        provider_order_id=attempt.provider_order_id,
        defaults={
            "transaction_id": str(uuid.uuid4()),
            "payment_type": payment_type,
            "bank": bank,
            "va_number": f"8{secrets.randbelow(10**11):011d}"
            if payment_type == "bank_transfer"
            else "",
            "gross_amount": attempt.amount,
            "transaction_status": "pending",
            "status_code": "201",
            "transaction_time": now,
            "expiry_time": attempt.expires_at,
        },
    )
    if created:
        send_notification(simulated, notification_url)
    return simulated


def pay(simulated, notification_url):
    """The buyer pays: the transaction settles and Midtrans-style notifies."""
    if simulated.transaction_status != "pending":
        return simulated
    if simulated.expiry_time <= timezone.now():
        set_status(simulated, "expire")
    else:
        simulated.settlement_time = timezone.now()
        set_status(simulated, "settlement")
    send_notification(simulated, notification_url)
    return simulated


def set_status(simulated, status):
    simulated.transaction_status = status
    simulated.status_code = STATUS_CODES[status]
    simulated.save()


def status_body(simulated):
    """The transaction as Midtrans would describe it, signed."""
    gross_amount = f"{simulated.gross_amount:.2f}"
    body = {
        "transaction_time": _jakarta(simulated.transaction_time),
        "transaction_status": simulated.transaction_status,
        "transaction_id": simulated.transaction_id,
        "status_message": "midtrans payment notification",
        "status_code": simulated.status_code,
        "signature_key": compute_signature(
            simulated.provider_order_id,
            simulated.status_code,
            gross_amount,
            simulator_server_key(),
        ),
        "payment_type": simulated.payment_type,
        "order_id": simulated.provider_order_id,
        "merchant_id": "SIMULATOR",
        "gross_amount": gross_amount,
        "fraud_status": simulated.fraud_status,
        "currency": "IDR",
        "expiry_time": _jakarta(simulated.expiry_time),
    }
    if simulated.settlement_time:
        body["settlement_time"] = _jakarta(simulated.settlement_time)
    if simulated.payment_type == "bank_transfer":
        body["va_numbers"] = [
            {"bank": simulated.bank, "va_number": simulated.va_number}
        ]
    if simulated.payment_type == "qris":
        body["acquirer"] = simulated.bank
    if simulated.refunds:
        body["refund_amount"] = f"{simulated.refund_amount:.2f}"
        body["refunds"] = simulated.refunds
    return body


def send_notification(simulated, notification_url):
    """POST the transaction's notification to our endpoint after this commit."""
    from marketplace.payments.tasks import deliver_simulated_notification

    body = json.dumps(status_body(simulated), separators=(",", ":"))
    enqueue_on_commit(deliver_simulated_notification, notification_url, body)


def deliver(notification_url, body):
    response = requests.post(
        notification_url,
        data=body.encode("utf-8"),
        headers={"Content-Type": "application/json", "User-Agent": "Veritrans"},
        timeout=(3.05, 15),
        allow_redirects=False,
    )
    logger.info(
        "Simulator notification to %s answered %s",
        notification_url,
        response.status_code,
    )
    return response.status_code


def _jakarta(moment):
    local = timezone.localtime(moment, timezone.get_fixed_timezone(timedelta(hours=7)))
    return local.strftime("%Y-%m-%d %H:%M:%S")
