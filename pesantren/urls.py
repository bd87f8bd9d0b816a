from django.urls import path

from pesantren import views

app_name = "pesantren"

urlpatterns = [
    path("pesantren/", views.PesantrenDirectoryView.as_view(), name="directory"),
]
