"""The one interface every payment gateway offers, and what it returns.

A gateway starts a payment (``start``), reports the current status of a
payment (``fetch_status``), cancels one (``cancel``) and refunds one
(``refund``). Statuses come back as TransactionStatus, the shape of a
Midtrans status response, which the simulator speaks as well.
"""

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation


class GatewayError(Exception):
    """The gateway did not answer, or answered nonsense: try again later."""


class GatewayRefused(Exception):
    """The gateway answered and refused the request: trying again will not help."""

    def __init__(self, message, status_code=None):
        self.status_code = status_code
        super().__init__(message)


@dataclass(frozen=True)
class StartedPayment:
    token: str
    redirect_url: str


@dataclass(frozen=True)
class TransactionStatus:
    """A gateway's view of one transaction (a Midtrans status response)."""

    order_id: str
    transaction_status: str
    status_code: str = ""
    gross_amount: str = ""
    fraud_status: str = ""
    transaction_id: str = ""
    payment_type: str = ""
    refund_amount: str = ""
    refunds: tuple = ()
    original_amount: str = ""
    raw: dict = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_response(cls, data):
        extra_info = (data.get("metadata") or {}).get("extra_info") or {}
        amount_info = extra_info.get("gross_amount_info") or {}
        return cls(
            order_id=str(data.get("order_id", "")),
            # DANA and ShopeePay report "PENDING" in capitals.
            transaction_status=str(data.get("transaction_status", "")).lower(),
            status_code=str(data.get("status_code", "")),
            gross_amount=str(data.get("gross_amount", "")),
            fraud_status=str(data.get("fraud_status", "") or "").lower(),
            transaction_id=str(data.get("transaction_id", "") or ""),
            payment_type=str(data.get("payment_type", "") or ""),
            refund_amount=str(data.get("refund_amount", "") or ""),
            refunds=tuple(data.get("refunds") or ()),
            original_amount=str(amount_info.get("original_amount", "") or ""),
            raw=data,
        )

    @property
    def paid_amount(self):
        """What the buyer paid for the order, without a fee Midtrans added on top."""
        return _decimal(self.original_amount or self.gross_amount)

    @property
    def refunded_amount(self):
        return _decimal(self.refund_amount) or Decimal(0)


def _decimal(text):
    try:
        return Decimal(text)
    except (InvalidOperation, TypeError):
        return None


class Gateway:
    """Base of the gateways; ``name`` is stored on each attempt."""

    name = ""
    # Payment types whose money the gateway can send back by API.
    refundable_payment_types = frozenset()

    @property
    def server_key(self):
        raise NotImplementedError

    def start(self, attempt, request_body):
        """Create the payment; return StartedPayment. Raise GatewayError or GatewayRefused."""
        raise NotImplementedError

    def fetch_status(self, attempt):
        """Return the TransactionStatus, or None if the gateway has no transaction yet."""
        raise NotImplementedError

    def cancel(self, attempt):
        """Cancel an unpaid transaction; return its TransactionStatus, None if absent."""
        raise NotImplementedError

    def refund(self, attempt, refund_key, amount, reason):
        """Refund ``amount`` of a settled transaction; return the gateway's answer."""
        raise NotImplementedError

    def can_refund(self, attempt):
        return attempt.payment_type in self.refundable_payment_types
