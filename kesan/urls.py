from django.apps import apps
from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.i18n import set_language

from dakwah.sitemaps import SITEMAPS as DAKWAH_SITEMAPS
from kesan.accounts import LogoutView
from kesan.health import healthz
from marketplace.sitemaps import SITEMAPS as SHOP_SITEMAPS

SITEMAPS = {**SHOP_SITEMAPS, **DAKWAH_SITEMAPS}

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("admin/", admin.site.urls),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("dakwah/", include("dakwah.urls")),
    path("seller/", include("marketplace.seller.urls")),
    path("orders/", include("marketplace.fulfilment.urls")),
    path("payments/", include("marketplace.payments.urls")),
    path("", include("marketplace.urls")),
    path("", include("pesantren.urls")),
    # Before Oscar's own pattern, which signs out on a GET; its name
    # (customer:logout) reverses to this same path.
    path("accounts/logout/", LogoutView.as_view()),
    path("", include(apps.get_app_config("oscar").urls[0])),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
