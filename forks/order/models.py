"""Oscar's order app, with two additions: the language the buyer shopped in
(their e-mails are written in it) and the Kemendagri kelurahan/desa code of
the shipping address, which prices shipping per pesantren."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.address.abstract_models import AbstractShippingAddress
from oscar.apps.order.abstract_models import AbstractOrder


class Order(AbstractOrder):
    language = models.CharField(
        _("Language"), max_length=10, default=settings.LANGUAGE_CODE, editable=False
    )

    class Meta(AbstractOrder.Meta):
        pass


class ShippingAddress(AbstractShippingAddress):
    village_code = models.CharField(
        _("Kelurahan or desa code"), max_length=13, blank=True
    )

    class Meta(AbstractShippingAddress.Meta):
        pass


from oscar.apps.order.models import *  # noqa: E402,F403  (Oscar's fork pattern)
