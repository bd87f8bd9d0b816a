"""Pesantren pages: the public directory, the shop application and the
invitation link (storefronts live in marketplace, the seller dashboard in
marketplace.seller)."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, ListView, TemplateView

from pesantren import regions, selectors, services
from pesantren.forms import ApplicationForm
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


class ApplicationCreateView(LoginRequiredMixin, FormView):
    """The form a signed-in user fills to open a pesantren shop."""

    template_name = "pesantren/application_form.html"
    form_class = ApplicationForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and selectors.membership_of(request.user):
            return redirect("pesantren:application-status")
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            services.submit_application(
                applicant=self.request.user,
                logo=form.cleaned_data["logo"],
                **form.application_fields(),
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _(
                "Application sent. An admin reviews it, usually within three working "
                "days."
            ),
        )
        return redirect("pesantren:application-status")


class ApplicationUpdateView(LoginRequiredMixin, FormView):
    """The owner corrects an application that is waiting or was refused."""

    template_name = "pesantren/application_form.html"
    form_class = ApplicationForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        membership = selectors.membership_of(request.user)
        if membership is None or not membership.is_owner:
            raise Http404
        self.pesantren = membership.pesantren
        if not selectors.application_is_editable(self.pesantren):
            return redirect("pesantren:application-status")
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.pesantren}

    def form_valid(self, form):
        services.update_application(
            self.pesantren,
            applicant=self.request.user,
            logo=form.cleaned_data["logo"],
            **form.application_fields(),
        )
        messages.success(self.request, _("Application saved and sent for review."))
        return redirect("pesantren:application-status")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            editing=True, pesantren=self.pesantren, **kwargs
        )


class ApplicationStatusView(LoginRequiredMixin, TemplateView):
    """Where the applicant sees what became of the application."""

    template_name = "pesantren/application_status.html"

    def get(self, request, *args, **kwargs):
        membership = selectors.membership_of(request.user)
        if membership is None:
            return redirect("pesantren:apply")
        self.membership = membership
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        pesantren = self.membership.pesantren
        return super().get_context_data(
            membership=self.membership,
            pesantren=pesantren,
            last_decision=selectors.last_status_decision(pesantren),
            editable=self.membership.is_owner
            and selectors.application_is_editable(pesantren),
            **kwargs,
        )


class RegionOptionsView(View):
    """The regions inside ``?parent=`` (or a kecamatan's postcodes), as JSON,
    for the cascading address selects."""

    def get(self, request):
        parent = request.GET.get("parent", "").strip()[:8]
        if regions.is_region(parent, regions.DISTRICT):
            data = {"regions": [], "postcodes": regions.postcodes_of(parent)}
        else:
            options = regions.children_of(parent) if parent else []
            data = {
                "regions": [{"code": c, "name": n} for c, n in options],
                "postcodes": [],
            }
        response = JsonResponse(data)
        patch_cache_control(response, public=True, max_age=86400)
        return response


class InvitationView(TemplateView):
    """An invitation link: shows who invites, and lets the invitee accept."""

    template_name = "pesantren/invitation.html"

    def dispatch(self, request, *args, **kwargs):
        self.invitation = services.invitation_from_token(kwargs["token"])
        if self.invitation is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect(f"{reverse('customer:login')}?next={request.path}")
        try:
            services.accept_invitation(self.invitation, request.user)
        except ValidationError as error:
            return self.render_to_response(self.get_context_data(errors=error.messages))
        messages.success(
            request,
            _("Welcome to the shop of %(name)s.")
            % {"name": self.invitation.pesantren.name},
        )
        return redirect("seller:overview")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            invitation=self.invitation, next_path=self.request.path, **kwargs
        )
