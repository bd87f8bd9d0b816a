"""Models of the marketplace, one module per subdomain; imported here so that
Django registers them under the ``marketplace`` label."""

from marketplace.akad.models import AkadRecord
from marketplace.complaints.models import Complaint, ComplaintMessage, ComplaintPhoto
from marketplace.compliance.models import CategoryRule, Certificate, CertificateNotice
from marketplace.fulfilment.models import (
    FulfilmentEvent,
    FulfilmentGroup,
    OrderEffect,
    OrderStatus,
    OutboundEmail,
)
from marketplace.ledger.models import LedgerAccount, LedgerEntry, LedgerTransaction
from marketplace.payouts.models import PayoutBatch, PayoutRequest
from marketplace.payments.models import (
    PaymentAttempt,
    PaymentNotification,
    PaymentTransition,
    Refund,
    SimulatedTransaction,
)
from marketplace.seller.models import ProductImport, StockChange
from marketplace.shipping.models import ShippingProfile, ShippingRate, WeightBand

__all__ = [
    "AkadRecord",
    "CategoryRule",
    "Certificate",
    "CertificateNotice",
    "Complaint",
    "ComplaintMessage",
    "ComplaintPhoto",
    "FulfilmentEvent",
    "FulfilmentGroup",
    "LedgerAccount",
    "LedgerEntry",
    "LedgerTransaction",
    "OrderEffect",
    "OrderStatus",
    "OutboundEmail",
    "PaymentAttempt",
    "PaymentNotification",
    "PaymentTransition",
    "PayoutBatch",
    "PayoutRequest",
    "ProductImport",
    "Refund",
    "ShippingProfile",
    "ShippingRate",
    "SimulatedTransaction",
    "StockChange",
    "WeightBand",
]
