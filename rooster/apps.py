from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoosterConfig(AppConfig):
    name = "rooster"
    verbose_name = _("Rooster")
