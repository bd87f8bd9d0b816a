"""The seller dashboard at /seller/: a pesantren's santri run its shop here.

Every view is a SellerAccessMixin: it knows ``self.pesantren`` before it
handles the request and resolves URL ids through it (see access.py).
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, ListView, TemplateView

from marketplace.akad.views import render_receipt
from marketplace.complaints import selectors as complaint_selectors
from marketplace.complaints.models import Complaint
from marketplace.compliance import selectors as compliance_selectors
from marketplace.compliance import services as compliance
from marketplace.compliance.views import document_response
from marketplace.fulfilment import services as fulfilment
from marketplace.fulfilment.models import OrderStatus
from marketplace.ledger import selectors as ledger_selectors
from marketplace.money import format_rupiah
from marketplace.payouts import selectors as payout_selectors
from marketplace.payouts import services as payout_services
from marketplace.payouts.forms import PayoutRequestForm
from marketplace.seller import charts, imports, selectors, services
from marketplace.seller.access import SellerAccessMixin
from marketplace.seller.forms import (
    COURIERS,
    CancelForm,
    CertificateForm,
    ImageMoveForm,
    PhotosForm,
    ProductForm,
    ShipForm,
    StockForm,
)
from pesantren import selectors as pesantren_selectors
from pesantren import services as pesantren_services
from pesantren.forms import InvitationForm


class SellerView(SellerAccessMixin, TemplateView):
    """A dashboard page; ``section`` marks the active tab."""

    section = ""

    def get_context_data(self, **kwargs):
        return super().get_context_data(section=self.section, **kwargs)


class ProductMixin:
    """Resolve ``product_pk`` to one of the pesantren's products."""

    def resolve(self, product_pk, **kwargs):
        self.product = selectors.product_of(self.pesantren, product_pk)


class ImageMixin:
    def resolve(self, image_pk, **kwargs):
        self.image = selectors.image_of(self.pesantren, image_pk)


def redirect_back(request, fallback):
    """Back to the page the form was on, if it is a dashboard page."""
    target = request.POST.get("next", "")
    if target.startswith(reverse("seller:overview")):
        return redirect(target)
    return redirect(fallback)


# Overview ------------------------------------------------------------------


class OverviewView(SellerView):
    template_name = "marketplace/seller/overview.html"
    section = "overview"

    def get_context_data(self, **kwargs):
        counts, gaps = selectors.overview(self.pesantren)
        order_counts, oldest_orders = selectors.orders_waiting(self.pesantren)
        return super().get_context_data(
            counts=counts,
            gaps=gaps,
            order_counts=order_counts,
            oldest_orders=oldest_orders,
            low_stock=selectors.low_stock_products(self.pesantren),
            incomplete=selectors.incomplete_products(self.pesantren),
            last_decision=pesantren_selectors.last_status_decision(self.pesantren),
            open_complaints=complaint_selectors.complaints_of_pesantren(
                self.pesantren, Complaint.Status.OPEN
            ).count(),
            **kwargs,
        )


# Products ------------------------------------------------------------------


class ProductListView(SellerAccessMixin, ListView):
    template_name = "marketplace/seller/product_list.html"
    context_object_name = "products"
    paginate_by = 20

    def get_filters(self):
        status = self.request.GET.get("status", "")
        return {
            "query": self.request.GET.get("q", "").strip()[:80],
            "status": status if status in selectors.LIST_FILTERS else "",
        }

    def get_queryset(self):
        products, self.rule_paths = selectors.product_list(
            self.pesantren, **self.get_filters()
        )
        return products

    def get_context_data(self, **kwargs):
        context = super().get_context_data(section="products", **kwargs)
        selectors.attach_gaps(context["products"], self.rule_paths)
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(self.get_filters(), page_query=query.urlencode())
        return context


class ProductCreateView(SellerAccessMixin, FormView):
    template_name = "marketplace/seller/product_form.html"
    form_class = ProductForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "pesantren": self.pesantren}

    def form_valid(self, form):
        try:
            product = services.save_product(
                self.pesantren, form.product_data(), user=self.request.user
            )
        except ValidationError as error:
            form.add_publish_refusal(error)
            return self.form_invalid(form)
        messages.success(
            self.request, _("%(title)s is saved.") % {"title": product.title}
        )
        return redirect("seller:product-edit", product_pk=product.pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(section="products", **kwargs)


class ProductUpdateView(ProductMixin, ProductCreateView):
    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(
            product=self.product, initial=ProductForm.initial_for(self.product)
        )
        return kwargs

    def form_valid(self, form):
        try:
            services.save_product(
                self.pesantren,
                form.product_data(),
                user=self.request.user,
                product=self.product,
            )
        except ValidationError as error:
            form.add_publish_refusal(error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(title)s is saved.") % {"title": form.cleaned_data["title"]},
        )
        return redirect("seller:product-edit", product_pk=self.product.pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            product=self.product, images=selectors.images_of(self.product), **kwargs
        )


class ProductPublishView(ProductMixin, SellerAccessMixin, View):
    def post(self, request, *args, **kwargs):
        try:
            services.publish_product(self.pesantren, self.product)
        except ValidationError as error:
            messages.error(
                request,
                _("%(title)s cannot be published yet: %(reasons)s.")
                % {"title": self.product.title, "reasons": "; ".join(error.messages)},
            )
        else:
            messages.success(
                request,
                _("%(title)s is now in the shop.") % {"title": self.product.title},
            )
        return redirect_back(request, reverse("seller:product-list"))


class ProductUnpublishView(ProductMixin, SellerAccessMixin, View):
    def post(self, request, *args, **kwargs):
        services.unpublish_product(self.product)
        messages.success(
            request,
            _("%(title)s is hidden from the shop.") % {"title": self.product.title},
        )
        return redirect_back(request, reverse("seller:product-list"))


class ProductDeleteView(ProductMixin, SellerView):
    template_name = "marketplace/seller/product_confirm_delete.html"
    section = "products"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            product=self.product,
            has_orders=selectors.has_orders(self.product),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        title = self.product.title
        if services.delete_product(self.pesantren, self.product):
            messages.success(request, _("%(title)s is deleted.") % {"title": title})
        else:
            messages.info(
                request,
                _(
                    "%(title)s has orders, so it is kept for their history and only "
                    "hidden."
                )
                % {"title": title},
            )
        return redirect("seller:product-list")


class ProductStockView(ProductMixin, SellerView):
    """Quick stock edit (the list posts here) and the product's stock history."""

    template_name = "marketplace/seller/product_stock.html"
    section = "products"

    def get_context_data(self, **kwargs):
        kwargs.setdefault(
            "form", StockForm(initial={"stock": self.product.stock_level})
        )
        return super().get_context_data(
            product=self.product,
            changes=selectors.stock_history(self.pesantren, self.product),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        form = StockForm(request.POST)
        if not form.is_valid():
            messages.error(
                request,
                _("Stock of %(title)s not changed: %(reason)s")
                % {
                    "title": self.product.title,
                    "reason": " ".join(form.errors["stock"]),
                },
            )
            return self.render_to_response(self.get_context_data(form=form), status=200)
        stockrecord = selectors.stockrecord_of(self.pesantren, self.product)
        change = services.set_stock(
            stockrecord, form.cleaned_data["stock"], user=request.user
        )
        if change:
            messages.success(
                request,
                _("Stock of %(title)s: %(old)s → %(new)s.")
                % {
                    "title": self.product.title,
                    "old": change.old_level,
                    "new": change.new_level,
                },
            )
        return redirect_back(
            request, reverse("seller:product-stock", args=[self.product.pk])
        )


# Images --------------------------------------------------------------------


class ProductImagesView(ProductMixin, SellerView):
    template_name = "marketplace/seller/product_images.html"
    section = "products"

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", PhotosForm())
        return super().get_context_data(
            product=self.product, images=selectors.images_of(self.product), **kwargs
        )

    def post(self, request, *args, **kwargs):
        form = PhotosForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        services.add_images(self.product, form.cleaned_data["photos"])
        messages.success(request, _("Photos added."))
        return redirect("seller:product-images", product_pk=self.product.pk)


class ProductCertificatesView(ProductMixin, SellerView):
    """The product's certificate documents and the form to upload one."""

    template_name = "marketplace/seller/product_certificates.html"
    section = "products"

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", CertificateForm())
        return super().get_context_data(
            product=self.product,
            certificates=compliance_selectors.certificates_of_product(self.product),
            verified=compliance_selectors.verified_halal(self.product),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        form = CertificateForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                compliance.add_certificate(
                    self.product,
                    form.cleaned_data["document"],
                    expires_on=form.cleaned_data["expires_on"],
                    user=request.user,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("Certificate uploaded: an admin of KESAN will check it."),
                )
                return redirect("seller:product-certificates", product_pk=self.product.pk)
        return self.render_to_response(self.get_context_data(form=form))


class CertificateDocumentView(SellerAccessMixin, View):
    """A certificate document of one of the pesantren's products."""

    def resolve(self, certificate_pk, **kwargs):
        self.certificate = compliance_selectors.certificate_of(
            self.pesantren, certificate_pk
        )

    def get(self, request, *args, **kwargs):
        return document_response(self.certificate)


class ImagePrimaryView(ImageMixin, SellerAccessMixin, View):
    def post(self, request, *args, **kwargs):
        services.make_primary(self.image)
        return redirect("seller:product-images", product_pk=self.image.product_id)


class ImageMoveView(ImageMixin, SellerAccessMixin, View):
    def post(self, request, *args, **kwargs):
        form = ImageMoveForm(request.POST)
        if form.is_valid():
            services.move_image(self.image, form.step)
        return redirect("seller:product-images", product_pk=self.image.product_id)


class ImageDeleteView(ImageMixin, SellerAccessMixin, View):
    def post(self, request, *args, **kwargs):
        product_pk = self.image.product_id
        services.delete_image(self.image)
        messages.success(request, _("Photo deleted."))
        return redirect("seller:product-images", product_pk=product_pk)


# Bulk import ---------------------------------------------------------------


class ImportCreateView(SellerView):
    template_name = "marketplace/seller/import_form.html"
    section = "imports"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            imports=selectors.recent_imports(self.pesantren),
            max_rows=settings.MARKETPLACE_IMPORT_MAX_ROWS,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        uploaded = request.FILES.get("file")
        if uploaded is None:
            return self.render_to_response(
                self.get_context_data(file_errors=[_("Choose the file to upload.")])
            )
        try:
            product_import = imports.check_file(
                self.pesantren, uploaded, user=request.user
            )
        except ValidationError as error:
            return self.render_to_response(
                self.get_context_data(file_errors=error.messages)
            )
        return redirect("seller:import-detail", import_pk=product_import.pk)


class ImportTemplateView(SellerAccessMixin, View):
    def get(self, request, file_format):
        if file_format == "csv":
            response = HttpResponse(
                imports.template_csv(), content_type="text/csv; charset=utf-8"
            )
        else:
            response = HttpResponse(
                imports.template_xlsx(),
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
        response["Content-Disposition"] = (
            f'attachment; filename="template-produk-kesan.{file_format}"'
        )
        return response


class ImportMixin:
    def resolve(self, import_pk, **kwargs):
        self.product_import = selectors.import_of(self.pesantren, import_pk)


class ImportDetailView(ImportMixin, SellerView):
    """The check of a file before importing, then the progress and the result."""

    template_name = "marketplace/seller/import_detail.html"
    section = "imports"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            product_import=self.product_import,
            summary=selectors.import_summary(self.product_import),
            columns=imports.COLUMNS,
            **kwargs,
        )


class ImportStartView(ImportMixin, SellerAccessMixin, View):
    def post(self, request, *args, **kwargs):
        if self.product_import.to_import_count and imports.start_import(
            self.product_import
        ):
            messages.success(request, _("Import started."))
        return redirect("seller:import-detail", import_pk=self.product_import.pk)


class ImportProgressView(ImportMixin, SellerAccessMixin, View):
    """The import's progress as JSON, polled by the import page."""

    def get(self, request, *args, **kwargs):
        product_import = self.product_import
        return JsonResponse(
            {
                "status": product_import.status,
                "processed": product_import.processed_count,
                "total": product_import.to_import_count,
                "percent": product_import.percent,
                "created": product_import.created_count,
                "updated": product_import.updated_count,
                "failed": product_import.failed_count,
                "finished": product_import.is_finished,
                "label": _("%(done)s of %(total)s rows")
                % {
                    "done": product_import.processed_count,
                    "total": product_import.to_import_count,
                },
            }
        )


# Orders --------------------------------------------------------------------


class OrderListView(SellerAccessMixin, ListView):
    """The pesantren's paid parts of orders, each with only its own lines."""

    template_name = "marketplace/seller/order_list.html"
    context_object_name = "parts"
    paginate_by = 20

    def get_filters(self):
        status = self.request.GET.get("status", "")
        return {
            "query": self.request.GET.get("q", "").strip()[:40],
            "status": status if status in selectors.ORDER_FILTERS else "",
        }

    def get_queryset(self):
        return selectors.order_list(self.pesantren, **self.get_filters())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(section="orders", **kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(
            self.get_filters(),
            status_counts=selectors.order_status_counts(self.pesantren),
            page_query=query.urlencode(),
        )
        return context


class OrderPartMixin:
    """Resolve ``part_pk`` to a paid part of the pesantren, with its own lines."""

    def resolve(self, part_pk, **kwargs):
        self.part = selectors.order_part_of(self.pesantren, part_pk)


class OrderDetailView(OrderPartMixin, SellerView):
    template_name = "marketplace/seller/order_detail.html"
    section = "orders"

    def get_context_data(self, **kwargs):
        group = self.part.group
        kwargs.setdefault(
            "ship_form",
            ShipForm(
                pickup=group.is_pickup, initial={"courier": group.shipping_service}
            ),
        )
        kwargs.setdefault("cancel_form", CancelForm())
        return super().get_context_data(
            part=self.part,
            group=group,
            order=group.order,
            is_waiting=group.status in selectors.WAITING,
            is_sendable=group.order.status == OrderStatus.PAID,
            couriers=COURIERS,
            history=selectors.part_history(self.part),
            refunds=selectors.part_refunds(self.part),
            **kwargs,
        )

    def redirect_to_part(self):
        return redirect("seller:order-detail", part_pk=self.part.group.pk)


class OrderActionView(OrderDetailView):
    """An action on a part, by POST; a refused form comes back on the part's page."""

    http_method_names = ("post",)

    def refuse(self, error):
        """The part's state refused the action (it moved on, or its payment was
        reversed): nothing typed matters then, the page shows where it stands."""
        messages.error(self.request, str(error))
        return self.redirect_to_part()


class OrderProcessView(OrderActionView):
    def post(self, request, *args, **kwargs):
        try:
            fulfilment.process_part(self.pesantren, self.part.group.pk, request.user)
        except fulfilment.FulfilmentError as error:
            return self.refuse(error)
        messages.success(
            request,
            _("Order %(number)s is being processed.")
            % {"number": self.part.group.order.number},
        )
        return self.redirect_to_part()


class OrderShipView(OrderActionView):
    """Send a part: courier and tracking number, or ready for pickup."""

    def post(self, request, *args, **kwargs):
        group = self.part.group
        form = ShipForm(request.POST, pickup=group.is_pickup)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(ship_form=form))
        try:
            fulfilment.ship_part(
                self.pesantren,
                group.pk,
                request.user,
                form.cleaned_data["courier"],
                form.cleaned_data["tracking_number"],
            )
        except fulfilment.FulfilmentError as error:
            return self.refuse(error)
        if group.is_pickup:
            message = _("Order %(number)s is ready for pickup; the buyer is told.")
        else:
            message = _("Order %(number)s is sent; the buyer gets the tracking number.")
        messages.success(request, message % {"number": group.order.number})
        return self.redirect_to_part()


class OrderCancelView(OrderActionView):
    """Cancel the pesantren's part: its stock goes back, a refund is recorded."""

    def post(self, request, *args, **kwargs):
        group = self.part.group
        form = CancelForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(cancel_form=form))
        try:
            fulfilment.cancel_part(
                self.pesantren, group.pk, request.user, form.cleaned_data["reason"]
            )
        except fulfilment.FulfilmentError as error:
            return self.refuse(error)
        messages.success(
            request,
            _(
                "Your part of order %(number)s is cancelled. Its stock is back on "
                "sale and a refund of %(amount)s to the buyer is recorded."
            )
            % {"number": group.order.number, "amount": format_rupiah(group.total)},
        )
        return self.redirect_to_part()


class OrderPackingSlipView(OrderPartMixin, SellerView):
    """A page to print and put in the parcel: who sends what to whom."""

    template_name = "marketplace/seller/order_packing_slip.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            part=self.part, group=self.part.group, order=self.part.group.order, **kwargs
        )


class OrderAkadView(OrderPartMixin, SellerAccessMixin, View):
    """The akad receipt of the pesantren's own part of an order, to print."""

    def get(self, request, *args, **kwargs):
        return render_receipt(
            request, self.part.group.order, [self.part], for_seller=True
        )


# Members and profile (owners) ----------------------------------------------


class MemberListView(SellerView):
    template_name = "marketplace/seller/member_list.html"
    section = "members"
    owner_only = True

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", InvitationForm())
        return super().get_context_data(
            members=pesantren_selectors.members_of(self.pesantren),
            invitations=pesantren_selectors.open_invitations(self.pesantren),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        form = InvitationForm(request.POST)
        if form.is_valid():
            try:
                pesantren_services.invite_member(
                    self.pesantren,
                    invited_by=request.user,
                    email=form.cleaned_data["email"],
                )
            except ValidationError as error:
                form.add_error("email", error)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(
            request,
            _("Invitation sent to %(email)s.") % {"email": form.cleaned_data["email"]},
        )
        return redirect("seller:member-list")


class MemberRemoveView(SellerAccessMixin, View):
    owner_only = True

    def resolve(self, member_pk, **kwargs):
        self.member = selectors.member_of(self.pesantren, member_pk)

    def post(self, request, *args, **kwargs):
        try:
            pesantren_services.remove_member(self.member, removed_by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("%(email)s no longer acts for the shop.")
                % {"email": self.member.user.email},
            )
        return redirect("seller:member-list")


class InvitationRevokeView(SellerAccessMixin, View):
    owner_only = True

    def resolve(self, invitation_pk, **kwargs):
        self.invitation = selectors.invitation_of(self.pesantren, invitation_pk)

    def post(self, request, *args, **kwargs):
        if pesantren_services.revoke_invitation(self.invitation):
            messages.success(
                request,
                _("Invitation to %(email)s cancelled.")
                % {"email": self.invitation.email},
            )
        return redirect("seller:member-list")


class ProfileView(SellerView):
    """The pesantren as KESAN knows it; bank details for owners only."""

    template_name = "marketplace/seller/profile.html"
    section = "profile"

    def get_context_data(self, **kwargs):
        decisions = (
            self.pesantren.curation_events.select_related("actor")[:20]
            if self.membership.is_owner
            else []
        )
        return super().get_context_data(decisions=decisions, **kwargs)


# Balance (owners) ----------------------------------------------------------


class BalanceView(SellerAccessMixin, ListView):
    """The pesantren's money: balances, the payout form and history, monthly
    sales, and every ledger line. POST requests a payout."""

    template_name = "marketplace/seller/balance.html"
    context_object_name = "entries"
    # Newest first; on a phone each line is a card, so pages stay short.
    paginate_by = 20
    owner_only = True

    def get_queryset(self):
        return ledger_selectors.ledger_lines(self.pesantren)

    def post(self, request, *args, **kwargs):
        balance = ledger_selectors.balance_of_pesantren(self.pesantren)
        requestable = payout_selectors.requestable_of(
            balance, payout_selectors.reserved_amount(self.pesantren)
        )
        form = PayoutRequestForm(request.POST, requestable=requestable)
        if form.is_valid():
            try:
                payout = payout_services.request_payout(
                    self.membership, form.cleaned_data["amount"]
                )
            except payout_services.PayoutError as error:
                form.add_error("amount", str(error))
            else:
                messages.success(
                    request,
                    _(
                        "Payout %(code)s of %(amount)s requested. KESAN transfers "
                        "it to %(bank)s %(account)s."
                    )
                    % {
                        "code": payout.code,
                        "amount": format_rupiah(payout.amount),
                        "bank": payout.get_bank_name_display(),
                        "account": payout.masked_account_number,
                    },
                )
                return redirect("seller:balance")
        self.object_list = self.get_queryset()
        return self.render_to_response(self.get_context_data(form=form))

    def get_context_data(self, form=None, **kwargs):
        balance = ledger_selectors.balance_of_pesantren(self.pesantren)
        reserved = payout_selectors.reserved_amount(self.pesantren)
        requestable = payout_selectors.requestable_of(balance, reserved)
        sales = ledger_selectors.monthly_sales(self.pesantren)
        return super().get_context_data(
            section="balance",
            balance=balance,
            reserved=reserved,
            requestable=requestable,
            min_payout=settings.MARKETPLACE_MIN_PAYOUT,
            has_bank_account=payout_selectors.has_bank_account(self.pesantren),
            form=form or PayoutRequestForm(requestable=requestable),
            payouts=payout_selectors.payout_history(self.pesantren),
            chart=charts.sales_chart(sales),
            **kwargs,
        )


class PayoutMixin:
    """Resolve ``payout_pk`` to one of the pesantren's payout requests."""

    owner_only = True

    def resolve(self, payout_pk, **kwargs):
        self.payout = payout_selectors.payout_of(self.pesantren, payout_pk)


class PayoutDetailView(PayoutMixin, SellerView):
    template_name = "marketplace/seller/payout_detail.html"
    section = "balance"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            payout=self.payout,
            clawback_owed=ledger_selectors.balance_of_pesantren(
                self.pesantren
            ).clawback_owed,
            **kwargs,
        )


class PayoutCancelView(PayoutMixin, SellerAccessMixin, View):
    """POST: withdraw a request not yet sent to the bank."""

    def post(self, request, *args, **kwargs):
        try:
            payout_services.cancel_request(self.pesantren, self.payout.pk, request.user)
        except payout_services.PayoutError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, _("Payout %(code)s cancelled.") % {"code": self.payout.code}
            )
        return redirect("seller:payout-detail", payout_pk=self.payout.pk)
