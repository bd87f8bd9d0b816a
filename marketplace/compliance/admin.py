"""Compliance in Django admin: category rules (what each category may sell
and needs) and the certificate documents sellers upload, to verify or reject."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from marketplace.compliance import services
from marketplace.compliance.models import Certificate, CategoryRule, CertificateNotice
from marketplace.compliance.views import document_response


@admin.register(CategoryRule)
class CategoryRuleAdmin(admin.ModelAdmin):
    list_display = [
        "category",
        "prohibited",
        "needs_halal_certificate",
        "needs_food_registration",
        "needs_bpom_cosmetic",
        "needs_bpom_traditional",
        "platform_fee_percent",
        "khiyar_days",
    ]
    list_filter = ["prohibited", "needs_halal_certificate"]
    list_select_related = ["category"]
    autocomplete_fields = ["category"]
    search_fields = ["category__name"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if "prohibited" in form.changed_data or (obj.prohibited and not change):
            hidden = services.apply_prohibition(obj)
            if obj.prohibited:
                message = ngettext(
                    "%(category)s and its sub-categories are hidden; "
                    "%(count)d product was taken off sale.",
                    "%(category)s and its sub-categories are hidden; "
                    "%(count)d products were taken off sale.",
                    hidden,
                )
                self.message_user(
                    request,
                    message % {"category": obj.category, "count": hidden},
                    messages.WARNING,
                )

    def delete_model(self, request, obj):
        was_prohibited = obj.prohibited
        super().delete_model(request, obj)
        if was_prohibited:
            obj.prohibited = False
            services.apply_prohibition(obj)


class CertificateForm(forms.ModelForm):
    class Meta:
        model = Certificate
        fields = ["status", "rejection_reason", "expires_on"]

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("status") == Certificate.Status.REJECTED
            and not cleaned.get("rejection_reason", "").strip()
        ):
            raise ValidationError(
                {"rejection_reason": _("Write why the document is rejected.")}
            )
        return cleaned


class CertificateNoticeInline(admin.TabularInline):
    model = CertificateNotice
    extra = 0
    can_delete = False
    fields = readonly_fields = ["kind", "recipients", "date_queued", "date_sent"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Certificate)
class CertificateAdmin(admin.ModelAdmin):
    form = CertificateForm
    list_display = [
        "number",
        "product",
        "status",
        "expires_on",
        "date_uploaded",
        "verified_by",
        "date_verified",
    ]
    list_filter = ["status", "kind"]
    search_fields = ["number", "product__title"]
    list_select_related = ["product", "verified_by"]
    readonly_fields = [
        "product_link",
        "kind",
        "number",
        "current_number",
        "document_link",
        "uploaded_by",
        "date_uploaded",
        "verified_by",
        "date_verified",
    ]
    fields = [*readonly_fields, "status", "rejection_reason", "expires_on"]
    actions = ["verify"]
    inlines = [CertificateNoticeInline]

    def has_add_permission(self, request):
        return False  # Sellers upload documents; admins check them.

    @admin.display(description=_("Product"))
    def product_link(self, obj):
        url = reverse("admin:catalogue_product_change", args=[obj.product_id])
        return format_html('<a href="{}">{}</a>', url, obj.product)

    @admin.display(description=_("Number on the product now"))
    def current_number(self, obj):
        return obj.product_number() or "–"

    @admin.display(description=_("File"))
    def document_link(self, obj):
        url = reverse("admin:marketplace_certificate_document", args=[obj.pk])
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>', url, _("Open")
        )

    def get_urls(self):
        return [
            path(
                "<int:pk>/document/",
                self.admin_site.admin_view(self.document_view),
                name="marketplace_certificate_document",
            ),
            *super().get_urls(),
        ]

    def document_view(self, request, pk):
        certificate = get_object_or_404(Certificate, pk=pk)
        if not self.has_view_permission(request, certificate):
            from django.core.exceptions import PermissionDenied

            raise PermissionDenied
        return document_response(certificate)

    def save_model(self, request, obj, form, change):
        if "status" in form.changed_data:
            if obj.status == Certificate.Status.VERIFIED:
                services.verify_certificate(obj, request.user)
            elif obj.status == Certificate.Status.REJECTED:
                services.reject_certificate(obj, request.user, obj.rejection_reason)
            else:
                obj.verified_by, obj.date_verified = None, None
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Verify the selected documents"))
    def verify(self, request, queryset):
        for certificate in queryset:
            services.verify_certificate(certificate, request.user)
        count = queryset.count()
        self.message_user(
            request,
            ngettext(
                "%(count)d document verified.", "%(count)d documents verified.", count
            )
            % {"count": count},
        )
