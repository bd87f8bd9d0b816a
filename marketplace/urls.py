from django.urls import path

from marketplace import views

app_name = "marketplace"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("search/", views.ProductSearchView.as_view(), name="search"),
    path("regions/", views.region_list, name="region-list"),
    path("pesantren/<slug:slug>/", views.StorefrontView.as_view(), name="storefront"),
]
