"""Midtrans Snap through the official ``midtransclient``, made safe.

Errors are sorted in two: GatewayError when Midtrans did not answer or
answered with a server error or a non-JSON page (try again later), and
GatewayRefused when it answered and said no. The library raises on a
``status_code`` of 400 or more inside an HTTP 200 body too, so both the
HTTP code and the body code are looked at.
"""

import midtransclient
import requests
from django.conf import settings

from marketplace.payments.gateways.base import (
    Gateway,
    GatewayError,
    GatewayRefused,
    StartedPayment,
    TransactionStatus,
)
from marketplace.payments.gateways.client import make_core_client, make_snap_client
from marketplace.payments.signature import is_signature_valid


def _call(function, *args):
    """Call the library, mapping its failures to GatewayError / GatewayRefused."""
    try:
        return function(*args)
    except (requests.Timeout, requests.ConnectionError) as error:
        raise GatewayError(f"Midtrans unreachable: {type(error).__name__}") from error
    except midtransclient.JSONDecodeError as error:
        raise GatewayError("Midtrans answered with a page that is not JSON") from error
    except midtransclient.MidtransAPIError as error:
        code = _body_code(error)
        if error.http_status_code >= 500 or code >= 500:
            raise GatewayError(
                f"Midtrans server error {code or error.http_status_code}"
            ) from error
        messages = (error.api_response_dict or {}).get("error_messages") or [
            (error.api_response_dict or {}).get("status_message", "")
        ]
        raise GatewayRefused(
            "; ".join(str(m) for m in messages), code or error.http_status_code
        ) from error


def _body_code(error):
    try:
        return int((error.api_response_dict or {}).get("status_code") or 0)
    except (TypeError, ValueError):
        return 0


class MidtransGateway(Gateway):
    name = "midtrans"
    refundable_payment_types = frozenset(
        {
            "credit_card",
            "gopay",
            "shopeepay",
            "qris",
            "dana",
            "ovo",
            "kredivo",
            "akulaku",
        }
    )

    @property
    def server_key(self):
        return settings.MIDTRANS_SERVER_KEY

    def start(self, attempt, request_body):
        answer = _call(make_snap_client().create_transaction, request_body)
        if not answer.get("token") or not answer.get("redirect_url"):
            raise GatewayError("Midtrans answered without a token")
        return StartedPayment(
            token=answer["token"], redirect_url=answer["redirect_url"]
        )

    def fetch_status(self, attempt):
        try:
            answer = _call(make_core_client().transactions.status, self._id(attempt))
        except GatewayRefused as refusal:
            if refusal.status_code == 404:
                return None
            raise
        status = TransactionStatus.from_response(answer)
        # Status answers are signed like notifications; a wrong one means
        # something between us and Midtrans changed it.
        if answer.get("signature_key") and not is_signature_valid(
            answer, self.server_key
        ):
            raise GatewayError("Midtrans status answer has a wrong signature")
        return status

    def cancel(self, attempt):
        try:
            answer = _call(make_core_client().transactions.cancel, self._id(attempt))
        except GatewayRefused as refusal:
            if refusal.status_code == 404:
                return None
            raise
        return TransactionStatus.from_response(answer)

    def refund(self, attempt, refund_key, amount, reason):
        body = {"refund_key": refund_key, "amount": int(amount), "reason": reason[:255]}
        return _call(make_core_client().transactions.refund, self._id(attempt), body)

    @staticmethod
    def _id(attempt):
        # The transaction id is a UUID, safe in a URL path; before there is
        # one, our own order_id is URL-safe by construction.
        return attempt.transaction_id or attempt.provider_order_id
