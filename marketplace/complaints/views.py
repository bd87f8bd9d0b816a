"""Complaint pages: the buyer's (on the order page), the pesantren's (in the
seller dashboard) and the photo files, served only to those who may see them."""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django.views.generic import ListView, TemplateView, View

from marketplace.complaints import selectors, services
from marketplace.complaints.forms import ComplaintForm, MessageForm
from marketplace.complaints.models import Complaint, ComplaintMessage, ComplaintPhoto
from marketplace.fulfilment.models import FulfilmentGroup
from marketplace.fulfilment.views import render_order, session_order
from marketplace.seller.access import SellerAccessMixin


def serve_photo(photo):
    response = FileResponse(photo.image.open("rb"), content_type="image/jpeg")
    response["Cache-Control"] = "private, max-age=3600"
    return response


# The buyer's ------------------------------------------------------------------


def _buyer_order(request, number):
    order = session_order(request, number)
    if order is None:
        raise Http404
    return order


def _actor(request):
    return request.user if request.user.is_authenticated else None


@require_POST
def complaint_create(request, number, group_id):
    order = _buyer_order(request, number)
    if not FulfilmentGroup.objects.filter(pk=group_id, order=order).exists():
        raise Http404
    form = ComplaintForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.open_complaint(
                order,
                group_id,
                user=_actor(request),
                reason=form.cleaned_data["reason"],
                description=form.cleaned_data["description"],
                photos=form.cleaned_data["photos"],
            )
        except services.ComplaintRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(
                request,
                _(
                    "Your complaint is sent. The pesantren's money stays held until "
                    "it is settled."
                ),
            )
            return redirect(
                f"{reverse('orders:detail', args=[number])}#part-{group_id}"
            )
    return render_order(request, order, status=400, complaint_forms={group_id: form})


@require_POST
def complaint_message(request, number, complaint_id):
    order = _buyer_order(request, number)
    complaint = Complaint.objects.filter(pk=complaint_id, group__order=order).first()
    if complaint is None:
        raise Http404
    form = MessageForm(request.POST)
    if form.is_valid():
        try:
            services.add_message(
                complaint.pk,
                author=ComplaintMessage.Author.BUYER,
                user=_actor(request),
                body=form.cleaned_data["body"],
            )
        except services.ComplaintRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("Your message is sent to the pesantren."))
            return redirect(
                f"{reverse('orders:detail', args=[number])}#complaint-{complaint.pk}"
            )
    return render_order(request, order, status=400, message_forms={complaint.pk: form})


@require_GET
def complaint_photo(request, number, photo_id):
    order = _buyer_order(request, number)
    try:
        photo = selectors.photo_of(
            Complaint.objects.filter(group__order=order), photo_id
        )
    except ComplaintPhoto.DoesNotExist:
        raise Http404
    return serve_photo(photo)


# The pesantren's --------------------------------------------------------------


class ComplaintMixin:
    """Resolve ``complaint_pk`` to a complaint on one of the pesantren's parts."""

    def resolve(self, complaint_pk, **kwargs):
        try:
            self.complaint = selectors.complaint_of_pesantren(
                self.pesantren, complaint_pk
            )
        except Complaint.DoesNotExist:
            raise Http404


class ComplaintListView(SellerAccessMixin, ListView):
    template_name = "marketplace/seller/complaint_list.html"
    context_object_name = "complaints"
    paginate_by = 20

    def get_status(self):
        status = self.request.GET.get("status", "")
        return status if status in Complaint.Status.values else ""

    def get_queryset(self):
        return selectors.complaints_of_pesantren(self.pesantren, self.get_status())

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            section="complaints",
            status=self.get_status(),
            statuses=Complaint.Status.choices,
            **kwargs,
        )


class ComplaintDetailView(ComplaintMixin, SellerAccessMixin, TemplateView):
    template_name = "marketplace/seller/complaint_detail.html"

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", MessageForm())
        group = self.complaint.group
        return super().get_context_data(
            section="complaints",
            complaint=self.complaint,
            group=group,
            order=group.order,
            **kwargs,
        )


class ComplaintReplyView(ComplaintDetailView):
    http_method_names = ("post",)

    def post(self, request, *args, **kwargs):
        form = MessageForm(request.POST)
        if form.is_valid():
            try:
                services.add_message(
                    self.complaint.pk,
                    author=ComplaintMessage.Author.PESANTREN,
                    user=request.user,
                    body=form.cleaned_data["body"],
                )
            except services.ComplaintRefused as refusal:
                form.add_error(None, str(refusal))
            else:
                messages.success(request, _("Your answer is sent to the buyer."))
                return redirect(
                    "seller:complaint-detail", complaint_pk=self.complaint.pk
                )
        return self.render_to_response(self.get_context_data(form=form), status=400)


class ComplaintPhotoView(ComplaintMixin, SellerAccessMixin, View):
    def get(self, request, complaint_pk, photo_pk):
        try:
            photo = self.complaint.photos.get(pk=photo_pk)
        except ComplaintPhoto.DoesNotExist:
            raise Http404
        return serve_photo(photo)
