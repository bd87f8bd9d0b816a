"""Payment gateways by name; MARKETPLACE_PAYMENT_GATEWAY picks the active one."""

from django.conf import settings

from marketplace.payments.gateways.midtrans import MidtransGateway
from marketplace.payments.gateways.simulator import SimulatorGateway

GATEWAYS = {gateway.name: gateway for gateway in (MidtransGateway, SimulatorGateway)}


def get_gateway(name=None):
    """The gateway called ``name`` (an attempt's ``gateway``), or the active one."""
    return GATEWAYS[name or settings.MARKETPLACE_PAYMENT_GATEWAY]()
