"""Reviews in Django admin: published at once, hidden by an admin.

Hiding sets Oscar's "rejected" status; every change goes through
``save()`` or ``delete()`` (or recounts after a bulk delete), so the
product's rating and count always follow.
"""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from oscar.core.loading import get_model

Product = get_model("catalogue", "Product")
ProductReview = get_model("reviews", "ProductReview")
Vote = get_model("reviews", "Vote")


@admin.register(ProductReview)
class ProductReviewAdmin(admin.ModelAdmin):
    list_display = (
        "product",
        "score",
        "title",
        "user",
        "order",
        "status",
        "date_created",
    )
    list_filter = ("status", "score")
    list_select_related = ("product", "user", "order")
    search_fields = ("title", "body", "user__email", "product__title", "order__number")
    fields = (
        "product",
        "user",
        "order",
        "score",
        "title",
        "body",
        "status",
        "date_created",
    )
    # The reviewer's words are theirs: an admin may only hide or show them.
    readonly_fields = (
        "product",
        "user",
        "order",
        "score",
        "title",
        "body",
        "date_created",
    )
    actions = ("hide_reviews", "publish_reviews")

    def has_add_permission(self, request):
        return False

    def delete_queryset(self, request, queryset):
        # A bulk delete skips ProductReview.delete(): recount by hand.
        products = list(Product.objects.filter(reviews__in=queryset).distinct())
        super().delete_queryset(request, queryset)
        for product in products:
            product.update_rating()

    @admin.action(description=_("Hide the selected reviews"))
    def hide_reviews(self, request, queryset):
        self._set_status(request, queryset, ProductReview.REJECTED)

    @admin.action(description=_("Publish the selected reviews"))
    def publish_reviews(self, request, queryset):
        self._set_status(request, queryset, ProductReview.APPROVED)

    def _set_status(self, request, queryset, status):
        changed = 0
        for review in queryset.exclude(status=status).select_related("product"):
            review.status = status
            review.save()
            changed += 1
        self.message_user(
            request,
            ngettext("%(count)d review changed.", "%(count)d reviews changed.", changed)
            % {"count": changed},
            messages.SUCCESS,
        )


@admin.register(Vote)
class VoteAdmin(admin.ModelAdmin):
    list_display = ("review", "user", "delta", "date_created")
