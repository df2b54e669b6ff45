"""Fixed lists that editors pick from and residents filter on."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Weekdag(models.IntegerChoices):
    # Python's date.weekday() numbering, so no locale ever decides which day is first.
    MAANDAG = 0, _("maandag")
    DINSDAG = 1, _("dinsdag")
    WOENSDAG = 2, _("woensdag")
    DONDERDAG = 3, _("donderdag")
    VRIJDAG = 4, _("vrijdag")
    ZATERDAG = 5, _("zaterdag")
    ZONDAG = 6, _("zondag")


class Onderwerp(models.TextChoices):
    """What a resident can come for (the public face of the work, in their words)."""

    POST = "post", _("Brieven en formulieren")
    ACHTERSTANDEN = "achterstanden", _("Rekeningen die u niet kunt betalen")
    ENERGIE_WATER = "energie_water", _("Energie en water")
    HUUR = "huur", _("Huur en wonen")
    TOESLAGEN = "toeslagen", _("Toeslagen en uitkeringen")
    BELASTING = "belasting", _("Belastingaangifte")
    BUDGET = "budget", _("Rondkomen en budgetteren")
    SCHULDEN = "schulden", _("Schulden")
    DIGID = "digid", _("DigiD en online formulieren")


class Taal(models.TextChoices):
    NEDERLANDS = "nl", _("Nederlands")
    ENGELS = "en", _("Engels")
    ARABISCH = "ar", _("Arabisch")
    TURKS = "tr", _("Turks")
    POOLS = "pl", _("Pools")
    OEKRAIENS = "uk", _("Oekraïens")
    TIGRINYA = "ti", _("Tigrinya")
    SOMALISCH = "so", _("Somalisch")
    PAPIAMENTS = "pap", _("Papiaments")
