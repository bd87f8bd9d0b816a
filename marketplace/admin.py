"""Read-only views of what sellers did, for KESAN's support staff."""

from django.contrib import admin

from marketplace.models import ProductImport, StockChange


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


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
