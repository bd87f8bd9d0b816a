"""What a gateway status means for an attempt (Midtrans's status cycle).

``settlement``, or ``capture`` with fraud "accept" (or none), is paid;
``capture`` with "challenge" waits for review; ``deny`` after a payment is a
reversal, before it a failure; ``expire`` is an expiry; refunds and
chargebacks follow a payment. The attempt's own TRANSITIONS then decide
whether the move is allowed, so a stale status is simply not applied.
"""

from marketplace.payments.models import PaymentAttempt

Status = PaymentAttempt.Status
PAID_STATES = (Status.PAID, Status.PARTIALLY_REFUNDED)


def target_status(attempt, status):
    """The attempt status that gateway ``status`` asks for, or None if unknown."""
    name = status.transaction_status
    if name in ("pending", "authorize"):
        return Status.PENDING
    if name == "capture":
        if status.fraud_status == "challenge":
            return Status.REVIEW
        return Status.FAILED if status.fraud_status == "deny" else Status.PAID
    if name == "settlement":
        return Status.PAID
    if name == "deny":
        return Status.REVERSED if attempt.status in PAID_STATES else Status.FAILED
    if name == "cancel":
        # Voiding a captured card payment before settlement undoes it; a
        # settled payment cannot be cancelled, so that status is stale.
        if attempt.status in PAID_STATES:
            return Status.REVERSED if attempt.provider_status == "capture" else None
        return Status.FAILED
    if name == "failure":
        return Status.FAILED
    if name == "expire":
        return Status.EXPIRED
    if name == "refund":
        return Status.REFUNDED
    if name == "partial_refund":
        return Status.PARTIALLY_REFUNDED
    if name in ("chargeback", "partial_chargeback"):
        return Status.DISPUTED
    return None
