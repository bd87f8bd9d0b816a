"""Public dakwah pages: home, articles, kajian, ustadz, categories, tags, search.

Unpublished content is 404 for the public; its writers (``can_write``) see a
preview with a banner, so they can check a draft before submitting it.
"""

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.views import View
from django.views.generic import ListView, TemplateView

from dakwah import ical, permissions, selectors
from dakwah.models import Category, Tag

ARTICLES_PER_PAGE = 12
KAJIAN_PER_PAGE = 20


class SectionMixin:
    """Marks the dakwah menu entry of the page (``dakwah_section``)."""

    dakwah_section = ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["dakwah_section"] = self.dakwah_section
        return context


class DakwahHomeView(SectionMixin, TemplateView):
    template_name = "dakwah/home.html"
    dakwah_section = "home"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["articles"] = selectors.latest_articles(6)
        context["kajian_list"] = selectors.upcoming_kajian(limit=4)
        context["categories"] = selectors.categories_with_articles()
        return context


class ArticleListView(SectionMixin, ListView):
    template_name = "dakwah/article_list.html"
    dakwah_section = "articles"
    context_object_name = "articles"
    paginate_by = ARTICLES_PER_PAGE

    def get_queryset(self):
        return selectors.public_articles()


class CategoryArticleListView(ArticleListView):
    template_name = "dakwah/category_detail.html"

    def get(self, request, *args, **kwargs):
        self.category = get_object_or_404(Category, slug=kwargs["slug"])
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return super().get_queryset().filter(category=self.category)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["category"] = self.category
        context["categories"] = selectors.categories_with_articles()
        return context


class TagArticleListView(ArticleListView):
    template_name = "dakwah/tag_detail.html"

    def get(self, request, *args, **kwargs):
        self.tag = get_object_or_404(Tag, slug=kwargs["slug"])
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return super().get_queryset().filter(tags=self.tag)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["tag"] = self.tag
        return context


def _visible(item, user):
    """True if ``user`` may see ``item``: public, or one of its writers."""
    return item.is_public or permissions.can_write(user, item.pesantren)


class ArticleDetailView(SectionMixin, TemplateView):
    template_name = "dakwah/article_detail.html"
    dakwah_section = "articles"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = selectors.article_for_detail(kwargs["slug"], include_unpublished=True)
        if article is None or not _visible(article, self.request.user):
            raise Http404
        context["article"] = article
        context["linked_products"] = selectors.linked_products_to_show(article)
        return context


class KajianListView(SectionMixin, TemplateView):
    """Upcoming kajian, soonest first; with ``past=True`` the finished ones."""

    template_name = "dakwah/kajian_list.html"
    dakwah_section = "kajian"
    past = False

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.past:
            kajian = selectors.past_kajian()
        else:
            kajian = selectors.upcoming_kajian()
        page = Paginator(kajian, KAJIAN_PER_PAGE).get_page(self.request.GET.get("page"))
        context.update(
            past=self.past,
            page_obj=page,
            kajian_list=page.object_list,
            is_paginated=page.has_other_pages(),
        )
        return context


class KajianDetailView(SectionMixin, TemplateView):
    template_name = "dakwah/kajian_detail.html"
    dakwah_section = "kajian"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        kajian = selectors.kajian_for_detail(kwargs["slug"], include_unpublished=True)
        if kajian is None or not _visible(kajian, self.request.user):
            raise Http404
        context["kajian"] = kajian
        context["next_start"] = kajian.next_start_at()
        return context


class KajianCalendarView(View):
    """The kajian as an .ics file, for "add to calendar" on phones."""

    def get(self, request, slug):
        kajian = selectors.kajian_for_detail(slug)
        if kajian is None:
            raise Http404
        text = ical.kajian_calendar(
            kajian,
            page_url=request.build_absolute_uri(kajian.get_absolute_url()),
            domain=request.get_host().split(":")[0],
        )
        response = HttpResponse(text, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{kajian.slug}.ics"'
        return response


class UstadzDetailView(TemplateView):
    template_name = "dakwah/ustadz_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        ustadz = get_object_or_404(selectors.public_ustadz(), slug=kwargs["slug"])
        context["ustadz"] = ustadz
        context["articles"] = selectors.public_articles().filter(author=ustadz)[:12]
        context["kajian_list"] = selectors.upcoming_kajian(ustadz=ustadz)
        return context


class DakwahSearchView(TemplateView):
    template_name = "dakwah/search.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.get("q", "").strip()[:100]
        context["dakwah_query"] = query
        if query:
            context["results"] = selectors.search_dakwah(query)
        return context
