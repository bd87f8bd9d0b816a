"""The basket of a marketplace: lines grouped by the pesantren that sells
them, and one rule for merging the basket of a visitor who signs in.

Merge rule: the anonymous basket of this browser is added into the buyer's
saved basket, quantities of the same product added together and capped by
the stock available; the buyer is told each line that changed. Only the
basket named by this browser's own signed cookie is merged, and only while
it belongs to nobody, so a basket is never taken over from another session.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.utils import timezone
from oscar.apps.basket.middleware import BasketMiddleware as OscarBasketMiddleware
from oscar.apps.checkout.utils import CheckoutSessionData
from oscar.core.loading import get_model

from pesantren.models import Pesantren

Basket = get_model("basket", "Basket")
ShippingAddress = get_model("order", "ShippingAddress")
UserAddress = get_model("address", "UserAddress")


@dataclass
class BasketGroup:
    """The lines of one pesantren in a basket, with their subtotal and weight."""

    pesantren: Pesantren | None
    lines: list = field(default_factory=list)
    subtotal: Decimal = Decimal(0)
    weight_grams: int = 0

    @property
    def pesantren_id(self):
        return self.pesantren.pk if self.pesantren else None

    @property
    def num_items(self):
        return sum(line.quantity for line in self.lines)


def line_weight_grams(line):
    """The shipping weight of a basket or order line, with a default per unit."""
    weight = line.product.weight_grams if line.product else None
    return (weight or settings.MARKETPLACE_DEFAULT_WEIGHT_GRAMS) * line.quantity


def group_lines(lines):
    """Group basket lines by pesantren, in the order the buyer added them."""
    lines = list(lines)
    partner_ids = {line.stockrecord.partner_id for line in lines if line.stockrecord_id}
    pesantren_by_partner = {
        pesantren.partner_id: pesantren
        for pesantren in Pesantren.objects.filter(partner_id__in=partner_ids)
    }
    groups = {}
    for line in lines:
        partner_id = line.stockrecord.partner_id if line.stockrecord_id else None
        group = groups.get(partner_id)
        if group is None:
            group = groups[partner_id] = BasketGroup(
                pesantren_by_partner.get(partner_id)
            )
        group.lines.append(line)
        if line.line_price_incl_tax_incl_discounts is not None:
            group.subtotal += line.line_price_incl_tax_incl_discounts
        group.weight_grams += line_weight_grams(line)
    return list(groups.values())


def group_basket(basket):
    """Group the lines of ``basket`` (with its strategy set) by pesantren."""
    return group_lines(basket.all_lines())


def basket_destination(request):
    """Where the basket will probably go: the address chosen in this checkout,
    else the buyer's default address; None if unknown."""
    session = CheckoutSessionData(request)
    fields = session.new_shipping_address_fields()
    if fields and fields.get("village_code"):
        return ShippingAddress(village_code=fields["village_code"])
    addresses = UserAddress.objects.exclude(village_code="")
    if session.shipping_user_address_id() and request.user.is_authenticated:
        address = addresses.filter(
            user=request.user, pk=session.shipping_user_address_id()
        ).first()
        if address is not None:
            return address
    if request.user.is_authenticated:
        return (
            addresses.filter(user=request.user)
            .order_by("-is_default_for_shipping", "-num_orders_as_shipping_address")
            .first()
        )
    return None


@dataclass(frozen=True)
class MergedLine:
    title: str
    quantity: int
    capped: bool


def merge_baskets(target, source):
    """Move the lines of ``source`` into ``target`` by the merge rule.

    Return a MergedLine for every line added or changed. ``target`` must have
    its strategy set; ``source`` ends up MERGED.
    """
    changes = []
    existing = {line.line_reference: line for line in target.lines.all()}
    for line in source.lines.select_related("product", "stockrecord"):
        current = existing.get(line.line_reference)
        held = current.quantity if current else 0
        wanted = held + line.quantity
        available = available_quantity(target, line)
        quantity = wanted if available is None else max(held, min(wanted, available))
        if quantity == held and current is not None:
            if wanted > quantity:
                changes.append(MergedLine(line.product.get_title(), quantity, True))
            continue
        if current is None:
            if quantity > 0:
                line.basket = target
                line.quantity = quantity
                line.save()
        else:
            current.quantity = quantity
            current.save()
        changes.append(
            MergedLine(line.product.get_title(), quantity, wanted > quantity)
        )
    source.lines.filter(basket=source).delete()
    source.status = source.MERGED
    source.date_merged = timezone.now()
    source.save(update_fields=["status", "date_merged"])
    target.reset_offer_applications()
    return changes


def available_quantity(basket, line):
    """How many units of ``line``'s product may be bought, None for no limit."""
    availability = basket.strategy.fetch_for_line(line).availability
    if not availability.is_available_to_buy:
        return 0
    return availability.num_available


def merge_message(changes):
    parts = []
    for change in changes:
        if change.quantity == 0:
            parts.append(
                _("%(title)s is out of stock and was not added")
                % {"title": change.title}
            )
        elif change.capped:
            parts.append(
                _("%(title)s: %(quantity)d (all that is in stock)")
                % {"title": change.title, "quantity": change.quantity}
            )
        else:
            parts.append(
                _("%(title)s: %(quantity)d")
                % {"title": change.title, "quantity": change.quantity}
            )
    intro = ngettext(
        "The basket you filled before signing in was added to your saved basket "
        "(%(count)d line changed):",
        "The basket you filled before signing in was added to your saved basket "
        "(%(count)d lines changed):",
        len(changes),
    ) % {"count": len(changes)}
    return "%s %s." % (intro, "; ".join(parts))


class BasketMiddleware(OscarBasketMiddleware):
    """Oscar's basket middleware with the marketplace's merge rule and message."""

    def get_basket(self, request):
        if request._basket_cache is not None:
            return request._basket_cache
        user = getattr(request, "user", None)
        cookie_key = self.get_cookie_key(request)
        if (
            user is None
            or not user.is_authenticated
            or cookie_key not in request.COOKIES
        ):
            return super().get_basket(request)

        cookie_basket = self.get_cookie_basket(cookie_key, request, self.open_baskets())
        if cookie_basket is None:
            return super().get_basket(request)
        # Merge into the buyer's saved basket, then let Oscar load that one.
        # The cookie basket is locked and re-read, so that two requests
        # racing after sign-in cannot both add it.
        with transaction.atomic():
            source = (
                Basket._default_manager.select_for_update()
                .filter(pk=cookie_basket.pk, owner=None, status=Basket.OPEN)
                .first()
            )
            changes = []
            if source is not None:
                saved = self.open_baskets().filter(owner=user).order_by("pk").first()
                saved = saved or Basket.objects.create(owner=user)
                saved.strategy = request.strategy
                changes = merge_baskets(saved, source)
        request.cookies_to_delete.append(cookie_key)
        if changes:
            messages.info(request, merge_message(changes))
        return super().get_basket(request)

    def open_baskets(self):
        return Basket.open
