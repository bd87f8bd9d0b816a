"""Category rules in Django admin: what each category may sell and needs."""

from django.contrib import admin

from marketplace.compliance.models import CategoryRule


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
