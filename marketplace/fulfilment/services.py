"""Orders and their parts: placing, paying, cancelling, and each pesantren's
way from a new part to a received one.

Lock order, everywhere: basket, then order, then its groups, then a group's
complaint (marketplace.complaints), then stock records in id order; ledger
accounts last. Functions that take a locked order say so.
"""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import OperationalError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.apps.checkout.calculators import OrderTotalCalculator
from psycopg2.errors import LockNotAvailable
from oscar.apps.offer.applicator import Applicator
from oscar.core.loading import get_class, get_model

from marketplace.akad import services as akad
from marketplace.basket import group_basket
from marketplace.fulfilment import stock
from marketplace.fulfilment.emails import Kind, queue_email
from marketplace.fulfilment.models import (
    FulfilmentEvent,
    FulfilmentGroup,
    OrderEffect,
    OrderStatus,
)
from marketplace.compliance.rules import rule_for_product
from marketplace.ledger import services as ledger
from marketplace.ledger.fees import fee_for_lines
from marketplace.money import format_rupiah
from marketplace.shipping.methods import (
    PerPesantrenShipping,
    check_shippable,
    plan_shipping,
)

logger = logging.getLogger(__name__)

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
PaymentEvent = get_model("order", "PaymentEvent")
PaymentEventType = get_model("order", "PaymentEventType")
PaymentEventQuantity = get_model("order", "PaymentEventQuantity")
UserAddress = get_model("address", "UserAddress")
OrderCreator = get_class("order.utils", "OrderCreator")
Selector = get_class("partner.strategy", "Selector")
Status = FulfilmentGroup.Status


class FulfilmentError(Exception):
    """An action on an order or part that its current state does not allow."""


class BasketNotPlaceable(FulfilmentError):
    pass


class CheckoutBusy(FulfilmentError):
    """Another order held the same stock too long; nothing was written."""


AkadChanged = akad.AkadChanged


@dataclass
class PlacedOrder:
    order: Order
    is_new: bool


def claim_effect(order, key):
    """Claim the once-only effect ``key`` of ``order``; False if already claimed."""
    _effect, created = OrderEffect.objects.get_or_create(
        key=key, defaults={"order": order}
    )
    return created


# Placing -------------------------------------------------------------------


def place_order(
    *,
    basket_id,
    user,
    shipping_address,
    shipping_choices,
    guest_email,
    language,
    akad_digest=None,
):
    """Place the order of basket ``basket_id`` in "awaiting payment", once.

    Allocates the stock under row locks and writes one fulfilment group per
    pesantren, each with its akad. ``akad_digest`` is the digest of the akad
    summaries the buyer confirmed at the preview: the checkout must give it,
    and the order is refused if what would be placed differs (AkadChanged).
    A basket that already became an order returns that order (``is_new``
    False), so a repeated submit never makes a second one.
    Raises InsufficientStock, ShippingUnavailable, BasketNotPlaceable,
    AkadChanged, or CheckoutBusy (rows held by another order past the lock
    timeout), with nothing written. Runs in its own transaction: call it
    outside any other.
    """
    try:
        return _place_order(
            basket_id=basket_id,
            user=user,
            shipping_address=shipping_address,
            shipping_choices=shipping_choices,
            guest_email=guest_email,
            language=language,
            akad_digest=akad_digest,
        )
    except AkadChanged:
        logger.warning(
            "Basket %s: akad changed since the preview, not placed", basket_id
        )
        raise
    except OperationalError as error:
        if not isinstance(error.__cause__, LockNotAvailable):
            raise
        logger.warning("Basket %s: stock rows busy, order not placed", basket_id)
        raise CheckoutBusy(
            _("Many people are ordering right now. Please try again.")
        ) from error


def _place_order(
    *,
    basket_id,
    user,
    shipping_address,
    shipping_choices,
    guest_email,
    language,
    akad_digest,
):
    with transaction.atomic():
        _limit_lock_wait()
        basket = Basket._default_manager.select_for_update().get(pk=basket_id)
        if basket.status == Basket.SUBMITTED:
            order = Order.objects.filter(basket=basket).first()
            if order is not None:
                return PlacedOrder(order, is_new=False)
        if basket.status not in (Basket.OPEN, Basket.FROZEN) or basket.is_empty:
            raise BasketNotPlaceable(_("This basket can no longer be ordered."))

        basket.strategy = Selector().strategy(user=user)
        Applicator().apply(basket, user)
        check_lines_buyable(basket)
        parts = plan_shipping(group_basket(basket), shipping_address, shipping_choices)
        check_shippable(parts)

        method = PerPesantrenShipping(parts)
        charge = method.calculate(basket)
        total = OrderTotalCalculator().calculate(basket, charge)
        check_order_total(total)
        shipping_address.save()
        if user.is_authenticated:
            save_to_address_book(user, shipping_address)
        order = OrderCreator().place_order(
            basket=basket,
            total=total,
            shipping_method=method,
            shipping_charge=charge,
            user=user if user.is_authenticated else None,
            shipping_address=shipping_address,
            guest_email="" if user.is_authenticated else guest_email,
            language=language,
        )
        groups = [create_group(order, part) for part in parts]
        # Raising here rolls the whole order back: nothing is written.
        akad.check_confirmed([group.akad for group in groups], akad_digest)
        basket.submit()
        queue_email(Kind.ORDER_PLACED, order)
    logger.info(
        "%s: placed, %d parts, total %s", order.number, len(parts), order.total_incl_tax
    )
    return PlacedOrder(order, is_new=True)


def _limit_lock_wait():
    """Give up waiting for locked rows after a while instead of hanging the request."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SET LOCAL lock_timeout = %s",
                [f"{settings.MARKETPLACE_CHECKOUT_LOCK_TIMEOUT_MS}ms"],
            )


def check_lines_buyable(basket):
    """Refuse lines no longer for sale (a suspended pesantren, a hidden product).

    Stock is not checked here but under the row locks of placing.
    """
    for line in basket.all_lines():
        selling = line.stockrecord_id and basket.strategy.is_selling(
            line.stockrecord.partner_id
        )
        if not (selling and line.product.is_public):
            raise BasketNotPlaceable(
                _("%(title)s can no longer be bought.")
                % {"title": line.product.get_title()}
            )


def check_order_total(total):
    """Refuse an order above MARKETPLACE_MAX_ORDER_TOTAL.

    Oscar's amount columns hold less than Rp10.000.000.000: a larger basket
    (eleven units at the highest price a seller may set) failed to save.
    """
    limit = settings.MARKETPLACE_MAX_ORDER_TOTAL
    if total.incl_tax > limit:
        raise BasketNotPlaceable(
            _(
                "One order can be at most %(limit)s. Please split your basket into "
                "smaller orders."
            )
            % {"limit": format_rupiah(limit)}
        )


def create_group(order, part):
    """The pesantren's part of ``order``, its fee, return window and akad fixed now."""
    option = part.chosen
    lines = list(
        order.lines.filter(partner_id=part.group.pesantren.partner_id)
        .select_related("product__parent")
        .order_by("pk")
    )
    fee = fee_for_lines((line.product, line.line_price_incl_tax) for line in lines)
    khiyar_days = max(
        (rule_for_product(line.product).khiyar_days for line in lines if line.product),
        default=settings.MARKETPLACE_KHIYAR_DAYS,
    )
    group = FulfilmentGroup.objects.create(
        order=order,
        pesantren=part.group.pesantren,
        subtotal=part.group.subtotal,
        shipping_method=(
            FulfilmentGroup.Method.PICKUP
            if option.is_pickup
            else FulfilmentGroup.Method.DELIVERY
        ),
        shipping_service=option.name,
        shipping_charge=option.charge,
        estimated_days_min=option.days_min,
        estimated_days_max=option.days_max,
        weight_grams=part.group.weight_grams,
        platform_fee=fee.amount,
        platform_fee_percent=fee.percent,
        khiyar_days=khiyar_days,
    )
    akad.record_part_akad(
        group, lines, option, order.language or settings.LANGUAGE_CODE
    )
    return group


def save_to_address_book(user, shipping_address):
    """Keep the address in the buyer's book, counting its use (Oscar's rule)."""
    address = UserAddress.objects.filter(
        user=user, hash=shipping_address.generate_hash()
    ).first()
    if address is None:
        address = UserAddress(user=user)
        shipping_address.populate_alternative_model(address)
    address.num_orders_as_shipping_address += 1
    address.save()


# Payment outcomes (called by marketplace.payments with the order locked) ---


def mark_order_paid(order, attempt):
    """Record that ``attempt`` paid ``order``; its effects happen once.

    ``order`` must be locked. Returns False when the order cannot take the
    payment (cancelled meanwhile, or paid by another attempt): the caller
    must have it refunded.
    """
    if order.status not in (OrderStatus.PENDING_PAYMENT, OrderStatus.PAYMENT_REVIEW):
        return order.status == OrderStatus.PAID and _paid_by(order, attempt)
    if not claim_effect(order, f"paid:{order.pk}"):
        return True
    order.set_status(OrderStatus.PAID)
    stock.consume(order.lines.all())
    record_payment_event(order, attempt, "Paid", attempt.amount)
    for group in order.fulfilment_groups.select_related("pesantren"):
        move_group(group, Status.NEW, note=attempt.provider_order_id)
        ledger.post_part_paid(group)
        queue_email(Kind.PESANTREN_NEW_ORDER, order, group)
    queue_email(Kind.ORDER_PAID, order)
    logger.info("%s: paid by %s", order.number, attempt.provider_order_id)
    return True


def _paid_by(order, attempt):
    return order.payment_events.filter(reference=attempt.provider_order_id).exists()


def hold_order_for_review(order):
    """Hold a locked unpaid order while its payment is reviewed (no shipping)."""
    if order.status == OrderStatus.PENDING_PAYMENT:
        order.set_status(OrderStatus.PAYMENT_REVIEW)


def cancel_unpaid_order(order, reason):
    """Cancel a locked unpaid order and release its stock, once."""
    if order.status not in (OrderStatus.PENDING_PAYMENT, OrderStatus.PAYMENT_REVIEW):
        return False
    if not claim_effect(order, f"cancelled-unpaid:{order.pk}"):
        return False
    order.set_status(OrderStatus.CANCELLED)
    stock.release_allocations(order.lines.all())
    for group in order.fulfilment_groups.all():
        move_group(group, Status.CANCELLED, note=reason)
    logger.info("%s: cancelled unpaid (%s)", order.number, reason)
    return True


def mark_payment_reversed(order, attempt):
    """Block fulfilment of a locked paid (or completed) order whose payment
    was reversed or charged back."""
    if order.status not in (OrderStatus.PAID, OrderStatus.COMPLETED):
        return
    order.set_status(OrderStatus.PAYMENT_REVERSED)
    record_payment_event(order, attempt, "Reversed", attempt.amount)
    logger.error(
        "%s: payment %s reversed after settlement",
        order.number,
        attempt.provider_order_id,
    )


def record_payment_event(order, attempt, name, amount):
    event_type, _created = PaymentEventType.objects.get_or_create(name=name)
    event = PaymentEvent.objects.create(
        order=order,
        amount=amount,
        reference=attempt.provider_order_id,
        event_type=event_type,
    )
    PaymentEventQuantity.objects.bulk_create(
        [
            PaymentEventQuantity(event=event, line=line, quantity=line.quantity)
            for line in order.lines.all()
        ]
    )
    return event


# Parts: the pesantren's and the buyer's actions -----------------------------


def move_group(group, status, actor=None, note=""):
    """Move ``group`` to ``status`` along its pipeline and record the change."""
    if not group.can_move_to(status):
        raise FulfilmentError(
            _("This part cannot go from %(current)s to %(next)s.")
            % {"current": group.get_status_display(), "next": Status(status).label}
        )
    FulfilmentEvent.objects.create(
        group=group, from_status=group.status, to_status=status, actor=actor, note=note
    )
    group.status = status
    now = timezone.now()
    if status == Status.SHIPPED:
        group.date_shipped = now
    elif status == Status.RECEIVED:
        group.date_received = now
    elif status == Status.CANCELLED:
        group.date_cancelled = now
    group.save()


def _lock_part(groups, group_id):
    """Lock the order of a part, then the part itself, taken from ``groups``."""
    order_id = groups.values_list("order_id", flat=True).get(pk=group_id)
    order = Order.objects.select_for_update().get(pk=order_id)
    group = groups.select_for_update().select_related("pesantren").get(pk=group_id)
    return order, group


def _require_paid(order):
    if order.status != OrderStatus.PAID:
        raise FulfilmentError(_("This order is not paid, so it must not be sent."))


@transaction.atomic
def process_part(pesantren, group_id, actor):
    """Start preparing a paid part of ``pesantren``; another pesantren's raises DoesNotExist."""
    order, group = _lock_part(
        FulfilmentGroup.objects.for_pesantren(pesantren), group_id
    )
    _require_paid(order)
    move_group(group, Status.PROCESSING, actor=actor)
    return group


@transaction.atomic
def ship_part(pesantren, group_id, actor, courier, tracking_number):
    """Mark a paid part of ``pesantren`` shipped and tell the buyer.

    A delivered part needs the courier and tracking number; a pickup part
    is "shipped" when it is ready at the pondok.
    """
    order, group = _lock_part(
        FulfilmentGroup.objects.for_pesantren(pesantren), group_id
    )
    _require_paid(order)
    courier, tracking_number = courier.strip(), tracking_number.strip()
    if not group.is_pickup and not (courier and tracking_number):
        raise FulfilmentError(_("Enter the courier and the tracking number."))
    group.courier = courier or group.shipping_service
    group.tracking_number = tracking_number
    move_group(group, Status.SHIPPED, actor=actor)
    queue_email(Kind.PART_SHIPPED, order, group)
    logger.info("%s: part of %s shipped", order.number, pesantren)
    return group


@transaction.atomic
def cancel_part(pesantren, group_id, actor, reason):
    """Cancel a paid, unshipped part of ``pesantren``: stock back, refund recorded."""
    from marketplace.payments import refunds

    order, group = _lock_part(
        FulfilmentGroup.objects.for_pesantren(pesantren), group_id
    )
    _require_paid(order)
    if refunds.unaccounted_refund(order):
        # A refund made at the gateway may be this part's already.
        raise FulfilmentError(
            _(
                "KESAN is settling a refund on this order with the payment "
                "provider; the part can be cancelled once that is done."
            )
        )
    reason = reason.strip()
    if not reason:
        raise FulfilmentError(_("Give the buyer a reason for cancelling."))
    group.cancel_reason = reason
    move_group(group, Status.CANCELLED, actor=actor, note=reason)
    if claim_effect(order, f"restock:{group.pk}"):
        stock.restock(group.lines)
    refunds.refund_part(order, group, reason)
    ledger.refund_part(group)
    close_order_if_done(order)
    logger.info("%s: part of %s cancelled", order.number, pesantren)
    return group


@transaction.atomic
def confirm_received(order, group_id, actor):
    """The buyer confirms a shipped part arrived ("pesanan diterima").

    The money is released, unless a complaint is open on the part: then it
    stays held until the complaint is decided.
    """
    order, group = _lock_part(FulfilmentGroup.objects.filter(order=order), group_id)
    move_group(group, Status.RECEIVED, actor=actor)
    if not ledger.release_blocked(group):
        ledger.release_part(group)
    close_order_if_done(order)
    return group


def close_order_if_done(order):
    """Complete (or cancel) a locked paid order once every part is finished."""
    statuses = set(order.fulfilment_groups.values_list("status", flat=True))
    if order.status != OrderStatus.PAID or not statuses <= {
        Status.RECEIVED,
        Status.CANCELLED,
    }:
        return
    order.set_status(
        OrderStatus.COMPLETED if Status.RECEIVED in statuses else OrderStatus.CANCELLED
    )
