"""The Midtrans ``signature_key``: SHA-512 of order_id + status_code +
gross_amount + server key, in lowercase hex.

Verification hashes the three values exactly as they arrived. Rebuilding one
from a number would change it ("275000.00" is not "275000") and turn a valid
notification into a rejected one, or worse, make an altered one pass.
"""

import hashlib
import hmac

SIGNED_FIELDS = ("order_id", "status_code", "gross_amount")


def compute_signature(order_id, status_code, gross_amount, server_key):
    text = f"{order_id}{status_code}{gross_amount}{server_key}"
    return hashlib.sha512(text.encode("utf-8")).hexdigest()


def is_signature_valid(body, server_key):
    """Whether ``body`` (a parsed notification) carries a valid signature_key."""
    if not server_key or not isinstance(body, dict):
        return False
    values = [body.get(name) for name in (*SIGNED_FIELDS, "signature_key")]
    if not all(isinstance(value, str) and value for value in values):
        return False
    *signed, received = values
    expected = compute_signature(*signed, server_key)
    return hmac.compare_digest(expected, received.lower())
