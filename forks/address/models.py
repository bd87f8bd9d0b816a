"""Oscar's address app. A saved address also keeps the Kemendagri code of its
kelurahan or desa, from which the province, kabupaten/kota and kecamatan
follow (see marketplace/addresses.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.address.abstract_models import AbstractUserAddress


class UserAddress(AbstractUserAddress):
    village_code = models.CharField(
        _("Kelurahan or desa code"), max_length=13, blank=True
    )

    class Meta(AbstractUserAddress.Meta):
        pass


from oscar.apps.address.models import *  # noqa: E402,F403  (Oscar's fork pattern)
