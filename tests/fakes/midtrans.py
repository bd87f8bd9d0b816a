"""A fake Midtrans on loopback that speaks the real wire protocol.

The real ``midtransclient`` and the real notification endpoint talk to it
over HTTP (reference: shared/reference/midtrans.md, section 6). It serves
both roles, Snap (``/snap/v1/transactions``) and Core (``/v2/{id}/...``),
with Basic auth by server key, Midtrans's validation messages, its status
codes and signatures; and it sends notifications, which tests can hold,
reorder, repeat, forge or alter.

Tests drive it through Python methods (``choose``, ``pay``, ``transition``,
``advance_clock``, ``hold``, ``release``, ``resend``, ``inject``,
``add_fault``); the same actions answer under ``/_fake/`` over HTTP.
"""

import base64
import hashlib
import json
import re
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import requests

SERVER_KEY = "SB-Mid-server-FAKE-PesantrenTestKey-0001"
JAKARTA = timezone(timedelta(hours=7))
ORDER_ID = re.compile(r"^[A-Za-z0-9._~-]{1,50}$")
EXPIRY_UNITS = {
    "minute": 60,
    "minutes": 60,
    "hour": 3600,
    "hours": 3600,
    "day": 86400,
    "days": 86400,
}
REFUNDABLE = {
    "credit_card",
    "gopay",
    "shopeepay",
    "qris",
    "dana",
    "ovo",
    "kredivo",
    "akulaku",
}
NO_PARTIAL_REFUND = {"shopeepay", "ovo"}
# Legal moves of a transaction (the Midtrans status cycle).
LEGAL = {
    "pending": {"settlement", "expire", "cancel", "deny", "failure", "capture"},
    "capture": {"settlement", "cancel", "deny"},
    "settlement": {
        "refund",
        "partial_refund",
        "chargeback",
        "partial_chargeback",
        "deny",
    },
    "partial_refund": {"partial_refund", "refund"},
    "partial_chargeback": {"chargeback"},
    "authorize": {"capture", "cancel", "deny", "expire"},
}
NOTIFY_CODES = {
    "pending": "201",
    "settlement": "200",
    "capture": "200",
    "deny": "202",
    "cancel": "202",
    "expire": "202",
    "failure": "202",
    "refund": "200",
    "partial_refund": "200",
    "chargeback": "200",
    "partial_chargeback": "200",
}
SNAP_UNAUTHORIZED = {
    "error_messages": [
        "Access denied due to unauthorized transaction, please check client or server key",
        "Visit https://snap-docs.midtrans.com/#request-headers for more details",
    ]
}
CORE_UNAUTHORIZED = {
    "status_code": "401",
    "status_message": "Transaction cannot be authorized with the current client/server key.",
}
CANNOT_MODIFY = {
    "status_code": "412",
    "status_message": "Merchant cannot modify the status of the transaction",
}


def sign(order_id, status_code, gross_amount, key):
    return hashlib.sha512(
        f"{order_id}{status_code}{gross_amount}{key}".encode()
    ).hexdigest()


def fmt(moment):
    return moment.astimezone(JAKARTA).strftime("%Y-%m-%d %H:%M:%S")


@dataclass
class Token:
    token: str
    order_id: str
    body: dict
    notify_urls: list
    created_at: datetime


@dataclass
class Transaction:
    order_id: str
    transaction_id: str
    gross_amount: int
    payment_type: str
    transaction_time: datetime
    expiry_time: datetime
    transaction_status: str = "pending"
    status_code: str = "201"
    fraud_status: str = "accept"
    settlement_time: datetime | None = None
    channel: dict = field(default_factory=dict)
    custom_fields: dict = field(default_factory=dict)
    refunds: list = field(default_factory=list)
    history: list = field(default_factory=list)
    notify_urls: list = field(default_factory=list)

    @property
    def refunded(self):
        return sum(refund["amount"] for refund in self.refunds)


class FakeMidtrans:
    def __init__(self, host="127.0.0.1", port=0, server_key=SERVER_KEY):
        self.host, self.port = host, port
        self.lock = threading.RLock()
        self.server = None
        self.reset(server_key)

    # Life cycle -------------------------------------------------------------

    def start(self):
        fake = self

        class Handler(FakeHandler):
            pass

        Handler.fake = fake
        self.server = QuietServer((self.host, self.port), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self):
        if self.server:
            self.server.shutdown()
            self.server.server_close()

    @property
    def url(self):
        return f"http://{self.host}:{self.port}"

    def reset(self, server_key=SERVER_KEY):
        with self.lock:
            self.server_key = server_key
            self.tokens = {}
            self.transactions = {}
            self.outbox = []
            self.deliveries = []
            self.requests = []
            self.held = False
            self.queue = []
            self.faults = []
            self.clock_offset = 0.0
            self.duplicate_policy = "after_payment_attempt"
            self.default_notify_urls = []
            self.notify_timeout = 15.0
            self.retry_policy = False
            self.retry_gap = 0.0
            self.notfound_http_200 = False

    def configure(self, **options):
        with self.lock:
            for name, value in options.items():
                if not hasattr(self, name):
                    raise AttributeError(name)
                setattr(self, name, value)

    def now(self):
        return datetime.now(JAKARTA) + timedelta(seconds=self.clock_offset)

    # Faults -----------------------------------------------------------------

    def add_fault(self, endpoint, mode, count=1):
        with self.lock:
            self.faults.append({"endpoint": endpoint, "mode": mode, "count": count})

    def take_fault(self, endpoint):
        with self.lock:
            for fault in self.faults:
                if fault["endpoint"] == endpoint and fault["count"] > 0:
                    fault["count"] -= 1
                    return fault["mode"]
        return None

    def count_requests(self, endpoint):
        with self.lock:
            return sum(1 for logged in self.requests if logged["endpoint"] == endpoint)

    # Snap -------------------------------------------------------------------

    def create_token(self, body, headers):
        errors = self.validate_snap(body)
        if errors:
            return 400, {"error_messages": errors}
        order_id = body["transaction_details"]["order_id"]
        with self.lock:
            taken = order_id in self.transactions or (
                self.duplicate_policy == "strict" and order_id in self.tokens
            )
            if taken:
                return 400, {
                    "error_messages": [
                        "transaction_details.order_id has already been taken"
                    ]
                }
            override = _urls(headers.get("X-Override-Notification"))
            append = _urls(headers.get("X-Append-Notification"))
            urls = (override or list(self.default_notify_urls)) + append
            token = Token(str(uuid.uuid4()), order_id, body, urls, self.now())
            self.tokens[order_id] = token
        return 201, {
            "token": token.token,
            "redirect_url": f"{self.url}/snap/v4/redirection/{token.token}",
        }

    def validate_snap(self, body):
        if not isinstance(body, dict):
            return ["Request body is not a valid JSON object"]
        errors = []
        details = body.get("transaction_details")
        if not isinstance(details, dict) or not details.get("order_id"):
            return ["transaction_details.order_id is required"]
        order_id = details["order_id"]
        if not isinstance(order_id, str) or len(order_id) > 50:
            errors.append("transaction_details.order_id too long")
        elif not ORDER_ID.match(order_id):
            errors.append("transaction_details.order_id contains invalid characters")
        gross = details.get("gross_amount")
        if not isinstance(gross, int) or isinstance(gross, bool) or gross <= 0:
            errors.append("transaction_details.gross_amount must be a positive integer")
        items = body.get("item_details")
        if items is not None:
            total = 0
            for index, item in enumerate(items):
                price, quantity, name = (
                    item.get("price"),
                    item.get("quantity"),
                    item.get("name"),
                )
                if not isinstance(price, int) or isinstance(price, bool):
                    errors.append(f"item_details[{index}].price must be an integer")
                if not isinstance(quantity, int) or quantity < 1:
                    errors.append(f"item_details[{index}].quantity must be at least 1")
                if not isinstance(name, str) or not name or len(name) > 50:
                    errors.append(
                        f"item_details[{index}].name is required, at most 50 characters"
                    )
                for key in ("id", "brand", "category", "merchant_name"):
                    if len(str(item.get(key, ""))) > 50:
                        errors.append(f"item_details[{index}].{key} too long")
                if isinstance(price, int) and isinstance(quantity, int):
                    total += price * quantity
            if not errors and isinstance(gross, int) and total != gross:
                errors.append(
                    "transaction_details.gross_amount is not equal to the sum of item_details"
                )
        expiry = body.get("expiry")
        if expiry is not None:
            if expiry.get("unit") not in EXPIRY_UNITS or not isinstance(
                expiry.get("duration"), int
            ):
                errors.append("expiry.unit or expiry.duration is invalid")
        for number in (1, 2, 3):
            if len(str(body.get(f"custom_field{number}", ""))) > 255:
                errors.append(f"custom_field{number} too long")
        return errors

    # The buyer in Snap (control) -------------------------------------------

    def choose(
        self,
        order_id,
        payment_type="bank_transfer",
        bank="bca",
        acquirer="gopay",
        issuer="gopay",
        notify=True,
    ):
        with self.lock:
            token = self.tokens[order_id]
            details = token.body["transaction_details"]
            now = self.now()
            expiry = token.body.get("expiry")
            if expiry:
                start = _parse_start(expiry.get("start_time")) or now
                expires = start + timedelta(
                    seconds=expiry["duration"] * EXPIRY_UNITS[expiry["unit"]]
                )
            else:
                expires = now + timedelta(hours=24)
            channel = {}
            if payment_type == "bank_transfer":
                channel = {
                    "va_numbers": [
                        {"bank": bank, "va_number": f"{uuid.uuid4().int % 10**17:017d}"}
                    ],
                    "payment_amounts": [],
                }
            elif payment_type == "echannel":
                channel = {
                    "biller_code": "70012",
                    "bill_key": f"{uuid.uuid4().int % 10**12:012d}",
                }
            elif payment_type == "qris":
                channel = {
                    "acquirer": acquirer,
                    "issuer": issuer,
                    "transaction_type": "on-us",
                }
            transaction = Transaction(
                order_id=order_id,
                transaction_id=str(uuid.uuid4()),
                gross_amount=details["gross_amount"],
                payment_type=payment_type,
                transaction_time=now,
                expiry_time=expires,
                channel=channel,
                custom_fields={
                    k: token.body[k]
                    for k in ("custom_field1", "custom_field2", "custom_field3")
                    if k in token.body
                },
                notify_urls=list(token.notify_urls),
            )
            self.transactions[order_id] = transaction
            transaction.history.append("pending")
            body = self.notification_body(transaction) if notify else None
        if body is not None:
            self.emit(transaction, body)
        return transaction

    def pay(
        self,
        order_id,
        payment_type=None,
        fraud_status="accept",
        amount_override=None,
        notify_pending=True,
        **choose_options,
    ):
        if order_id not in self.transactions:
            self.choose(
                order_id,
                payment_type=payment_type or "bank_transfer",
                notify=notify_pending,
                **choose_options,
            )
        with self.lock:
            transaction = self.transactions[order_id]
            if amount_override is not None:
                transaction.gross_amount = amount_override
            if transaction.payment_type == "credit_card":
                transaction.fraud_status = fraud_status
                if fraud_status == "deny":
                    self._set(transaction, "deny", "202")
                else:
                    self._set(
                        transaction,
                        "capture",
                        "201" if fraud_status == "challenge" else "200",
                    )
            else:
                transaction.settlement_time = self.now()
                self._set(transaction, "settlement", "200")
            body = self.notification_body(transaction)
        self.emit(transaction, body)
        return transaction

    def transition(self, order_id, to, force=False, amount=None):
        with self.lock:
            transaction = self.transactions[order_id]
            if not force and to not in LEGAL.get(transaction.transaction_status, set()):
                raise ValueError(
                    f"{transaction.transaction_status} -> {to} is not a Midtrans move"
                )
            if to == "settlement":
                transaction.settlement_time = self.now()
            if to == "deny":
                transaction.fraud_status = "deny"
            self._set(transaction, to, NOTIFY_CODES.get(to, "200"))
            body = self.notification_body(transaction)
        self.emit(transaction, body)
        return transaction

    def advance_clock(self, seconds):
        """Move time on; pending transactions past expiry expire and notify."""
        with self.lock:
            self.clock_offset += seconds
            expired = []
            for transaction in self.transactions.values():
                if (
                    transaction.transaction_status == "pending"
                    and transaction.expiry_time <= self.now()
                ):
                    self._set(transaction, "expire", "202")
                    expired.append((transaction, self.notification_body(transaction)))
        for transaction, body in expired:
            self.emit(transaction, body)
        return [transaction.order_id for transaction, _body in expired]

    def _set(self, transaction, status, code):
        transaction.transaction_status = status
        transaction.status_code = code
        transaction.history.append(status)

    # Core API ---------------------------------------------------------------

    def find(self, identifier):
        with self.lock:
            if identifier in self.transactions:
                return self.transactions[identifier]
            for transaction in self.transactions.values():
                if transaction.transaction_id == identifier:
                    return transaction
        return None

    def status(self, identifier):
        transaction = self.find(identifier)
        if transaction is None:
            body = {
                "status_code": "404",
                "status_message": "Transaction doesn't exist.",
                "id": str(uuid.uuid4()),
            }
            return (200 if self.notfound_http_200 else 404), body
        with self.lock:
            body = self.snapshot(transaction)
            code = (
                "407"
                if transaction.transaction_status == "expire"
                else transaction.status_code
            )
            body.update(
                status_code=code,
                status_message="Success, transaction is found",
                signature_key=sign(
                    transaction.order_id, code, body["gross_amount"], self.server_key
                ),
            )
        return 200, body

    def cancel(self, identifier):
        transaction = self.find(identifier)
        if transaction is None:
            return 404, {
                "status_code": "404",
                "status_message": "Transaction doesn't exist.",
            }
        with self.lock:
            if transaction.transaction_status not in (
                "pending",
                "capture",
                "authorize",
            ):
                return 200, CANNOT_MODIFY
            self._set(transaction, "cancel", "202")
            notification = self.notification_body(transaction)
            answer = self.snapshot(transaction)
            answer.update(
                status_code="200", status_message="Success, transaction is canceled"
            )
        self.emit(transaction, notification)
        return 200, answer

    def expire(self, identifier):
        transaction = self.find(identifier)
        if transaction is None:
            return 404, {
                "status_code": "404",
                "status_message": "Transaction doesn't exist.",
            }
        with self.lock:
            if transaction.transaction_status != "pending":
                return 200, CANNOT_MODIFY
            self._set(transaction, "expire", "202")
            notification = self.notification_body(transaction)
            answer = self.snapshot(transaction)
            answer.update(
                status_code="407", status_message="Success, transaction has expired"
            )
        self.emit(transaction, notification)
        return 200, answer

    def refund(self, identifier, body):
        transaction = self.find(identifier)
        if transaction is None:
            return 404, {
                "status_code": "404",
                "status_message": "Transaction doesn't exist.",
            }
        with self.lock:
            if transaction.transaction_status not in ("settlement", "partial_refund"):
                return 200, CANNOT_MODIFY
            if transaction.payment_type not in REFUNDABLE:
                return 200, CANNOT_MODIFY
            amount = body.get("amount", transaction.gross_amount - transaction.refunded)
            key = body.get("refund_key") or str(uuid.uuid4())
            earlier = next(
                (r for r in transaction.refunds if r["refund_key"] == key), None
            )
            if earlier is not None:
                if earlier["amount"] != amount:
                    return 200, {
                        "status_code": "406",
                        "status_message": "Duplicate refund ID",
                    }
                return 200, self.refund_answer(transaction, earlier)
            remaining = transaction.gross_amount - transaction.refunded
            partial = amount < remaining
            if (
                not isinstance(amount, int)
                or amount <= 0
                or amount > remaining
                or (partial and transaction.payment_type in NO_PARTIAL_REFUND)
            ):
                return 200, {
                    "status_code": "414",
                    "status_message": "Refund request is rejected due to invalid amount",
                }
            refund = {
                "refund_chargeback_id": len(transaction.refunds) + 1,
                "amount": amount,
                "refund_key": key,
                "reason": body.get("reason", ""),
                "created_at": fmt(self.now()),
                "bank_confirmed_at": None,
            }
            transaction.refunds.append(refund)
            self._set(transaction, "partial_refund" if partial else "refund", "200")
            first = self.notification_body(transaction)
            refund["bank_confirmed_at"] = fmt(self.now())
            second = self.notification_body(transaction)
            answer = self.refund_answer(transaction, refund)
        self.emit(transaction, first)
        self.emit(transaction, second)
        return 200, answer

    def refund_answer(self, transaction, refund):
        answer = self.snapshot(transaction)
        answer.update(
            status_code="200",
            status_message="Success, refund request is approved",
            refund_chargeback_id=refund["refund_chargeback_id"],
            refund_amount=f"{refund['amount']}.00",
            refund_key=refund["refund_key"],
        )
        return answer

    def review(self, identifier, approve):
        transaction = self.find(identifier)
        if transaction is None:
            return 404, {
                "status_code": "404",
                "status_message": "Transaction doesn't exist.",
            }
        with self.lock:
            if (
                transaction.transaction_status != "capture"
                or transaction.fraud_status != "challenge"
            ):
                return 200, CANNOT_MODIFY
            if approve:
                transaction.fraud_status = "accept"
                self._set(transaction, "capture", "200")
            else:
                transaction.fraud_status = "deny"
                self._set(transaction, "deny", "202")
            notification = self.notification_body(transaction)
            answer = self.snapshot(transaction)
            answer.update(
                status_code="200", status_message="Success, transaction is updated"
            )
        self.emit(transaction, notification)
        return 200, answer

    # Notifications ----------------------------------------------------------

    def snapshot(self, transaction):
        body = {
            "transaction_time": fmt(transaction.transaction_time),
            "transaction_status": transaction.transaction_status,
            "transaction_id": transaction.transaction_id,
            "status_code": transaction.status_code,
            "payment_type": transaction.payment_type,
            "order_id": transaction.order_id,
            "merchant_id": "G000000001",
            "gross_amount": f"{transaction.gross_amount}.00",
            "fraud_status": transaction.fraud_status,
            "currency": "IDR",
            "expiry_time": fmt(transaction.expiry_time),
            **transaction.channel,
            **transaction.custom_fields,
        }
        if transaction.settlement_time:
            body["settlement_time"] = fmt(transaction.settlement_time)
        if transaction.refunds:
            body["refund_amount"] = f"{transaction.refunded}.00"
            body["refunds"] = [
                {
                    **{k: v for k, v in refund.items() if k != "amount"},
                    "refund_amount": f"{refund['amount']}.00",
                }
                for refund in transaction.refunds
            ]
        return body

    def notification_body(self, transaction):
        body = self.snapshot(transaction)
        body["status_message"] = "midtrans payment notification"
        body["signature_key"] = sign(
            transaction.order_id,
            body["status_code"],
            body["gross_amount"],
            self.server_key,
        )
        # Midtrans adds fields over time: receivers must parse leniently.
        body["metadata"] = {}
        return body

    def emit(self, transaction, body):
        payload = json.dumps(body, separators=(",", ":"))
        with self.lock:
            self.outbox.append(
                {
                    "order_id": transaction.order_id,
                    "urls": list(transaction.notify_urls),
                    "payload": payload,
                }
            )
            index = len(self.outbox) - 1
            if self.held:
                self.queue.append(index)
                return None
        return self.deliver(index)

    def deliver(self, index):
        with self.lock:
            entry = self.outbox[index]
        return [self._post(url, entry["payload"], index) for url in entry["urls"]]

    def _post(self, url, payload, index):
        attempt, code = 0, None
        while True:
            attempt += 1
            started = time.monotonic()
            try:
                response = requests.post(
                    url,
                    data=payload.encode(),
                    timeout=self.notify_timeout,
                    allow_redirects=False,
                    headers={
                        "Content-Type": "application/json",
                        "Accept": "application/json",
                        "User-Agent": "Veritrans",
                    },
                )
                code = response.status_code
            except requests.RequestException:
                code = None
            with self.lock:
                self.deliveries.append(
                    {
                        "index": index,
                        "url": url,
                        "payload": payload,
                        "attempt": attempt,
                        "status": code,
                        "latency": time.monotonic() - started,
                    }
                )
            retries = _retries_for(code) if self.retry_policy else 0
            if attempt > retries:
                return code
            time.sleep(self.retry_gap)

    def hold(self):
        with self.lock:
            self.held = True

    def release(self, order="fifo"):
        with self.lock:
            queued, self.queue, self.held = list(self.queue), [], False
        if order == "reverse":
            queued.reverse()
        elif isinstance(order, list):
            queued = [queued[i] for i in order]
        return [self.deliver(index) for index in queued]

    def resend(self, index, times=1):
        return [self.deliver(index) for _ in range(times)]

    def inject(
        self,
        order_id,
        body_overrides=None,
        signature="valid",
        gross_amount_format="2dp",
        url=None,
    ):
        """Send a hand-made notification for ``order_id``: forged, stale or reformatted."""
        transaction = self.find(order_id)
        with self.lock:
            body = (
                self.notification_body(transaction)
                if transaction
                else {
                    "order_id": order_id,
                    "status_code": "200",
                    "gross_amount": "10000.00",
                    "transaction_status": "settlement",
                    "transaction_id": str(uuid.uuid4()),
                }
            )
            if gross_amount_format == "int":
                body["gross_amount"] = body["gross_amount"].split(".")[0]
            elif gross_amount_format == "1dp":
                body["gross_amount"] = body["gross_amount"][:-1]
            body.update(body_overrides or {})
            if signature == "valid":
                body["signature_key"] = sign(
                    body["order_id"],
                    body["status_code"],
                    body["gross_amount"],
                    self.server_key,
                )
            elif signature == "wrong_key":
                body["signature_key"] = sign(
                    body["order_id"],
                    body["status_code"],
                    body["gross_amount"],
                    "SB-Mid-server-other",
                )
            elif signature == "stale":
                body["signature_key"] = sign(
                    body["order_id"],
                    body["status_code"],
                    body["gross_amount"],
                    self.server_key,
                )
                body["gross_amount"] = "1.00"
            elif signature == "missing":
                body.pop("signature_key", None)
            elif signature == "garbage":
                body["signature_key"] = "not-a-signature"
            urls = (
                [url]
                if url
                else (
                    transaction.notify_urls
                    if transaction
                    else list(self.default_notify_urls)
                )
            )
            payload = json.dumps(body, separators=(",", ":"))
            self.outbox.append({"order_id": order_id, "urls": urls, "payload": payload})
            index = len(self.outbox) - 1
        return self.deliver(index)

    def deliveries_for(self, order_id):
        with self.lock:
            return [
                d
                for d in self.deliveries
                if json.loads(d["payload"]).get("order_id") == order_id
            ]


def _urls(header):
    return [url.strip() for url in (header or "").split(",") if url.strip()][:3]


def _parse_start(text):
    try:
        return datetime.strptime(text, "%Y-%m-%d %H:%M:%S %z") if text else None
    except ValueError:
        return None


def _retries_for(code):
    if code is not None and 200 <= code < 300:
        return 0
    return {500: 1, 503: 4, 400: 2, 404: 2, 301: 0, 302: 0, 303: 0}.get(code, 5)


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A client that gave up on a deliberately slow answer is expected.
        pass


class FakeHandler(BaseHTTPRequestHandler):
    fake = None
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        self.route("GET")

    def do_POST(self):
        self.route("POST")

    def route(self, method):
        path = self.path.split("?")[0]
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        if path.startswith("/_fake/"):
            return self.control(path[len("/_fake/") :], raw)
        endpoint, identifier = _endpoint(method, path)
        with self.fake.lock:
            self.fake.requests.append(
                {"endpoint": endpoint, "method": method, "path": path}
            )
        if endpoint is None:
            return self.reply(
                404,
                {
                    "status_code": "404",
                    "status_message": "The requested resource is not found",
                },
            )
        if endpoint == "redirection":
            return self.reply_html(
                200, f"<html><body><h1>Fake Snap</h1><p>{identifier}</p></body></html>"
            )
        if not self.authorized():
            return self.reply(
                401, SNAP_UNAUTHORIZED if endpoint == "snap" else CORE_UNAUTHORIZED
            )
        fault = self.fake.take_fault(endpoint)
        if fault and self.apply_fault(fault):
            return None
        if endpoint == "snap":
            try:
                body = json.loads(raw or b"null")
            except ValueError:
                return self.reply(
                    400, {"error_messages": ["Request body is not a valid JSON"]}
                )
            return self.reply(*self.fake.create_token(body, self.headers))
        if endpoint == "status":
            return self.reply(*self.fake.status(identifier))
        if endpoint == "cancel":
            return self.reply(*self.fake.cancel(identifier))
        if endpoint == "expire":
            return self.reply(*self.fake.expire(identifier))
        if endpoint == "refund":
            return self.reply(*self.fake.refund(identifier, json.loads(raw or b"{}")))
        if endpoint in ("approve", "deny"):
            return self.reply(*self.fake.review(identifier, endpoint == "approve"))
        return self.reply(
            405, {"status_code": "405", "status_message": "Method not allowed"}
        )

    def authorized(self):
        expected = (
            "Basic " + base64.b64encode(f"{self.fake.server_key}:".encode()).decode()
        )
        return self.headers.get("Authorization") == expected

    def apply_fault(self, mode):
        if mode == "http500_json":
            self.reply(
                500,
                {
                    "error_messages": [
                        "Sorry, we encountered internal server error. We will fix this soon."
                    ]
                },
            )
        elif mode == "http502_html":
            self.reply_html(502, "<html><body><h1>502 Bad Gateway</h1></body></html>")
        elif mode.startswith("sleep:"):
            time.sleep(float(mode.split(":", 1)[1]))
            return False
        elif mode == "reset":
            self.close_connection = True
            self.connection.close()
        elif mode.startswith("http200_body_error:"):
            code = mode.split(":", 1)[1]
            self.reply(200, {"status_code": code, "status_message": "Fake error"})
        return True

    def control(self, action, raw):
        data = json.loads(raw or b"{}")
        fake = self.fake
        parts = action.strip("/").split("/")
        try:
            if parts == ["reset"]:
                fake.reset(data.get("server_key", SERVER_KEY))
                result = {}
            elif parts == ["config"]:
                fake.configure(**data)
                result = {}
            elif parts[0] == "orders" and len(parts) == 3:
                order_id, verb = parts[1], parts[2]
                method = {
                    "choose": fake.choose,
                    "pay": fake.pay,
                    "transition": fake.transition,
                }[verb]
                transaction = method(order_id, **data)
                result = fake.snapshot(transaction)
            elif parts == ["clock", "advance"]:
                result = {"expired": fake.advance_clock(data["seconds"])}
            elif parts == ["notifications", "hold"]:
                fake.hold()
                result = {}
            elif parts == ["notifications", "release"]:
                result = {"codes": fake.release(data.get("order", "fifo"))}
            elif (
                parts[0] == "notifications" and len(parts) == 3 and parts[2] == "resend"
            ):
                result = {"codes": fake.resend(int(parts[1]), data.get("times", 1))}
            elif parts == ["notifications", "inject"]:
                result = {"codes": fake.inject(**data)}
            elif parts == ["notifications"]:
                result = {"deliveries": fake.deliveries}
            elif parts == ["faults"]:
                fake.add_fault(data["endpoint"], data["mode"], data.get("count", 1))
                result = {}
            else:
                return self.reply(404, {"error": "unknown control"})
        except (KeyError, ValueError, TypeError) as error:
            return self.reply(400, {"error": str(error)})
        return self.reply(200, result)

    def reply(self, status, body):
        payload = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def reply_html(self, status, html):
        payload = html.encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


def _endpoint(method, path):
    if path == "/snap/v1/transactions":
        return ("snap", None) if method == "POST" else (None, None)
    match = re.match(r"^/snap/v\d/redirection/([^/]+)$", path)
    if match and method == "GET":
        return "redirection", match.group(1)
    match = re.match(
        r"^/v2/([^/]+)/(status|cancel|expire|refund|approve|deny)(/online/direct)?$",
        path,
    )
    if match:
        action = match.group(2)
        if (action == "status") != (method == "GET"):
            return "method", match.group(1)
        return action, match.group(1)
    return None, None
