from django.urls import path

from marketplace.akad import views as akad_views
from marketplace.complaints.urls import buyer_urlpatterns as complaint_urlpatterns
from marketplace.fulfilment import views
from marketplace.reviews import views as reviews

app_name = "orders"

urlpatterns = [
    path("", views.order_list, name="list"),
    path("<str:number>/", views.order_detail, name="detail"),
    path("<str:number>/pay/", views.PaymentStartView.as_view(), name="pay"),
    # Before guest-detail, whose verification slot would take "akad".
    path("<str:number>/akad/", akad_views.akad_receipt, name="akad"),
    path(
        "<str:number>/parts/<int:group_id>/received/",
        views.confirm_received,
        name="part-received",
    ),
    *complaint_urlpatterns,
    path(
        "<str:number>/lines/<int:line_id>/review/",
        reviews.line_review,
        name="line-review",
    ),
    path(
        "<str:number>/<str:verification>/",
        views.guest_order_detail,
        name="guest-detail",
    ),
]
