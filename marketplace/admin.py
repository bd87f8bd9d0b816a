"""Django admin for the operators: shipping tables; read-only views of order
parts and payments, with the refunds that need a manual transfer; and of
what sellers did (stock changes, imports)."""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from marketplace.akad import admin as akad_admin  # noqa: F401 (registers)
from marketplace.complaints import admin as complaints_admin  # noqa: F401 (registers)
from marketplace.compliance import admin as compliance_admin  # noqa: F401 (registers)
from marketplace.fulfilment.models import FulfilmentEvent, FulfilmentGroup
from marketplace.ledger.models import LedgerAccount, LedgerEntry, LedgerTransaction
from marketplace.money import format_rupiah
from marketplace.payments.models import (
    PaymentAttempt,
    PaymentNotification,
    PaymentTransition,
    Refund,
)
from marketplace.payouts import admin as payouts_admin  # noqa: F401 (registers)
from marketplace.seller.models import ProductImport, StockChange
from marketplace.shipping.models import ShippingProfile, ShippingRate, WeightBand


class WeightBandInline(admin.TabularInline):
    model = WeightBand
    extra = 1


@admin.register(ShippingRate)
class ShippingRateAdmin(admin.ModelAdmin):
    list_display = [
        "pesantren",
        "name",
        "destination_province_code",
        "kind",
        "flat_fee",
        "is_active",
    ]
    list_filter = ["kind", "is_active"]
    search_fields = ["pesantren__name", "name"]
    inlines = [WeightBandInline]


@admin.register(ShippingProfile)
class ShippingProfileAdmin(admin.ModelAdmin):
    list_display = ["pesantren", "offers_pickup"]


class ReadOnlyAdmin(admin.ModelAdmin):
    """Payments and parts change only through their services, never by hand."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class FulfilmentEventInline(admin.TabularInline):
    model = FulfilmentEvent
    extra = 0
    can_delete = False
    readonly_fields = ["from_status", "to_status", "actor", "note", "date_created"]


@admin.register(FulfilmentGroup)
class FulfilmentGroupAdmin(ReadOnlyAdmin):
    list_display = [
        "order",
        "pesantren",
        "status",
        "subtotal",
        "shipping_charge",
        "tracking_number",
    ]
    list_filter = ["status", "shipping_method"]
    search_fields = ["order__number", "pesantren__name", "tracking_number"]
    inlines = [FulfilmentEventInline]


class LedgerEntryInline(admin.TabularInline):
    model = LedgerEntry
    extra = 0
    can_delete = False
    readonly_fields = ["account", "amount", "fee", "fee_percent"]


@admin.register(LedgerTransaction)
class LedgerTransactionAdmin(ReadOnlyAdmin):
    """The ledger is posted by its services only; a correction is a new posting."""

    list_display = ["key", "kind", "order", "date_created"]
    list_filter = ["kind"]
    search_fields = ["key", "order__number", "group__pesantren__name"]
    inlines = [LedgerEntryInline]


@admin.register(LedgerAccount)
class LedgerAccountAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "kind", "pesantren"]
    list_filter = ["kind"]
    search_fields = ["pesantren__name"]


class PaymentTransitionInline(admin.TabularInline):
    model = PaymentTransition
    extra = 0
    can_delete = False
    readonly_fields = [
        "source",
        "provider_status",
        "from_status",
        "to_status",
        "is_applied",
        "note",
        "date_created",
    ]


@admin.register(PaymentAttempt)
class PaymentAttemptAdmin(ReadOnlyAdmin):
    list_display = [
        "provider_order_id",
        "order",
        "gateway",
        "status",
        "amount",
        "payment_type",
        "requires_refund",
    ]
    list_filter = ["status", "gateway", "requires_refund"]
    search_fields = ["provider_order_id", "order__number", "transaction_id"]
    inlines = [PaymentTransitionInline]


@admin.register(PaymentNotification)
class PaymentNotificationAdmin(ReadOnlyAdmin):
    list_display = [
        "date_received",
        "provider_order_id",
        "transaction_status",
        "is_signature_valid",
        "outcome",
        "times_received",
    ]
    list_filter = ["is_signature_valid", "outcome"]
    search_fields = ["provider_order_id"]


class AttributeRefundForm(forms.Form):
    group = forms.ModelChoiceField(
        queryset=FulfilmentGroup.objects.none(),
        label=_("The part this refund was for"),
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, order, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = order.fulfilment_groups.select_related(
            "pesantren"
        ).order_by("pk")


@admin.register(Refund)
class RefundAdmin(ReadOnlyAdmin):
    """Refunds; one made at the gateway (its dashboard) names no part and
    keeps the order's money held until it is attributed to one here."""

    list_display = [
        "refund_key",
        "attempt",
        "amount",
        "status",
        "group",
        "attribution",
        "date_created",
    ]
    list_filter = ["status"]
    list_select_related = ["attempt", "group__order", "group__pesantren"]

    @admin.display(description=_("Part"))
    def attribution(self, refund):
        from marketplace.payments.refunds import gateway_refund_left, unaccounted_refund

        if (
            refund.group_id is not None
            or gateway_refund_left(refund) <= 0
            or not unaccounted_refund(refund.attempt.order)
        ):
            return "✓" if refund.group_id else "–"
        url = reverse("admin:marketplace_refund_attribute", args=[refund.pk])
        return format_html('<a href="{}">{}</a>', url, _("Attribute to a part"))

    def get_urls(self):
        return [
            path(
                "<int:refund_pk>/attribute/",
                self.admin_site.admin_view(self.attribute_view),
                name="marketplace_refund_attribute",
            ),
            *super().get_urls(),
        ]

    def attribute_view(self, request, refund_pk):
        from marketplace.payments.refunds import attribute_gateway_refund

        if not request.user.has_perm("marketplace.change_refund"):
            raise PermissionDenied
        refund = get_object_or_404(
            Refund.objects.select_related("attempt__order"), pk=refund_pk
        )
        order = refund.attempt.order
        form = AttributeRefundForm(request.POST or None, order=order)
        if request.method == "POST" and form.is_valid():
            try:
                amount = attribute_gateway_refund(refund, form.cleaned_data["group"])
            except ValueError as error:
                form.add_error(None, str(error))
            else:
                self.message_user(
                    request,
                    _("%(amount)s of the refund is now recorded against %(part)s.")
                    % {
                        "amount": format_rupiah(amount),
                        "part": form.cleaned_data["group"],
                    },
                )
                return redirect("admin:marketplace_refund_changelist")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Attribute a refund to a part"),
            "refund": refund,
            "order": order,
            "form": form,
        }
        return render(request, "admin/marketplace/refund/attribute.html", context)


@admin.register(StockChange)
class StockChangeAdmin(ReadOnlyAdmin):
    list_display = [
        "date_created",
        "stockrecord",
        "old_level",
        "new_level",
        "source",
        "user",
    ]
    list_filter = ["source"]
    search_fields = ["stockrecord__partner_sku", "stockrecord__product__title"]
    list_select_related = ["stockrecord__product", "user"]
    raw_id_fields = ["stockrecord", "user"]


@admin.register(ProductImport)
class ProductImportAdmin(ReadOnlyAdmin):
    list_display = [
        "date_created",
        "pesantren",
        "file_name",
        "status",
        "row_count",
        "created_count",
        "updated_count",
        "failed_count",
    ]
    list_filter = ["status"]
    search_fields = ["pesantren__name", "file_name"]
    list_select_related = ["pesantren"]
    exclude = ["rows"]
