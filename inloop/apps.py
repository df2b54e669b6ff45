from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InloopConfig(AppConfig):
    name = "inloop"
    verbose_name = _("Inloop")

    def ready(self):
        from inloop import receivers  # noqa: F401
