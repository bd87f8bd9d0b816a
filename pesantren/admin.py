"""Curation of pesantren in Django admin.

Status, OPOP and featuring change only through the actions below, which call
pesantren.services so that every decision is stored with who, when and why;
the change form shows them read-only, with the history inline.
"""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db.models import Count
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from pesantren import regions, services
from pesantren.forms import DecisionForm, OpopForm
from pesantren.models import CurationEvent, Invitation, Membership, Pesantren

CURATED_FIELDS = [
    "status",
    "is_opop_member",
    "opop_level",
    "opop_pillar",
    "is_featured",
]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    raw_id_fields = ["user"]
    fields = ["user", "role", "date_joined"]
    readonly_fields = ["date_joined"]


class CurationEventInline(admin.TabularInline):
    model = CurationEvent
    extra = 0
    can_delete = False
    verbose_name_plural = _("Decisions")
    fields = [
        "date_created",
        "kind",
        "actor",
        "reason",
        "status_before",
        "status_after",
        "opop_level",
        "opop_pillar",
    ]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class InvitationInline(admin.TabularInline):
    model = Invitation
    extra = 0
    can_delete = False
    fields = ["email", "role", "status", "invited_by", "date_created", "date_answered"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ProvinceFilter(admin.SimpleListFilter):
    title = _("Province")
    parameter_name = "province"

    def lookups(self, request, model_admin):
        used = set(Pesantren.objects.values_list("province_code", flat=True))
        return [(code, name) for code, name in regions.PROVINCE_CHOICES if code in used]

    def queryset(self, request, queryset):
        return queryset.filter(province_code=self.value()) if self.value() else queryset


@admin.register(Pesantren)
class PesantrenAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "status",
        "province",
        "opop",
        "is_featured",
        "product_count",
        "date_created",
    ]
    list_filter = [
        "status",
        ProvinceFilter,
        "is_opop_member",
        "opop_pillar",
        "opop_level",
        "is_featured",
        "legal_entity_type",
    ]
    search_fields = [
        "name",
        "slug",
        "legal_entity_name",
        "leader_name",
        "nib",
        "memberships__user__email",
    ]
    date_hierarchy = "date_created"
    readonly_fields = [*CURATED_FIELDS, "partner", "date_created", "date_updated"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "name",
                    "slug",
                    "short_description",
                    "description",
                    "logo",
                    "banner",
                    "leader_name",
                    "founded_year",
                    "whatsapp_number",
                ]
            },
        ),
        (_("Curation"), {"fields": [*CURATED_FIELDS, "date_created", "date_updated"]}),
        (
            _("Legal seller"),
            {"fields": ["legal_entity_type", "legal_entity_name", "nib", "tax_number"]},
        ),
        (
            _("Address"),
            {
                "fields": [
                    "province_code",
                    "regency_code",
                    "district_code",
                    "postcode",
                    "address",
                ]
            },
        ),
        (
            _("Payouts"),
            {"fields": ["bank_name", "bank_account_number", "bank_account_holder"]},
        ),
        (_("Oscar"), {"fields": ["partner"]}),
    ]
    inlines = [CurationEventInline, MembershipInline, InvitationInline]
    actions = [
        "verify",
        "reject",
        "suspend",
        "reinstate",
        "mark_opop",
        "unmark_opop",
        "feature",
        "unfeature",
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(product_count=Count("partner__stockrecords", distinct=True))
        )

    def has_add_permission(self, request):
        # Pesantren join through the application form, never from here.
        return False

    def has_delete_permission(self, request, obj=None):
        # Suspend instead: orders and payouts keep pointing at the pesantren.
        return False

    @admin.display(description=_("Province"), ordering="province_code")
    def province(self, obj):
        return obj.province_name

    @admin.display(description=_("OPOP"), ordering="is_opop_member")
    def opop(self, obj):
        if not obj.is_opop_member:
            return "—"
        return f"{obj.get_opop_level_display()} · {obj.get_opop_pillar_display()}"

    @admin.display(description=_("Products"), ordering="product_count")
    def product_count(self, obj):
        return obj.product_count

    # Status decisions --------------------------------------------------------

    @admin.action(
        description=_("Verify the selected pesantren"), permissions=["change"]
    )
    def verify(self, request, queryset):
        return self._decide(request, queryset, "verify", reason_required=False)

    @admin.action(
        description=_("Reject the selected applications"), permissions=["change"]
    )
    def reject(self, request, queryset):
        return self._decide(request, queryset, "reject", reason_required=True)

    @admin.action(
        description=_("Suspend the selected pesantren"), permissions=["change"]
    )
    def suspend(self, request, queryset):
        return self._decide(request, queryset, "suspend", reason_required=True)

    @admin.action(
        description=_("Reinstate the selected pesantren"), permissions=["change"]
    )
    def reinstate(self, request, queryset):
        return self._decide(request, queryset, "reinstate", reason_required=False)

    def _decide(self, request, queryset, decision, *, reason_required):
        """Ask for the reason on an intermediate page, then apply ``decision``."""
        applicable = [p for p in queryset if services.can_decide(p, decision)]
        skipped = [p for p in queryset if not services.can_decide(p, decision)]
        form = DecisionForm(
            request.POST if "apply" in request.POST else None,
            reason_required=reason_required,
        )
        if applicable and form.is_valid():
            for pesantren in applicable:
                services.decide(
                    pesantren,
                    decision,
                    actor=request.user,
                    reason=form.cleaned_data["reason"],
                )
            self._report(request, applicable, skipped)
            return None
        if not applicable:
            self._report(request, applicable, skipped)
            return None
        return self._confirmation_page(
            request, queryset, decision, form, applicable, skipped
        )

    # OPOP and featuring ------------------------------------------------------

    @admin.action(
        description=_("Mark as OPOP (level and pillar)"), permissions=["change"]
    )
    def mark_opop(self, request, queryset):
        form = OpopForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            for pesantren in queryset:
                services.mark_opop(
                    pesantren,
                    actor=request.user,
                    level=form.cleaned_data["level"],
                    pillar=form.cleaned_data["pillar"],
                    reason=form.cleaned_data["reason"],
                )
            self._report(request, list(queryset), [])
            return None
        return self._confirmation_page(
            request, queryset, "mark_opop", form, list(queryset), []
        )

    @admin.action(description=_("Remove the OPOP mark"), permissions=["change"])
    def unmark_opop(self, request, queryset):
        marked = [p for p in queryset if p.is_opop_member]
        for pesantren in marked:
            services.unmark_opop(pesantren, actor=request.user)
        self._report(request, marked, [p for p in queryset if not p.is_opop_member])

    @admin.action(description=_("Feature on the home page"), permissions=["change"])
    def feature(self, request, queryset):
        self._set_featured(request, queryset, featured=True)

    @admin.action(description=_("Stop featuring"), permissions=["change"])
    def unfeature(self, request, queryset):
        self._set_featured(request, queryset, featured=False)

    def _set_featured(self, request, queryset, *, featured):
        changed, skipped = [], []
        for pesantren in queryset:
            event = services.set_featured(
                pesantren, actor=request.user, featured=featured
            )
            (changed if event else skipped).append(pesantren)
        self._report(request, changed, skipped)

    # Pages and messages ------------------------------------------------------

    def _confirmation_page(self, request, queryset, action, form, applicable, skipped):
        context = {
            **self.admin_site.each_context(request),
            "title": dict(self.get_action_choices(request))[action],
            "opts": self.model._meta,
            "action": action,
            "form": form,
            "applicable": applicable,
            "skipped": skipped,
            "queryset": queryset,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/pesantren/decision_form.html", context)

    def _report(self, request, changed, skipped):
        if changed:
            self.message_user(
                request,
                ngettext(
                    "Done for %(count)d pesantren: %(names)s.",
                    "Done for %(count)d pesantren: %(names)s.",
                    len(changed),
                )
                % {"count": len(changed), "names": ", ".join(p.name for p in changed)},
                messages.SUCCESS,
            )
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "Skipped %(count)d pesantren to which this does not apply: "
                    "%(names)s.",
                    "Skipped %(count)d pesantren to which this does not apply: "
                    "%(names)s.",
                    len(skipped),
                )
                % {"count": len(skipped), "names": ", ".join(p.name for p in skipped)},
                messages.WARNING,
            )


@admin.register(CurationEvent)
class CurationEventAdmin(admin.ModelAdmin):
    list_display = ["date_created", "pesantren", "kind", "actor", "reason"]
    list_filter = ["kind"]
    search_fields = ["pesantren__name", "reason"]
    list_select_related = ["pesantren", "actor"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
