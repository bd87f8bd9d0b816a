from django.urls import path

from pesantren import views

app_name = "pesantren"

urlpatterns = [
    path("pesantren/", views.PesantrenDirectoryView.as_view(), name="directory"),
    path("join/", views.ApplicationCreateView.as_view(), name="apply"),
    path("join/edit/", views.ApplicationUpdateView.as_view(), name="application-edit"),
    path(
        "join/status/", views.ApplicationStatusView.as_view(), name="application-status"
    ),
    path("join/regions/", views.RegionOptionsView.as_view(), name="regions"),
    path(
        "join/invitation/<str:token>/",
        views.InvitationView.as_view(),
        name="invitation",
    ),
]
