"""Public marketplace pages: home, pesantren storefront, product search."""

from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from marketplace import selectors
from marketplace.addresses import regions_in
from marketplace.listing import ProductListView
from marketplace.reviews import selectors as review_selectors
from pesantren.models import Pesantren


class HomeView(TemplateView):
    template_name = "marketplace/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["featured_pesantren"] = selectors.featured_pesantren()
        context["newest_products"] = selectors.listed_products()[:12]
        return context


class StorefrontView(ProductListView):
    """A pesantren's shop: its profile and its products, for verified ones only."""

    template_name = "marketplace/storefront.html"

    def get(self, request, *args, **kwargs):
        self.pesantren = get_object_or_404(
            review_selectors.with_rating(Pesantren.objects.public()), slug=kwargs["slug"]
        )
        self.categories = list(selectors.categories_with_products(self.pesantren))
        chosen = request.GET.get("category", "")
        self.category = next((c for c in self.categories if str(c.pk) == chosen), None)
        return super().get(request, *args, **kwargs)

    def get_products(self, sort):
        products = selectors.products_of_pesantren(self.pesantren, sort)
        if self.category is not None:
            products = selectors.in_category(products, self.category)
        return products

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["pesantren"] = self.pesantren
        context["categories"] = self.categories
        context["current_category"] = self.category
        return context


class ProductSearchView(ProductListView):
    template_name = "marketplace/search.html"

    def get_query(self):
        return self.request.GET.get("q", "").strip()[:100]

    def get_products(self, sort):
        query = self.get_query()
        if not query:
            return selectors.listed_products(sort).none()
        return selectors.search_products(query, sort)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["query"] = self.get_query()
        return context


@require_GET
@cache_control(max_age=86400, public=True)
def region_list(request):
    """The regions inside ``?parent=`` (provinces without it), for address lists."""
    parent = request.GET.get("parent", "")[:13] or None
    regions = regions_in(parent)
    return JsonResponse(
        {
            "regions": [
                {"code": region.code, "name": region.name, "postal_code": region.postal_code}
                for region in regions
            ]
        }
    )
