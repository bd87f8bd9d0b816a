from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DakwahConfig(AppConfig):
    name = "dakwah"
    verbose_name = _("Dakwah")
