"""The dakwah pages of the seller dashboard, at /seller/dakwah/.

Owners and editors write the pesantren's articles, kajian and ustadz here;
editors submit for review, the owner publishes or returns with remarks.
Every view is a SellerAccessMixin, so an id in the URL is looked up through
the signed-in member's pesantren (404 otherwise), and every change goes
through ``dakwah.services``, which checks ``dakwah.permissions`` itself: a
forged POST is refused there even when a page hides its button.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, ListView, TemplateView

from dakwah import permissions, selectors, services
from dakwah.forms import (
    ArticleForm,
    KajianForm,
    MediaForm,
    ReturnForm,
    UstadzForm,
)
from dakwah.models import Status
from marketplace.seller import selectors as seller_selectors
from marketplace.seller.access import SellerAccessMixin
from pesantren import selectors as pesantren_selectors
from pesantren import services as pesantren_services
from pesantren.models import Membership, Pesantren


@dataclass(frozen=True)
class Kind:
    """What differs between the article and the kajian pages."""

    name: str  # in URL names and template names
    form_class: type
    create: Callable
    update: Callable


ARTICLE = Kind("article", ArticleForm, services.create_article, services.update_article)
KAJIAN = Kind("kajian", KajianForm, services.create_kajian, services.update_kajian)

# What a writer may ask for with the save button of an article or kajian.
SAVE, SUBMIT, PUBLISH = "save", "submit", "publish"


def closed_reason(pesantren):
    """Why nobody of ``pesantren`` may write now, or "" if they may."""
    if pesantren.status == Pesantren.Status.VERIFIED:
        return ""
    if pesantren.status == Pesantren.Status.PENDING:
        return _("Writing dakwah opens once KESAN verifies the pesantren.")
    return _(
        "Dakwah cannot be written or published while the pesantren is not "
        "verified. Nothing has been deleted."
    )


class DakwahAccessMixin(SellerAccessMixin):
    """For the dakwah pages: owners and editors only.

    ``needs`` is what the page itself needs: "read" (owners and editors, any
    status of the pesantren), "write" (``can_write``) or "publish"
    (``can_publish``). A refusal is a 403 page that says why.
    """

    section = "dakwah"
    dakwah_section = ""
    needs = "read"

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied as refusal:
            if getattr(self, "membership", None) is None:
                raise
            return self.refused(str(refusal))

    def resolve(self, **kwargs):
        # Views that name an object look it up first, then call this.
        user = self.request.user
        if not (self.membership.is_owner or self.membership.is_editor):
            raise PermissionDenied(
                _(
                    "Dakwah is written by the owner and the editors of the "
                    "pesantren. Ask the owner to make you an editor."
                )
            )
        self.can_write = permissions.can_write(user, self.pesantren)
        self.can_publish = permissions.can_publish(user, self.pesantren)
        if self.needs == "write" and not self.can_write:
            raise PermissionDenied(closed_reason(self.pesantren))
        if self.needs == "publish" and not self.can_publish:
            raise PermissionDenied(
                closed_reason(self.pesantren)
                or _("Only the owner of the pesantren publishes dakwah.")
            )

    def refused(self, reason):
        if self.membership.is_owner or self.membership.is_editor:
            # A writer refused by a service: the closed pesantren says more.
            reason = closed_reason(self.pesantren) or reason
        return TemplateResponse(
            self.request,
            "dakwah/seller/refused.html",
            {
                "pesantren": self.pesantren,
                "membership": self.membership,
                "section": self.section,
                "reason": reason or _("You may not do this for this pesantren."),
            },
            status=403,
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            section=self.section,
            dakwah_section=self.dakwah_section,
            can_write=self.can_write,
            can_publish=self.can_publish,
            closed_reason=closed_reason(self.pesantren),
            **kwargs,
        )


class ContentMixin:
    """Put the URL's article or kajian (``self.content``) in the context."""

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            content=self.content, edit_url=edit_url(self.content), **kwargs
        )


class ArticleMixin(ContentMixin):
    kind = ARTICLE
    dakwah_section = "articles"

    def resolve(self, article_pk, **kwargs):
        self.content = selectors.article_of(self.pesantren, article_pk)
        super().resolve(**kwargs)


class KajianMixin(ContentMixin):
    kind = KAJIAN
    dakwah_section = "kajian"

    def resolve(self, kajian_pk, **kwargs):
        self.content = selectors.kajian_of(self.pesantren, kajian_pk)
        super().resolve(**kwargs)


def edit_url(content):
    kind = "article" if content._meta.model_name == "article" else "kajian"
    return reverse(f"seller:dakwah-{kind}-edit", args=[content.pk])


def add_refusal(form, error):
    """Show a service's ValidationError on the form, on its fields if shown."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def redirect_back(request, fallback):
    """Back to the dakwah page the form was on, else to ``fallback``."""
    target = request.POST.get("next", "")
    if target.startswith(reverse("seller:dakwah-overview")):
        return redirect(target)
    return redirect(fallback)


# Overview and lists ---------------------------------------------------------


class DakwahOverviewView(DakwahAccessMixin, TemplateView):
    template_name = "dakwah/seller/overview.html"
    dakwah_section = "overview"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            counts=selectors.editorial_counts(self.pesantren),
            in_review=selectors.waiting_for_review(self.pesantren),
            returned=selectors.returned_with_remarks(self.pesantren),
            **kwargs,
        )


class ContentListView(DakwahAccessMixin, ListView):
    """Articles or kajian of the pesantren, filtered by status."""

    paginate_by = 20

    def get_status(self):
        status = self.request.GET.get("status", "")
        return status if status in selectors.DASHBOARD_FILTERS else ""

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            status=self.get_status(), statuses=Status.choices, **kwargs
        )


class ArticleListView(ContentListView):
    template_name = "dakwah/seller/article_list.html"
    context_object_name = "articles"
    dakwah_section = "articles"

    def get_queryset(self):
        return selectors.pesantren_articles(self.pesantren, self.get_status())


class KajianListView(ContentListView):
    template_name = "dakwah/seller/kajian_list.html"
    context_object_name = "kajian_list"
    dakwah_section = "kajian"

    def get_queryset(self):
        return selectors.pesantren_kajian(self.pesantren, self.get_status())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for kajian in context["kajian_list"]:
            kajian.next_start = kajian.next_start_at()
        return context


# Writing articles and kajian -----------------------------------------------


class ContentCreateView(DakwahAccessMixin, FormView):
    """A new article or kajian; its buttons may also submit or publish it."""

    needs = "write"
    content = None

    def get_template_names(self):
        return [f"dakwah/seller/{self.kind.name}_form.html"]

    def get_form_class(self):
        return self.kind.form_class

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(pesantren=self.pesantren, instance=self.content)
        return kwargs

    def form_valid(self, form):
        action = self.request.POST.get("action", SAVE)
        try:
            # A refused step undoes the save: nothing half-done is kept.
            with transaction.atomic():
                content = self.save(form)
                self.apply(content, action)
        except ValidationError as error:
            if self.content is not None:
                # The page shows the stored item, not the undone changes.
                self.content.refresh_from_db()
            add_refusal(form, error)
            return self.form_invalid(form)
        self.announce(content, action)
        return redirect(edit_url(content))

    def save(self, form):
        return self.kind.create(
            user=self.request.user, pesantren=self.pesantren, **form.service_fields()
        )

    def apply(self, content, action):
        if action == SUBMIT:
            services.submit_for_review(content, user=self.request.user)
        elif action == PUBLISH:
            services.publish(content, user=self.request.user)

    def announce(self, content, action):
        if action == SUBMIT:
            text = _("%(title)s is sent to the owner for review.")
        elif action == PUBLISH:
            text = _("%(title)s is published.")
        else:
            text = _("%(title)s is saved.")
        messages.success(self.request, text % {"title": content.title})

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            kind=self.kind.name, has_ustadz=self.pesantren.ustadz.exists(), **kwargs
        )


class ContentUpdateView(ContentCreateView):
    """Edit an article or kajian; shown read-only to whom may not change it."""

    needs = "read"

    def save(self, form):
        return self.kind.update(
            self.content, user=self.request.user, **form.service_fields()
        )

    def get_context_data(self, **kwargs):
        content = self.content
        return super().get_context_data(
            can_edit=permissions.can_edit(self.request.user, content),
            history=selectors.content_history(content),
            media_list=content.media.all(),
            **kwargs,
        )


class ArticleCreateView(ContentCreateView):
    kind = ARTICLE
    dakwah_section = "articles"


class ArticleUpdateView(ArticleMixin, ContentUpdateView):
    pass


class KajianCreateView(ContentCreateView):
    kind = KAJIAN
    dakwah_section = "kajian"


class KajianUpdateView(KajianMixin, ContentUpdateView):
    def get_context_data(self, **kwargs):
        return super().get_context_data(
            next_start=self.content.next_start_at(), **kwargs
        )


# Review: publish, or return with remarks (owners) --------------------------


class ContentPublishView(DakwahAccessMixin, View):
    needs = "publish"

    def post(self, request, *args, **kwargs):
        try:
            services.publish(self.content, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("%(title)s is published.") % {"title": self.content.title}
            )
        return redirect_back(request, edit_url(self.content))


class ArticlePublishView(ArticleMixin, ContentPublishView):
    pass


class KajianPublishView(KajianMixin, ContentPublishView):
    pass


class ContentReturnView(DakwahAccessMixin, FormView):
    """Send content in review back to draft, with the owner's remarks."""

    template_name = "dakwah/seller/content_return.html"
    form_class = ReturnForm
    needs = "publish"

    def form_valid(self, form):
        try:
            services.return_to_draft(
                self.content, user=self.request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            add_refusal(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(title)s is back in draft, with your remarks for the writers.")
            % {"title": self.content.title},
        )
        return redirect(edit_url(self.content))


class ArticleReturnView(ArticleMixin, ContentReturnView):
    pass


class KajianReturnView(KajianMixin, ContentReturnView):
    pass


# Media: a YouTube video or an audio file ----------------------------------


class ContentMediaView(DakwahAccessMixin, FormView):
    template_name = "dakwah/seller/content_media.html"
    form_class = MediaForm

    def form_valid(self, form):
        try:
            services.add_media(
                self.content, user=self.request.user, **form.service_fields()
            )
        except ValidationError as error:
            add_refusal(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(title)s is added.") % {"title": form.cleaned_data["title"]},
        )
        return redirect(self.request.path)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            media_list=self.content.media.all(),
            can_edit=permissions.can_edit(self.request.user, self.content),
            **kwargs,
        )


class ArticleMediaView(ArticleMixin, ContentMediaView):
    pass


class KajianMediaView(KajianMixin, ContentMediaView):
    pass


class MediaDeleteView(DakwahAccessMixin, View):
    def resolve(self, media_pk, **kwargs):
        self.media = selectors.media_of(self.pesantren, media_pk)
        super().resolve(**kwargs)

    def post(self, request, *args, **kwargs):
        content = self.media.article or self.media.kajian
        title = self.media.title
        services.remove_media(self.media, user=request.user)
        messages.success(request, _("%(title)s is deleted.") % {"title": title})
        kind = "article" if self.media.article_id else "kajian"
        return redirect(f"seller:dakwah-{kind}-media", content.pk)


# Ustadz ----------------------------------------------------------------------


class UstadzListView(DakwahAccessMixin, TemplateView):
    template_name = "dakwah/seller/ustadz_list.html"
    dakwah_section = "ustadz"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            ustadz_list=selectors.pesantren_ustadz(self.pesantren), **kwargs
        )


class UstadzCreateView(DakwahAccessMixin, FormView):
    template_name = "dakwah/seller/ustadz_form.html"
    form_class = UstadzForm
    dakwah_section = "ustadz"
    needs = "write"
    ustadz = None

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.ustadz}

    def form_valid(self, form):
        try:
            ustadz = self.save(form)
        except ValidationError as error:
            add_refusal(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("%(title)s is saved.") % {"title": ustadz})
        return redirect("seller:dakwah-ustadz-list")

    def save(self, form):
        return services.create_ustadz(
            user=self.request.user, pesantren=self.pesantren, **form.service_fields()
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(ustadz=self.ustadz, **kwargs)


class UstadzUpdateView(UstadzCreateView):
    needs = "read"

    def resolve(self, ustadz_pk, **kwargs):
        self.ustadz = selectors.ustadz_of(self.pesantren, ustadz_pk)
        super().resolve(**kwargs)

    def save(self, form):
        return services.update_ustadz(
            self.ustadz, user=self.request.user, **form.service_fields()
        )


# Editors (owners) ----------------------------------------------------------


class EditorListView(DakwahAccessMixin, TemplateView):
    """The members, and which of them write dakwah."""

    template_name = "dakwah/seller/editor_list.html"
    dakwah_section = "editors"
    owner_only = True

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            members=pesantren_selectors.members_of(self.pesantren), **kwargs
        )


class EditorRoleView(DakwahAccessMixin, View):
    owner_only = True

    def resolve(self, member_pk, **kwargs):
        self.member = seller_selectors.member_of(self.pesantren, member_pk)
        super().resolve(**kwargs)

    def post(self, request, *args, **kwargs):
        makes_editor = request.POST.get("role") == Membership.Role.EDITOR
        role = Membership.Role.EDITOR if makes_editor else Membership.Role.STAFF
        name = self.member.user.get_full_name() or self.member.user.email
        try:
            pesantren_services.set_member_role(
                self.member, role=role, changed_by=request.user
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            if makes_editor:
                text = _("%(name)s now writes dakwah for the pesantren.")
            else:
                text = _("%(name)s no longer writes dakwah.")
            messages.success(request, text % {"name": name})
        return redirect("seller:dakwah-editor-list")
