"""Public pesantren pages: the directory (storefronts live in marketplace)."""

from django.views.generic import ListView

from pesantren import regions
from pesantren.selectors import pesantren_directory


class PesantrenDirectoryView(ListView):
    template_name = "pesantren/pesantren_list.html"
    context_object_name = "pesantren_list"
    paginate_by = 24

    def get_filters(self):
        province = self.request.GET.get("province", "")
        valid_provinces = {code for code, _name in regions.PROVINCE_CHOICES}
        return {
            "province_code": province if province in valid_provinces else "",
            "opop_only": self.request.GET.get("opop") == "1",
        }

    def get_queryset(self):
        return pesantren_directory(**self.get_filters())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(self.get_filters())
        context["provinces"] = regions.PROVINCE_CHOICES
        query = self.request.GET.copy()
        query.pop("page", None)
        context["page_query"] = query.urlencode()
        return context
