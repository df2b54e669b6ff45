"""What the finder knows about places without asking anyone: PC4 centroids and cached answers."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kern.fields import ClockDateTimeField


class Postcodegebied(models.Model):
    """The centre of a four-digit postcode area, imported from a CSV (manage.py import_pc4)."""

    pc4 = models.CharField(_("postcode (4 cijfers)"), max_length=4, primary_key=True)
    plaats = models.CharField(_("plaats"), max_length=100, db_index=True)
    latitude = models.FloatField(_("breedtegraad"))
    longitude = models.FloatField(_("lengtegraad"))

    class Meta:
        app_label = "werkplaatsen"
        verbose_name = _("postcodegebied")
        verbose_name_plural = _("postcodegebieden")

    def __str__(self) -> str:
        return f"{self.pc4} {self.plaats}"


class GeocodeAntwoord(models.Model):
    """An answer of PDOK's Locatieserver, kept so a query is asked once (also 'not found')."""

    zoekterm = models.CharField(_("zoekterm"), max_length=100, unique=True)
    gevonden = models.BooleanField(_("gevonden"))
    naam = models.CharField(_("weergavenaam"), max_length=200, blank=True)
    latitude = models.FloatField(_("breedtegraad"), null=True)
    longitude = models.FloatField(_("lengtegraad"), null=True)
    opgehaald = ClockDateTimeField(_("opgehaald"), auto_now=True)

    class Meta:
        app_label = "werkplaatsen"
        verbose_name = _("geocodeerantwoord")
        verbose_name_plural = _("geocodeerantwoorden")

    def __str__(self) -> str:
        return self.zoekterm
