"""Payouts in Django admin: requests to review, CSV batches for the bank, and
the two decisions (paid with the transfer reference, or rejected with a
reason), each on its own small page calling one service."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from marketplace.money import format_rupiah
from marketplace.payouts import export, services
from marketplace.payouts.forms import MarkPaidForm, RejectForm
from marketplace.payouts.models import PayoutBatch, PayoutRequest


def csv_response(batch):
    response = HttpResponse(
        export.batch_csv(batch), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{export.batch_filename(batch)}"'
    )
    return response


@admin.register(PayoutRequest)
class PayoutRequestAdmin(admin.ModelAdmin):
    list_display = [
        "request_code",
        "pesantren",
        "amount_rupiah",
        "status",
        "date_requested",
        "batch",
        "reference",
        "decision_links",
    ]
    list_filter = ["status", "pesantren"]
    search_fields = ["pesantren__name", "reference", "bank_account_holder"]
    list_select_related = ["pesantren", "batch"]
    actions = ["export_batch"]
    fields = [
        "pesantren",
        "amount",
        "status",
        "requested_by",
        "date_requested",
        "legal_entity_name",
        "bank_name",
        "bank_account_number",
        "bank_account_holder",
        "batch",
        "date_exported",
        "reference",
        "clawback_settled",
        "ledger_transaction",
        "rejection_reason",
        "decided_by",
        "date_decided",
        "date_owner_notified",
        "decision_links",
    ]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=gettext_lazy("Request"), ordering="pk")
    def request_code(self, payout):
        return payout.code

    @admin.display(description=gettext_lazy("Amount"), ordering="amount")
    def amount_rupiah(self, payout):
        return format_rupiah(payout.amount)

    @admin.display(description=gettext_lazy("Decide"))
    def decision_links(self, payout):
        if payout.pk is None or not payout.is_open:
            return "–"
        paid = reverse("admin:marketplace_payoutrequest_mark_paid", args=[payout.pk])
        rejected = reverse("admin:marketplace_payoutrequest_reject", args=[payout.pk])
        if payout.status == PayoutRequest.Status.EXPORTED:
            return format_html(
                '<a href="{}">{}</a> · <a href="{}">{}</a>',
                paid,
                _("Mark paid"),
                rejected,
                _("Reject"),
            )
        return format_html('<a href="{}">{}</a>', rejected, _("Reject"))

    @admin.action(
        description=gettext_lazy("Export the selected requests as a CSV batch"),
        permissions=["change"],
    )
    def export_batch(self, request, queryset):
        batch = services.export_batch(
            list(queryset.values_list("pk", flat=True)), request.user
        )
        if batch is None:
            self.message_user(
                request,
                _("None of the selected requests is waiting to be exported."),
                messages.WARNING,
            )
            return None
        return csv_response(batch)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<int:payout_pk>/mark-paid/",
                view(self.mark_paid_view),
                name="marketplace_payoutrequest_mark_paid",
            ),
            path(
                "<int:payout_pk>/reject/",
                view(self.reject_view),
                name="marketplace_payoutrequest_reject",
            ),
            *super().get_urls(),
        ]

    def mark_paid_view(self, request, payout_pk):
        return self._decision_view(
            request,
            payout_pk,
            MarkPaidForm,
            _("Mark paid"),
            lambda payout, data: services.mark_paid(
                payout.pk, data["reference"], request.user
            ),
            _("%(code)s is recorded as paid."),
        )

    def reject_view(self, request, payout_pk):
        return self._decision_view(
            request,
            payout_pk,
            RejectForm,
            _("Reject"),
            lambda payout, data: services.reject(
                payout.pk, data["reason"], request.user
            ),
            _("%(code)s is rejected."),
        )

    def _decision_view(self, request, payout_pk, form_class, title, decide, done):
        """A form page for one decision; POST applies it through ``decide``."""
        payout = get_object_or_404(
            PayoutRequest.objects.select_related("pesantren"), pk=payout_pk
        )
        if not self.has_change_permission(request, payout):
            raise PermissionDenied
        form = form_class(request.POST if request.method == "POST" else None)
        if form.is_valid():
            try:
                decide(payout, form.cleaned_data)
            except services.PayoutError as error:
                self.message_user(request, str(error), messages.ERROR)
            else:
                self.message_user(
                    request, done % {"code": payout.code}, messages.SUCCESS
                )
                return redirect("admin:marketplace_payoutrequest_changelist")
        context = {
            **self.admin_site.each_context(request),
            "title": f"{title}: {payout.code}",
            "opts": self.model._meta,
            "payout": payout,
            "form": form,
        }
        return TemplateResponse(request, "admin/payouts/decision_form.html", context)


@admin.register(PayoutBatch)
class PayoutBatchAdmin(admin.ModelAdmin):
    list_display = [
        "batch_code",
        "date_created",
        "created_by",
        "request_count",
        "download",
    ]
    readonly_fields = ["created_by", "date_created"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(request_total=Count("requests"))

    @admin.display(description=gettext_lazy("Batch"), ordering="pk")
    def batch_code(self, batch):
        return batch.code

    @admin.display(description=gettext_lazy("Requests"))
    def request_count(self, batch):
        return batch.request_total

    @admin.display(description=gettext_lazy("CSV"))
    def download(self, batch):
        url = reverse("admin:marketplace_payoutbatch_csv", args=[batch.pk])
        return format_html('<a href="{}">{}</a>', url, _("Download"))

    def get_urls(self):
        return [
            path(
                "<int:batch_pk>/csv/",
                self.admin_site.admin_view(self.csv_view),
                name="marketplace_payoutbatch_csv",
            ),
            *super().get_urls(),
        ]

    def csv_view(self, request, batch_pk):
        if not self.has_view_permission(request):
            raise PermissionDenied
        return csv_response(get_object_or_404(PayoutBatch, pk=batch_pk))
