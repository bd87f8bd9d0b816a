"""The product listing shared by the catalogue, category, search and
storefront pages: sorting, page size and pagination from the querystring."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView

from marketplace import selectors

SORT_LABELS = {
    "newest": _("Newest"),
    "price_asc": _("Lowest price"),
    "price_desc": _("Highest price"),
    "title": _("Name A-Z"),
}


class ProductListView(ListView):
    """A paginated list of product cards; subclasses choose the products."""

    context_object_name = "products"
    template_name = "marketplace/product_list.html"
    page_kwarg = "page"

    def get_sort(self):
        sort = self.request.GET.get("sort", selectors.DEFAULT_SORT)
        return sort if sort in selectors.SORTS else selectors.DEFAULT_SORT

    def get_paginate_by(self, queryset):
        default = settings.MARKETPLACE_PRODUCTS_PER_PAGE
        try:
            requested = int(self.request.GET.get("per_page", default))
        except ValueError:
            return default
        return min(max(requested, 1), settings.MARKETPLACE_MAX_PRODUCTS_PER_PAGE)

    def get_products(self, sort):
        return selectors.listed_products(sort)

    def get_queryset(self):
        return self.get_products(self.get_sort())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sort"] = self.get_sort()
        context["sort_labels"] = SORT_LABELS
        query = self.request.GET.copy()
        query.pop(self.page_kwarg, None)
        context["page_query"] = query.urlencode()
        return context
