"""Settings for the KESAN marketplace, read from environment variables.

With no environment at all the site runs on embedded defaults that need no
service: SQLite under ``var/``, Celery tasks run eagerly, e-mail goes to the
console and media files live on the local disk. Each real service is switched
on by one variable (see README, "Configuration").
"""

import os
from datetime import timedelta
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
# Oscar documents its defaults as a star import at the top of the settings.
from oscar.defaults import *

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
# A .env file beside manage.py is read unless KESAN_ENV_FILE names another
# file, or is empty to read none (the settings tests do that).
ENV_FILE = os.environ.get("KESAN_ENV_FILE", str(BASE_DIR / ".env"))
if ENV_FILE and Path(ENV_FILE).exists():
    environ.Env.read_env(ENV_FILE)

# Core ----------------------------------------------------------------------

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off. Set SECRET_KEY in the "
            "environment (or DEBUG=1 for local development)."
        )
    SECRET_KEY = "django-insecure-kesan-local-development-only"

ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.flatpages",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "axes",
    # Our apps come before Oscar so that their templates win.
    "kesan",
    "pesantren.apps.PesantrenConfig",
    "marketplace.apps.MarketplaceConfig",
    "dakwah.apps.DakwahConfig",
    # Oscar; forked apps live in forks/ and keep Oscar's labels.
    "oscar.config.Shop",
    "oscar.apps.analytics.apps.AnalyticsConfig",
    "forks.checkout.apps.CheckoutConfig",
    "forks.address.apps.AddressConfig",
    "oscar.apps.shipping.apps.ShippingConfig",
    "forks.catalogue.apps.CatalogueConfig",
    "forks.catalogue.reviews.apps.CatalogueReviewsConfig",
    "oscar.apps.communication.apps.CommunicationConfig",
    "forks.partner.apps.PartnerConfig",
    "oscar.apps.basket.apps.BasketConfig",
    "oscar.apps.payment.apps.PaymentConfig",
    "oscar.apps.offer.apps.OfferConfig",
    "forks.order.apps.OrderConfig",
    "oscar.apps.customer.apps.CustomerConfig",
    "oscar.apps.search.apps.SearchConfig",
    "oscar.apps.voucher.apps.VoucherConfig",
    "oscar.apps.wishlists.apps.WishlistsConfig",
    "oscar.apps.dashboard.apps.DashboardConfig",
    "oscar.apps.dashboard.reports.apps.ReportsDashboardConfig",
    "oscar.apps.dashboard.users.apps.UsersDashboardConfig",
    "oscar.apps.dashboard.orders.apps.OrdersDashboardConfig",
    "oscar.apps.dashboard.catalogue.apps.CatalogueDashboardConfig",
    "oscar.apps.dashboard.offers.apps.OffersDashboardConfig",
    "oscar.apps.dashboard.partners.apps.PartnersDashboardConfig",
    "oscar.apps.dashboard.pages.apps.PagesDashboardConfig",
    "oscar.apps.dashboard.ranges.apps.RangesDashboardConfig",
    "oscar.apps.dashboard.reviews.apps.ReviewsDashboardConfig",
    "oscar.apps.dashboard.vouchers.apps.VouchersDashboardConfig",
    "oscar.apps.dashboard.communications.apps.CommunicationsDashboardConfig",
    "oscar.apps.dashboard.shipping.apps.ShippingDashboardConfig",
    # Oscar's third-party apps.
    "widget_tweaks",
    "haystack",
    "treebeard",
    "sorl.thumbnail",
    "django_tables2",
    "storages",
]

SITE_ID = 1

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "kesan.middleware.RefuseNullCharactersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "kesan.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "marketplace.basket.BasketMiddleware",
    "django.contrib.flatpages.middleware.FlatpageFallbackMiddleware",
    # Last: answers a sign-in refused for too many failures.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "kesan.urls"
WSGI_APPLICATION = "kesan.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "oscar.apps.search.context_processors.search_form",
                "oscar.apps.checkout.context_processors.checkout",
                "oscar.apps.communication.notifications.context_processors.notifications",
                "oscar.core.context_processors.metadata",
                "marketplace.context_processors.navigation",
            ],
        },
    },
]

AUTHENTICATION_BACKENDS = [
    # First: refuses a sign-in while its e-mail and address are locked out.
    "axes.backends.AxesStandaloneBackend",
    "oscar.apps.customer.auth_backends.EmailBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_REDIRECT_URL = "/"

# Guessing passwords: after AXES_FAILURE_LIMIT wrong passwords for one
# e-mail from one address, that pair is refused for AXES_COOLOFF_MINUTES
# (django-axes; attempts are rows an admin sees and clears in Django admin).
# Other people, and the same person elsewhere, still sign in.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "kesan.signin.username_of"
AXES_CLIENT_IP_CALLABLE = "kesan.signin.client_address"
AXES_LOCKOUT_CALLABLE = "kesan.signin.locked_out"
AXES_SENSITIVE_PARAMETERS = ["password", "login-password"]
AXES_VERBOSE = False
# Failures are kept; successful sign-ins are not logged one row each.
AXES_DISABLE_ACCESS_LOG = True

# Database ------------------------------------------------------------------

VAR_DIR.mkdir(exist_ok=True)
DATABASES = {
    "default": env.db(
        "DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'kesan.sqlite3'}"
    )
}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # The catalogue's queries are short; PostgreSQL's JIT spent more time
    # compiling them than running them (docs/benchmarks.md).
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache, broker, Celery -----------------------------------------------------

REDIS_URL = env.str("REDIS_URL", default="")
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default=REDIS_URL)

if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="kesan"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Without a broker every task runs in-process, at once, as a plain call.
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", default="") or None
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 300
# Longer than any countdown or task time limit, so Redis never hands a task
# that is still running or waiting to a second worker.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
CELERY_TIMEZONE = "Asia/Jakarta"

# Language, time, money -----------------------------------------------------

LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_THOUSAND_SEPARATOR = True
TIME_ZONE = "Asia/Jakarta"
USE_TZ = True

OSCAR_DEFAULT_CURRENCY = "IDR"
# Oscar's own ``currency`` filter renders exactly like marketplace.money:
# "Rp150.000" in Indonesian, "Rp150,000" in English, never any decimals.
OSCAR_CURRENCY_FORMAT = {"IDR": {"format": "'Rp'#,##0", "currency_digits": False}}
OSCAR_OFFER_ROUNDING_FUNCTION = "marketplace.money.round_offer_discount"

# Static and media ----------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = env.str("MEDIA_URL", default="/media/")
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")

AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    media_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default="") or None,
            "region_name": env.str("AWS_S3_REGION_NAME", default="") or None,
            "access_key": env.str("AWS_ACCESS_KEY_ID", default="") or None,
            "secret_key": env.str("AWS_SECRET_ACCESS_KEY", default="") or None,
            "custom_domain": env.str("AWS_S3_CUSTOM_DOMAIN", default="") or None,
            "querystring_auth": env.bool("AWS_QUERYSTRING_AUTH", default=False),
            "file_overwrite": False,
            "default_acl": None,
        },
    }
else:
    media_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
# Certificate documents and complaint photos are never given a public URL:
# views stream them to those allowed (marketplace/compliance/views.py,
# marketplace/complaints/views.py). On S3 they sit under a private prefix
# with signed links only.
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=VAR_DIR / "private-media")
if AWS_STORAGE_BUCKET_NAME:
    private_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **media_storage["OPTIONS"],
            "location": "private",
            "default_acl": "private",
            "querystring_auth": True,
            "custom_domain": None,
        },
    }
else:
    private_storage = {"BACKEND": "kesan.storage.PrivateFileSystemStorage"}
STORAGES = {
    "default": media_storage,
    "private": private_storage,
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Uploaded pictures (kesan/images.py): checked before anything is stored.
KESAN_IMAGE_MAX_BYTES = env.int("KESAN_IMAGE_MAX_BYTES", default=5 * 1024 * 1024)
KESAN_IMAGE_MAX_PIXELS = env.int("KESAN_IMAGE_MAX_PIXELS", default=40_000_000)
# Longest side of a stored original; phone photos are scaled down to it.
KESAN_IMAGE_MAX_SIDE = 2000
# Audio of a kajian or an article (dakwah.Media): about an hour of MP3 at
# 64 kbit/s, small enough to upload over a phone connection.
DAKWAH_AUDIO_MAX_BYTES = env.int("DAKWAH_AUDIO_MAX_BYTES", default=40 * 1024 * 1024)

# E-mail --------------------------------------------------------------------

vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="KESAN <no-reply@kesan.test>")
OSCAR_FROM_EMAIL = DEFAULT_FROM_EMAIL
# Links in e-mails sent by Celery, which has no request to take a host from.
KESAN_SITE_URL = env.str("KESAN_SITE_URL", default="http://127.0.0.1:8000")

# Search --------------------------------------------------------------------

# Haystack is only loaded because Oscar imports it; catalogue pages and search
# run on the ORM (forks/catalogue/views.py, marketplace/selectors.py). Nothing is
# indexed on save.
HAYSTACK_CONNECTIONS = {
    "default": {"ENGINE": "haystack.backends.simple_backend.SimpleEngine"}
}
HAYSTACK_SIGNAL_PROCESSOR = "haystack.signals.BaseSignalProcessor"

# Oscar ---------------------------------------------------------------------

OSCAR_SHOP_NAME = "KESAN"
OSCAR_SHOP_TAGLINE = _("Pesantren products marketplace")
OSCAR_HOMEPAGE = "/"
OSCAR_PRODUCTS_PER_PAGE = 24
OSCAR_EAGER_ALERTS = False
# Reviews come only from buyers of received parts (marketplace.reviews), so
# they are published at once; an admin hides one by rejecting it in Django
# admin, which drops it from every average.
OSCAR_ALLOW_ANON_REVIEWS = False
OSCAR_MODERATE_REVIEWS = False
OSCAR_REVIEWS_PER_PAGE = 10
THUMBNAIL_DEBUG = False

# Marketplace ---------------------------------------------------------------

MARKETPLACE_PRODUCTS_PER_PAGE = env.int("MARKETPLACE_PRODUCTS_PER_PAGE", default=24)
MARKETPLACE_MAX_PRODUCTS_PER_PAGE = 96
MARKETPLACE_DEMO_PASSWORD = "kesan-demo-2026"
# The Oscar product class every seller product belongs to.
MARKETPLACE_PRODUCT_CLASS_SLUG = "produk-pesantren"
# Net stock at or below this counts as low, unless a stockrecord sets its own.
MARKETPLACE_LOW_STOCK_THRESHOLD = 5
# What a product needs before it is published comes from the category rules
# admins edit (marketplace.compliance). From this day on (the deadline for
# micro and small food businesses, PP 42/2024) a product whose category needs
# a halal certificate cannot be published without its number.
MARKETPLACE_HALAL_MANDATORY_FROM = env.str(
    "MARKETPLACE_HALAL_MANDATORY_FROM", default="2026-10-17"
)
# Uploaded certificate documents (PDF, JPEG or PNG).
MARKETPLACE_CERTIFICATE_MAX_BYTES = 5 * 1024 * 1024
MARKETPLACE_IMPORT_MAX_ROWS = 2000
MARKETPLACE_IMPORT_MAX_BYTES = 2 * 1024 * 1024
# What an .xlsx may unpack to; a full 2,000-row template unpacks to about 3 MB.
MARKETPLACE_IMPORT_MAX_UNPACKED_BYTES = 20 * 1024 * 1024


# Checkout: guests may buy with an e-mail address; the address form is the
# Indonesian one (forks/checkout/forms.py), so Oscar's own field list only
# drops the last name it would otherwise require.
OSCAR_ALLOW_ANON_CHECKOUT = True
OSCAR_REQUIRED_ADDRESS_FIELDS = ("first_name", "line1", "line4", "postcode", "country")
# Order statuses: the codes of marketplace.fulfilment.models.OrderStatus (a
# test keeps the two in step). Oscar reads the pipeline once, at import time.
OSCAR_INITIAL_ORDER_STATUS = "pending_payment"
OSCAR_ORDER_STATUS_PIPELINE = {
    "pending_payment": ("payment_review", "paid", "cancelled"),
    "payment_review": ("paid", "cancelled"),
    "paid": ("payment_reversed", "completed", "cancelled"),
    "payment_reversed": (),
    "completed": ("payment_reversed",),
    "cancelled": (),
}
# Shipping: a weight for products that have none, and the class that prices
# a pesantren's part of an order (a courier-rate API can replace it).
MARKETPLACE_DEFAULT_WEIGHT_GRAMS = 500
# Placing an order waits at most this long for stock rows another order
# holds, then asks the buyer to try again (instead of hanging the request).
MARKETPLACE_CHECKOUT_LOCK_TIMEOUT_MS = env.int("MARKETPLACE_CHECKOUT_LOCK_TIMEOUT_MS", default=5000)
# The largest order total (rupiah). Oscar's amount columns hold less than
# Rp10 miliar; the payment channels' own limits may be lower still.
MARKETPLACE_MAX_ORDER_TOTAL = env.int("MARKETPLACE_MAX_ORDER_TOTAL", default=5_000_000_000)
MARKETPLACE_SHIPPING_QUOTER = "marketplace.shipping.quotes.RateTableQuoter"

# Ledger: the platform fee (ujrah) kept from each paid part, in percent, and
# how many days after shipping a part's money is released if the buyer has
# not pressed "pesanan diterima".
MARKETPLACE_PLATFORM_FEE_PERCENT = env.str("MARKETPLACE_PLATFORM_FEE_PERCENT", default="0")
MARKETPLACE_AUTO_RELEASE_DAYS = env.int("MARKETPLACE_AUTO_RELEASE_DAYS", default=7)
# The smallest payout an owner may request, whole rupiah (a bank transfer costs
# KESAN a fee whatever the amount).
MARKETPLACE_MIN_PAYOUT = env.int("MARKETPLACE_MIN_PAYOUT", default=50_000)
# The return window (khiyar) after receipt, in days, and what it covers,
# where a category rule (Django admin) sets none.
MARKETPLACE_KHIYAR_DAYS = env.int("MARKETPLACE_KHIYAR_DAYS", default=3)
MARKETPLACE_KHIYAR_COVERS = env.str("MARKETPLACE_KHIYAR_COVERS", default="")

# Payments ------------------------------------------------------------------

# Midtrans is used when a server key is set; otherwise the local payment
# simulator, so that the site runs without internet. The simulator marks
# orders paid without money, so outside DEBUG it must be switched on
# explicitly (a system check refuses it otherwise).
MIDTRANS_SERVER_KEY = env.str("MIDTRANS_SERVER_KEY", default="")
MIDTRANS_CLIENT_KEY = env.str("MIDTRANS_CLIENT_KEY", default="")
MIDTRANS_IS_PRODUCTION = env.bool("MIDTRANS_IS_PRODUCTION", default=False)
MIDTRANS_SNAP_BASE_URL = env.str(
    "MIDTRANS_SNAP_BASE_URL",
    default="https://app.midtrans.com/snap/v1"
    if MIDTRANS_IS_PRODUCTION
    else "https://app.sandbox.midtrans.com/snap/v1",
)
MIDTRANS_CORE_BASE_URL = env.str(
    "MIDTRANS_CORE_BASE_URL",
    default="https://api.midtrans.com"
    if MIDTRANS_IS_PRODUCTION
    else "https://api.sandbox.midtrans.com",
)
# Sent as X-Override-Notification on each Snap request when set; otherwise
# Midtrans uses the URL configured in its dashboard.
MIDTRANS_NOTIFICATION_URL = env.str("MIDTRANS_NOTIFICATION_URL", default="")
# (connect, read) seconds; midtransclient itself waits forever.
MIDTRANS_TIMEOUT = (
    env.float("MIDTRANS_CONNECT_TIMEOUT", default=3.05),
    env.float("MIDTRANS_READ_TIMEOUT", default=10.0),
)
# Prefix of every Midtrans order_id, so that environments sharing one
# Midtrans account never collide.
MIDTRANS_ORDER_ID_PREFIX = env.str("MIDTRANS_ORDER_ID_PREFIX", default="KSN")
MARKETPLACE_PAYMENT_GATEWAY = env.str(
    "MARKETPLACE_PAYMENT_GATEWAY", default="midtrans" if MIDTRANS_SERVER_KEY else "simulator"
)
MARKETPLACE_PAYMENT_SIMULATOR_ALLOWED = env.bool(
    "MARKETPLACE_PAYMENT_SIMULATOR_ALLOWED", default=DEBUG
)
# Channels offered in Snap: transfers, e-wallets and QRIS only. No card
# instalments and no pay-later (both charge the buyer interest).
MARKETPLACE_PAYMENT_CHANNELS = env.list(
    "MARKETPLACE_PAYMENT_CHANNELS",
    default=[
        "bca_va",
        "bni_va",
        "bri_va",
        "permata_va",
        "cimb_va",
        "bsi_va",
        "echannel",
        "other_va",
        "gopay",
        "shopeepay",
        "other_qris",
    ],
)
# An unpaid order is cancelled (and its stock released) this long after it
# was placed; every Snap payment expires at the same moment.
MARKETPLACE_PAYMENT_EXPIRY_MINUTES = env.int("MARKETPLACE_PAYMENT_EXPIRY_MINUTES", default=24 * 60)
# A payment still pending after this long is checked with the status API.
MARKETPLACE_PAYMENT_RECONCILE_AFTER_MINUTES = env.int(
    "MARKETPLACE_PAYMENT_RECONCILE_AFTER_MINUTES", default=5
)

CELERY_BEAT_SCHEDULE = {
    "expire-unpaid-orders": {
        "task": "marketplace.payments.tasks.expire_unpaid_orders",
        "schedule": 300.0,
    },
    "reconcile-pending-payments": {
        "task": "marketplace.payments.tasks.reconcile_pending_payments",
        "schedule": 300.0,
    },
    # Work queued at a commit while the broker was down is picked up here.
    "send-unsent-emails": {
        "task": "marketplace.fulfilment.tasks.send_unsent_emails",
        "schedule": 600.0,
    },
    "submit-stalled-refunds": {
        "task": "marketplace.payments.tasks.submit_stalled_refunds",
        "schedule": 600.0,
    },
    # Certificate reminders (30 and 7 days before) and unpublishing on expiry.
    "check-certificate-expiry": {
        "task": "marketplace.compliance.tasks.check_certificate_expiry",
        "schedule": 3600.0 * 6,
    },
    "release-received-money": {
        "task": "marketplace.ledger.tasks.release_due_parts",
        "schedule": 3600.0,
    },
    "send-unsent-payout-emails": {
        "task": "marketplace.payouts.tasks.send_unsent_payout_emails",
        "schedule": 600.0,
    },
}

# Security ------------------------------------------------------------------

SESSION_COOKIE_SECURE = not DEBUG and env.bool("SECURE_COOKIES", default=True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
# Oscar's own cookies: the signed id of an anonymous basket (whoever has it
# takes the basket over at sign-in) and the recently viewed products.
OSCAR_BASKET_COOKIE_SECURE = SESSION_COOKIE_SECURE
OSCAR_RECENTLY_VIEWED_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
BEHIND_TLS_PROXY = env.bool("BEHIND_TLS_PROXY", default=False)
if BEHIND_TLS_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)

# Logging -------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "sorl.thumbnail": {"level": "WARNING"},
    },
}
