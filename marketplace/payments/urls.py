from django.urls import path

from marketplace.payments import views

app_name = "payments"

urlpatterns = [
    path(
        "midtrans/notification/",
        views.midtrans_notification,
        name="midtrans-notification",
    ),
    # Midtrans does not follow a redirect of its POST (APPEND_SLASH would
    # send one), so the path without the slash answers too.
    path("midtrans/notification", views.midtrans_notification),
    path("finish/", views.payment_finish, name="finish"),
    path("simulator/<str:provider_order_id>/", views.simulator_page, name="simulator"),
    path(
        "simulator/<str:provider_order_id>/action/",
        views.simulator_action,
        name="simulator-action",
    ),
]
