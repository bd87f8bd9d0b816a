"""Django admin for complaints: the thread and photos, read only, and the
operators' decision (release or refund), taken through the service."""

from django.contrib import admin, messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from marketplace.complaints import services
from marketplace.complaints.forms import DecisionForm
from marketplace.complaints.models import Complaint, ComplaintMessage, ComplaintPhoto
from marketplace.complaints.views import serve_photo
from marketplace.ledger import services as ledger
from marketplace.money import format_rupiah


class ComplaintMessageInline(admin.TabularInline):
    model = ComplaintMessage
    extra = 0
    can_delete = False
    readonly_fields = ["author", "user", "body", "date_created"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Complaint)
class ComplaintAdmin(admin.ModelAdmin):
    list_display = ["pk", "group", "reason", "status", "decision", "date_created"]
    list_filter = ["status", "reason", "decision"]
    search_fields = ["group__order__number", "group__pesantren__name"]
    list_select_related = ["group__order", "group__pesantren"]
    inlines = [ComplaintMessageInline]
    readonly_fields = [
        "group",
        "buyer",
        "reason",
        "description",
        "photo_links",
        "status",
        "decision",
        "refund_amount",
        "decision_note",
        "decided_by",
        "date_created",
        "date_resolved",
        "decide_link",
    ]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=gettext_lazy("Photos"))
    def photo_links(self, complaint):
        return (
            format_html_join(
                " ",
                '<a href="{}" target="_blank"><img src="{}" alt="" height="120"></a>',
                (
                    (self.photo_url(photo), self.photo_url(photo))
                    for photo in complaint.photos.all()
                ),
            )
            or "—"
        )

    @admin.display(description=gettext_lazy("Settle"))
    def decide_link(self, complaint):
        if not complaint.is_open:
            return "—"
        return format_html(
            '<a class="button" href="{}">{}</a>',
            reverse("admin:marketplace_complaint_decide", args=[complaint.pk]),
            _("Decide this complaint"),
        )

    @staticmethod
    def photo_url(photo):
        return reverse("admin:marketplace_complaint_photo", args=[photo.pk])

    def get_urls(self):
        return [
            path(
                "<int:complaint_id>/decide/",
                self.admin_site.admin_view(self.decide_view),
                name="marketplace_complaint_decide",
            ),
            path(
                "photos/<int:photo_id>/",
                self.admin_site.admin_view(self.photo_view),
                name="marketplace_complaint_photo",
            ),
            *super().get_urls(),
        ]

    def photo_view(self, request, photo_id):
        if not self.has_view_permission(request):
            raise Http404
        return serve_photo(get_object_or_404(ComplaintPhoto, pk=photo_id))

    def decide_view(self, request, complaint_id):
        complaint = get_object_or_404(
            Complaint.objects.select_related("group__order", "group__pesantren"),
            pk=complaint_id,
        )
        if not self.has_change_permission(request, complaint):
            raise Http404
        refundable = ledger.refundable_amount(complaint.group)
        form = DecisionForm(request.POST or None, refundable=refundable)
        if request.method == "POST" and complaint.is_open and form.is_valid():
            try:
                services.resolve_complaint(
                    complaint.pk,
                    form.cleaned_data["decision"],
                    actor=request.user,
                    note=form.cleaned_data["note"],
                    amount=form.cleaned_data["amount"],
                )
            except services.ComplaintRefused as refusal:
                form.add_error(None, str(refusal))
            else:
                self.message_user(request, _("The complaint is resolved."))
                return redirect("admin:marketplace_complaint_change", complaint.pk)
        if not complaint.is_open:
            messages.info(request, _("This complaint is already resolved."))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Decide complaint %(number)s") % {"number": complaint.pk},
            "complaint": complaint,
            "form": form,
            "refundable": format_rupiah(refundable),
            "part_total": format_rupiah(complaint.group.total),
        }
        return TemplateResponse(
            request, "admin/marketplace/complaint/decide.html", context
        )
