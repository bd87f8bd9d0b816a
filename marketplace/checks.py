"""System checks of the payment settings."""

from django.conf import settings
from django.core.checks import Error, Warning, register

# Channels that lend the buyer money at interest (pay later).
PAY_LATER_CHANNELS = {"akulaku", "kredivo"}


@register()
def check_payment_settings(app_configs, **kwargs):
    problems = []
    gateway = settings.MARKETPLACE_PAYMENT_GATEWAY
    if gateway not in ("midtrans", "simulator"):
        problems.append(
            Error(
                f"MARKETPLACE_PAYMENT_GATEWAY is {gateway!r}.",
                hint="Use midtrans or simulator.",
                id="marketplace.E001",
            )
        )
    if gateway == "simulator" and not settings.MARKETPLACE_PAYMENT_SIMULATOR_ALLOWED:
        problems.append(
            Error(
                "The payment simulator would mark orders paid without money.",
                hint="Set MIDTRANS_SERVER_KEY, or MARKETPLACE_PAYMENT_SIMULATOR_ALLOWED=1 "
                "on a test site.",
                id="marketplace.E002",
            )
        )
    if gateway == "midtrans" and not settings.MIDTRANS_SERVER_KEY:
        problems.append(Error("MIDTRANS_SERVER_KEY is empty.", id="marketplace.E003"))
    if settings.MIDTRANS_IS_PRODUCTION and settings.MIDTRANS_SERVER_KEY.startswith(
        "SB-"
    ):
        problems.append(
            Warning(
                "MIDTRANS_IS_PRODUCTION is on with a sandbox key.",
                id="marketplace.W001",
            )
        )
    lending = PAY_LATER_CHANNELS & set(settings.MARKETPLACE_PAYMENT_CHANNELS)
    if lending:
        problems.append(
            Error(
                f"MARKETPLACE_PAYMENT_CHANNELS offers pay-later channels: {sorted(lending)}.",
                hint="The marketplace offers no interest-bearing credit.",
                id="marketplace.E004",
            )
        )
    return problems
