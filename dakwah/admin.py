"""Django admin for dakwah content: KESAN staff curate and unpublish here.

Editorial states are read-only in the admin; they change only through the
services, so every change leaves a ``ContentEvent`` row. The one state
change staff make here is "unpublish with a reason".
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from dakwah import services
from dakwah.models import (
    Article,
    Category,
    ContentEvent,
    Kajian,
    Media,
    Status,
    Tag,
    Ustadz,
)


class UnpublishForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 4, "cols": 60}),
        help_text=_("The pesantren sees this reason."),
    )


@admin.action(description=_("Unpublish with a reason"))
def unpublish_with_reason(modeladmin, request, queryset):
    """Ask for the reason on an intermediate page, then unpublish each item."""
    published = queryset.filter(status=Status.PUBLISHED)
    form = UnpublishForm(request.POST if "apply" in request.POST else None)
    if form.is_valid():
        for item in published:
            services.unpublish(
                item, user=request.user, reason=form.cleaned_data["reason"]
            )
        modeladmin.message_user(
            request,
            ngettext(
                "%(count)d item unpublished.",
                "%(count)d items unpublished.",
                len(published),
            )
            % {"count": len(published)},
            messages.SUCCESS,
        )
        return None
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": _("Unpublish with a reason"),
        "opts": modeladmin.model._meta,
        "queryset": queryset,
        "published": published,
        "form": form,
        "action_name": "unpublish_with_reason",
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
    }
    return TemplateResponse(request, "admin/dakwah/unpublish.html", context)


class MediaInline(admin.TabularInline):
    model = Media
    extra = 0
    fields = ["title", "youtube_id", "audio_file", "position"]


class EventInline(admin.TabularInline):
    model = ContentEvent
    extra = 0
    can_delete = False
    fields = ["date_created", "action", "from_status", "to_status", "actor", "reason"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


class PublishableAdmin(admin.ModelAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_filter = ["status", "pesantren"]
    search_fields = ["title", "pesantren__name"]
    readonly_fields = [
        "status",
        "date_published",
        "created_by",
        "date_created",
        "date_updated",
    ]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [MediaInline, EventInline]
    actions = [unpublish_with_reason]
    date_hierarchy = "date_created"

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


class ArticleAdminForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = "__all__"

    def clean(self):
        cleaned = super().clean()
        pesantren = cleaned.get("pesantren")
        if pesantren is not None and cleaned.get("linked_products"):
            try:
                services.check_linked_products(pesantren, cleaned["linked_products"])
            except ValidationError as error:
                self.add_error(None, error.message_dict["linked_products"])
        return cleaned


@admin.register(Article)
class ArticleAdmin(PublishableAdmin):
    form = ArticleAdminForm
    list_display = [
        "title",
        "pesantren",
        "author",
        "category",
        "status",
        "date_published",
    ]
    list_filter = ["status", "category", "pesantren"]
    raw_id_fields = ["author", "linked_products"]
    filter_horizontal = ["tags"]
    list_select_related = ["pesantren", "author", "category"]


@admin.register(Kajian)
class KajianAdmin(PublishableAdmin):
    list_display = [
        "title",
        "pesantren",
        "ustadz",
        "starts_at",
        "time_zone",
        "recurrence",
        "status",
    ]
    list_filter = ["status", "recurrence", "time_zone", "audience", "pesantren"]
    raw_id_fields = ["ustadz"]
    list_select_related = ["pesantren", "ustadz"]


@admin.register(Ustadz)
class UstadzAdmin(admin.ModelAdmin):
    list_display = ["name", "pesantren"]
    list_filter = ["pesantren"]
    search_fields = ["name", "pesantren__name"]
    prepopulated_fields = {"slug": ["name"]}
    list_select_related = ["pesantren"]


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Media)
class MediaAdmin(admin.ModelAdmin):
    list_display = ["title", "article", "kajian", "youtube_id"]
    raw_id_fields = ["article", "kajian"]
    search_fields = ["title"]


@admin.register(ContentEvent)
class ContentEventAdmin(admin.ModelAdmin):
    list_display = ["date_created", "action", "article", "kajian", "actor", "reason"]
    list_filter = ["action"]
    search_fields = ["reason", "article__title", "kajian__title"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
