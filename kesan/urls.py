from django.apps import apps
from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView
from django.views.i18n import set_language

from dakwah import seller_urls as dakwah_seller_urls
from dakwah.sitemaps import SITEMAPS as DAKWAH_SITEMAPS
from kesan.accounts import LogoutView
from kesan.health import healthz
from marketplace.complaints import urls as complaint_urls
from marketplace.seller import urls as seller_urls
from marketplace.sitemaps import SITEMAPS as SHOP_SITEMAPS

SITEMAPS = {**SHOP_SITEMAPS, **DAKWAH_SITEMAPS}

# One seller dashboard, one ``seller`` namespace: the shop's pages and the
# dakwah editor pages, joined here so that marketplace never imports dakwah.
SELLER_PATTERNS = [
    *seller_urls.urlpatterns,
    path("complaints/", include(complaint_urls.seller_urlpatterns)),
    path("dakwah/", include(dakwah_seller_urls)),
]

admin.site.site_header = _("KESAN administration")
admin.site.site_title = _("KESAN administration")
admin.site.index_title = _("Curation, payouts, complaints and the ledger")

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("admin/", admin.site.urls),
    path("favicon.ico", RedirectView.as_view(url=f"{settings.STATIC_URL}img/favicon.svg")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("dakwah/", include("dakwah.urls")),
    path("seller/", include((SELLER_PATTERNS, seller_urls.app_name))),
    path("orders/", include("marketplace.fulfilment.urls")),
    path("payments/", include("marketplace.payments.urls")),
    path("", include("marketplace.urls")),
    path("", include("pesantren.urls")),
    # Before Oscar's own pattern, which signs out on a GET; its name
    # (customer:logout) reverses to this same path.
    path("accounts/logout/", LogoutView.as_view()),
    # Oscar's account order history shows one order total and raw status
    # codes; buyers follow their order per pesantren part at /orders/.
    path("accounts/orders/", RedirectView.as_view(pattern_name="orders:list")),
    path(
        "accounts/orders/<str:number>/",
        RedirectView.as_view(pattern_name="orders:detail"),
    ),
    path("", include(apps.get_app_config("oscar").urls[0])),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
