from django.contrib import admin

from pesantren.models import Membership, Pesantren


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    raw_id_fields = ["user"]


@admin.register(Pesantren)
class PesantrenAdmin(admin.ModelAdmin):
    list_display = ["name", "status", "province_code", "is_opop_member", "is_featured"]
    list_filter = ["status", "is_opop_member", "is_featured", "province_code"]
    search_fields = ["name", "legal_entity_name", "leader_name"]
    prepopulated_fields = {"slug": ["name"]}
    raw_id_fields = ["partner"]
    inlines = [MembershipInline]
