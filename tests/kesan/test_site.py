"""The Django Site follows KESAN_SITE_URL, so absolute links are the site's."""

import pytest
from django.apps import apps
from django.contrib.sites.models import Site

from kesan.apps import sync_site

pytestmark = pytest.mark.django_db


def test_migrating_sets_the_site_to_the_configured_address(settings):
    settings.KESAN_SITE_URL = "https://kesan.example.id/"
    Site.objects.filter(pk=settings.SITE_ID).update(domain="example.com")

    sync_site(apps.get_app_config("sites"))

    site = Site.objects.get(pk=settings.SITE_ID)
    assert (site.domain, site.name) == ("kesan.example.id", "KESAN")


def test_other_apps_migrating_leave_the_site_alone(settings):
    settings.KESAN_SITE_URL = "https://kesan.example.id/"
    Site.objects.filter(pk=settings.SITE_ID).update(domain="toko.test")

    sync_site(apps.get_app_config("catalogue"))

    assert Site.objects.get(pk=settings.SITE_ID).domain == "toko.test"


def test_the_test_database_was_migrated_with_the_configured_site(settings):
    from urllib.parse import urlsplit

    assert Site.objects.get(pk=settings.SITE_ID).domain == urlsplit(
        settings.KESAN_SITE_URL
    ).netloc
