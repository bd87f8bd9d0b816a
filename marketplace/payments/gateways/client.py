"""The one place where ``midtransclient`` clients are made, from settings.

The library sets no HTTP timeout (a stalled socket would pin a worker for
ever), shares mutable default dicts between instances, and hard-codes its
base URLs as class attributes. Each client made here gets fresh dicts, the
base URLs of the settings (so tests can point it at a loopback fake), and an
HTTP session that always passes the configured timeout. Nothing here
retries: creating a transaction twice could charge twice.
"""

import midtransclient
import requests
from django.conf import settings


class TimeoutSession:
    """Stands in for the ``requests`` module inside midtransclient's HttpClient."""

    def __init__(self, timeout):
        self.timeout = timeout
        self.session = requests.Session()

    def request(self, method, url, **kwargs):
        kwargs.setdefault("timeout", self.timeout)
        return self.session.request(method, url, **kwargs)


def _configure(client, custom_headers):
    config = client.api_config
    config.custom_headers = dict(custom_headers)
    config.proxies = {}
    # Instance attributes shadow the library's class-level constants.
    config.SNAP_SANDBOX_BASE_URL = config.SNAP_PRODUCTION_BASE_URL = (
        settings.MIDTRANS_SNAP_BASE_URL
    )
    config.CORE_SANDBOX_BASE_URL = config.CORE_PRODUCTION_BASE_URL = (
        settings.MIDTRANS_CORE_BASE_URL
    )
    client.http_client.http_client = TimeoutSession(settings.MIDTRANS_TIMEOUT)
    return client


def make_snap_client():
    """A Snap client; it asks Midtrans to notify MIDTRANS_NOTIFICATION_URL if set."""
    headers = {}
    if settings.MIDTRANS_NOTIFICATION_URL:
        headers["X-Override-Notification"] = settings.MIDTRANS_NOTIFICATION_URL
    client = midtransclient.Snap(
        is_production=settings.MIDTRANS_IS_PRODUCTION,
        server_key=settings.MIDTRANS_SERVER_KEY,
        client_key=settings.MIDTRANS_CLIENT_KEY,
        custom_headers={},
        proxies={},
    )
    return _configure(client, headers)


def make_core_client():
    """A Core API client for status, cancel and refund calls (no custom headers)."""
    client = midtransclient.CoreApi(
        is_production=settings.MIDTRANS_IS_PRODUCTION,
        server_key=settings.MIDTRANS_SERVER_KEY,
        client_key=settings.MIDTRANS_CLIENT_KEY,
        custom_headers={},
        proxies={},
    )
    return _configure(client, {})
