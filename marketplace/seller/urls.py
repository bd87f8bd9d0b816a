"""URLs of the seller dashboard, mounted at /seller/.

Ids in these URLs are always looked up through the signed-in seller's
pesantren; tests/marketplace/seller/test_scoping.py walks every pattern here
with another pesantren's ids, so a kwarg name it does not know fails it.
"""

from django.urls import path, re_path

from marketplace.seller import views

app_name = "seller"

urlpatterns = [
    path("", views.OverviewView.as_view(), name="overview"),
    path("products/", views.ProductListView.as_view(), name="product-list"),
    path("products/new/", views.ProductCreateView.as_view(), name="product-create"),
    path(
        "products/<int:product_pk>/",
        views.ProductUpdateView.as_view(),
        name="product-edit",
    ),
    path(
        "products/<int:product_pk>/publish/",
        views.ProductPublishView.as_view(),
        name="product-publish",
    ),
    path(
        "products/<int:product_pk>/unpublish/",
        views.ProductUnpublishView.as_view(),
        name="product-unpublish",
    ),
    path(
        "products/<int:product_pk>/delete/",
        views.ProductDeleteView.as_view(),
        name="product-delete",
    ),
    path(
        "products/<int:product_pk>/stock/",
        views.ProductStockView.as_view(),
        name="product-stock",
    ),
    path(
        "products/<int:product_pk>/images/",
        views.ProductImagesView.as_view(),
        name="product-images",
    ),
    path(
        "products/<int:product_pk>/certificates/",
        views.ProductCertificatesView.as_view(),
        name="product-certificates",
    ),
    path(
        "certificates/<int:certificate_pk>/document/",
        views.CertificateDocumentView.as_view(),
        name="certificate-document",
    ),
    path(
        "images/<int:image_pk>/primary/",
        views.ImagePrimaryView.as_view(),
        name="image-primary",
    ),
    path(
        "images/<int:image_pk>/move/", views.ImageMoveView.as_view(), name="image-move"
    ),
    path(
        "images/<int:image_pk>/delete/",
        views.ImageDeleteView.as_view(),
        name="image-delete",
    ),
    path("imports/", views.ImportCreateView.as_view(), name="import-create"),
    re_path(
        r"^imports/template\.(?P<file_format>xlsx|csv)$",
        views.ImportTemplateView.as_view(),
        name="import-template",
    ),
    path(
        "imports/<int:import_pk>/",
        views.ImportDetailView.as_view(),
        name="import-detail",
    ),
    path(
        "imports/<int:import_pk>/start/",
        views.ImportStartView.as_view(),
        name="import-start",
    ),
    path(
        "imports/<int:import_pk>/progress/",
        views.ImportProgressView.as_view(),
        name="import-progress",
    ),
    path("orders/", views.OrderListView.as_view(), name="order-list"),
    path("orders/<int:part_pk>/", views.OrderDetailView.as_view(), name="order-detail"),
    path(
        "orders/<int:part_pk>/process/",
        views.OrderProcessView.as_view(),
        name="order-process",
    ),
    path(
        "orders/<int:part_pk>/ship/", views.OrderShipView.as_view(), name="order-ship"
    ),
    path(
        "orders/<int:part_pk>/cancel/",
        views.OrderCancelView.as_view(),
        name="order-cancel",
    ),
    path(
        "orders/<int:part_pk>/packing-slip/",
        views.OrderPackingSlipView.as_view(),
        name="order-packing-slip",
    ),
    path(
        "orders/<int:part_pk>/akad/",
        views.OrderAkadView.as_view(),
        name="order-akad",
    ),
    path("members/", views.MemberListView.as_view(), name="member-list"),
    path(
        "members/<int:member_pk>/remove/",
        views.MemberRemoveView.as_view(),
        name="member-remove",
    ),
    path(
        "invitations/<int:invitation_pk>/revoke/",
        views.InvitationRevokeView.as_view(),
        name="invitation-revoke",
    ),
    path("profile/", views.ProfileView.as_view(), name="profile"),
    path("balance/", views.BalanceView.as_view(), name="balance"),
    path(
        "balance/payouts/<int:payout_pk>/",
        views.PayoutDetailView.as_view(),
        name="payout-detail",
    ),
    path(
        "balance/payouts/<int:payout_pk>/cancel/",
        views.PayoutCancelView.as_view(),
        name="payout-cancel",
    ),
]
