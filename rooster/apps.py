from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoosterConfig(AppConfig):
    name = "rooster"
    verbose_name = _("Rooster")

    def ready(self):
        from berichten.replies import reply_handler_register
        from rooster import antwoorden, signals
        from rooster.sms import SOORT_HERINNERING, SOORT_VERPLAATST

        signals.connect()
        reply_handler_register(SOORT_HERINNERING, antwoorden.herinnering_antwoord)
        reply_handler_register(SOORT_VERPLAATST, antwoorden.herinnering_antwoord)
