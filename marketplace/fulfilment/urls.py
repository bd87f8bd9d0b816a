from django.urls import path

from marketplace.complaints.urls import buyer_urlpatterns as complaint_urlpatterns
from marketplace.fulfilment import views

app_name = "orders"

urlpatterns = [
    path("", views.order_list, name="list"),
    path("<str:number>/", views.order_detail, name="detail"),
    path("<str:number>/pay/", views.PaymentStartView.as_view(), name="pay"),
    path(
        "<str:number>/parts/<int:group_id>/received/",
        views.confirm_received,
        name="part-received",
    ),
    *complaint_urlpatterns,
    path(
        "<str:number>/<str:verification>/",
        views.guest_order_detail,
        name="guest-detail",
    ),
]
