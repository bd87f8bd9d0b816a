"""Catalogue pages served from the database, not from Haystack.

Oscar 4.2's browse and category pages are Haystack views, which list nothing
with the simple engine and run an N+1 with the others. These list products
with ``marketplace.selectors`` in a constant number of queries.
"""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from oscar.apps.catalogue.views import ProductDetailView as OscarProductDetailView

from forks.catalogue.models import Category
from marketplace import selectors
from marketplace.compliance.rules import rule_for_product
from marketplace.compliance.selectors import verified_halal
from marketplace.listing import ProductListView
from marketplace.reviews import selectors as reviews


class CatalogueView(ProductListView):
    template_name = "marketplace/catalogue.html"


class ProductCategoryView(ProductListView):
    template_name = "marketplace/category.html"

    def get(self, request, *args, **kwargs):
        self.category = get_object_or_404(Category, pk=kwargs["pk"], is_public=True)
        expected = self.category.get_absolute_url()
        if request.path != expected:
            query = request.META.get("QUERY_STRING")
            return HttpResponsePermanentRedirect(f"{expected}?{query}" if query else expected)
        return super().get(request, *args, **kwargs)

    def get_products(self, sort):
        return selectors.products_in_category(self.category, sort)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["category"] = self.category
        context["ancestors"] = Category.objects.get_ancestors(self.category)
        context["subcategories"] = Category.objects.get_children(self.category).filter(
            is_public=True
        )
        return context


class ProductDetailView(OscarProductDetailView):
    template_name = "marketplace/product_detail.html"

    def get_queryset(self):
        return selectors.product_for_detail(include_hidden=self.request.user.is_staff)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["pesantren"] = selectors.selling_pesantren(self.object)
        context["rating"] = reviews.rating_summary(self.object)
        paginator = Paginator(
            reviews.approved_reviews(self.object), settings.OSCAR_REVIEWS_PER_PAGE
        )
        context["reviews_page"] = paginator.get_page(self.request.GET.get("reviews"))
        context["halal_verified"] = verified_halal(self.object)
        # The return window the buyer will agree to in the akad.
        context["khiyar"] = rule_for_product(self.object)
        return context
