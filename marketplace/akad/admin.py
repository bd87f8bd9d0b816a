"""The confirmed akad in Django admin: to read, never to change."""

from django.contrib import admin

from marketplace.akad.models import AkadRecord


@admin.register(AkadRecord)
class AkadRecordAdmin(admin.ModelAdmin):
    list_display = ["group", "language", "confirmed_at", "digest"]
    search_fields = ["group__order__number", "group__pesantren__name", "digest"]
    list_select_related = ["group__order", "group__pesantren"]
    readonly_fields = ["group", "summary", "language", "digest", "confirmed_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
