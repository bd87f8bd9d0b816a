from urllib.parse import urlsplit

from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import post_migrate


def sync_site(sender, using="default", **kwargs):
    """Keep the Django Site (SITE_ID) at the address of KESAN_SITE_URL.

    Oscar's e-mails, the feeds and the sitemap build absolute links from the
    Site; left alone it says example.com.
    """
    if sender.label != "sites":
        return
    from django.contrib.sites.models import Site

    domain = urlsplit(settings.KESAN_SITE_URL).netloc or "localhost"
    Site.objects.using(using).update_or_create(
        pk=settings.SITE_ID, defaults={"domain": domain, "name": "KESAN"}
    )


class KesanConfig(AppConfig):
    name = "kesan"
    verbose_name = "KESAN"

    def ready(self):
        post_migrate.connect(sync_site, dispatch_uid="kesan.sync_site")
