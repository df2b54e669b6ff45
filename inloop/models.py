"""Walk-in visits, the queue at the door, signals for the gemeente, and the report rollup.

A Bezoek is anonymous by design: there is no field for a name, a BSN, an address or a phone number.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kern.fields import ClockDateTimeField
from werkplaatsen.choices import Taal
from werkplaatsen.models import Gemeente, WerkplaatsPage

# The topics a new gemeente starts with; a gemeente can rename, reorder, hide or add topics.
STANDAARD_ONDERWERPEN = [
    ("brieven", _("Brieven en formulieren")),
    ("betalingsachterstand", _("Betalingsachterstand")),
    ("afsluiting", _("Afsluiting energie of water")),
    ("huur", _("Huurachterstand of uitzetting")),
    ("uitkering", _("Uitkering en toeslagen")),
    ("belasting", _("Belastingaangifte")),
    ("budgetteren", _("Budgetteren")),
    ("schulden", _("Schulden")),
    ("digid", _("DigiD en online formulieren")),
    ("overig", _("Iets anders")),
]


class Onderwerp(models.Model):
    gemeente = models.ForeignKey(Gemeente, on_delete=models.CASCADE, related_name="inloop_onderwerpen")
    code = models.SlugField(_("code"), max_length=40)
    naam = models.CharField(_("naam"), max_length=80)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    actief = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("onderwerp")
        verbose_name_plural = _("onderwerpen")
        ordering = ["volgorde", "naam"]
        constraints = [models.UniqueConstraint(fields=["gemeente", "code"], name="onderwerp_code_uniek")]

    def __str__(self) -> str:
        return self.naam


class Uitkomst(models.TextChoices):
    TER_PLEKKE = "ter_plekke", _("Ter plekke geholpen")
    VERVOLGAFSPRAAK = "vervolgafspraak", _("Vervolgafspraak gemaakt")
    DOORVERWEZEN = "doorverwezen", _("Doorverwezen")
    GEESCALEERD = "geescaleerd", _("Geëscaleerd naar een professional")


class Doorverwijzing(models.TextChoices):
    BUDGETCOACH = "budgetcoach", _("Budgetcoach")
    SOCIAAL_RAADSLID = "sociaal_raadslid", _("Sociaal raadslid")
    SCHULDHULP = "schuldhulpverlening", _("Schuldhulpverlening")
    MAATSCHAPPELIJK_WERK = "maatschappelijk_werk", _("Maatschappelijk werk")
    BELASTINGDIENST = "belastingdienst", _("Belastingdienst of Toeslagen")
    GEMEENTE_LOKET = "gemeente", _("Loket van de gemeente")
    ANDERS = "anders", _("Andere organisatie")


# The languages are the werkplaatsen's own list (what volunteers speak), plus "another language".
TAAL_ANDERS = "anders"
GESPREKSTALEN = [*Taal.choices, (TAAL_ANDERS, _("Andere taal"))]


class Bezoek(models.Model):
    werkplaats = models.ForeignKey(WerkplaatsPage, on_delete=models.PROTECT, related_name="bezoeken")
    aangekomen = models.DateTimeField(_("aangekomen"))
    # Only known when the visitor came through the queue; a hand-logged visit has no waiting time.
    geroepen = models.DateTimeField(_("geroepen"), null=True, blank=True)
    afgerond = models.DateTimeField(_("afgerond"))
    onderwerpen = models.ManyToManyField(Onderwerp, related_name="bezoeken", verbose_name=_("onderwerpen"))
    uitkomst = models.CharField(_("uitkomst"), max_length=20, choices=Uitkomst.choices)
    doorverwezen_naar = models.CharField(
        _("doorverwezen naar"), max_length=30, choices=Doorverwijzing.choices, blank=True
    )
    eerste_bezoek = models.BooleanField(_("eerste bezoek"), default=True)
    taal = models.CharField(_("taal"), max_length=10, choices=GESPREKSTALEN, default=Taal.NEDERLANDS)
    duur_minuten = models.PositiveSmallIntegerField(_("duur in minuten"))
    notitie = models.CharField(_("notitie"), max_length=300, blank=True)
    wachtnummer = models.OneToOneField(
        "inloop.Wachtnummer", null=True, blank=True, on_delete=models.SET_NULL, related_name="bezoek"
    )
    gelogd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    aangemaakt = ClockDateTimeField(_("aangemaakt"), auto_now_add=True)
    gewijzigd = ClockDateTimeField(_("gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("bezoek")
        verbose_name_plural = _("bezoeken")
        ordering = ["-aangekomen"]
        indexes = [models.Index(fields=["werkplaats", "aangekomen"], name="bezoek_werkplaats_tijd")]

    def __str__(self) -> str:
        return f"{self.werkplaats_id} {self.aangekomen:%Y-%m-%d %H:%M}"

    @property
    def wachttijd_seconden(self) -> int | None:
        if self.geroepen is None:
            return None
        return int((self.geroepen - self.aangekomen).total_seconds())


class BezoekTelling(models.Model):
    """Counts per werkplaats × week × (dimension, value), kept up to date by the services.

    Reports read these rows instead of scanning every visit; bezoek_log and bezoek_edit change them
    in the same transaction as the visit, so they are never a nightly guess.
    """

    class Dimensie(models.TextChoices):
        BEZOEK = "bezoek", _("Bezoeken")
        ONDERWERP = "onderwerp", _("Onderwerp")
        UITKOMST = "uitkomst", _("Uitkomst")
        EERSTE = "eerste", _("Eerste bezoek")
        UUR = "uur", _("Uur van de dag")
        TAAL = "taal", _("Taal")
        NIET_VERSCHENEN = "niet_verschenen", _("Niet verschenen")

    werkplaats = models.ForeignKey(WerkplaatsPage, on_delete=models.CASCADE, related_name="+")
    week = models.DateField(_("week (maandag)"))
    dimensie = models.CharField(max_length=20, choices=Dimensie.choices)
    waarde = models.CharField(max_length=40, blank=True)
    aantal = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("bezoektelling")
        verbose_name_plural = _("bezoektellingen")
        constraints = [
            models.UniqueConstraint(
                fields=["werkplaats", "week", "dimensie", "waarde"], name="bezoektelling_uniek"
            )
        ]
        indexes = [models.Index(fields=["dimensie", "week"], name="bezoektelling_dimensie_week")]

    def __str__(self) -> str:
        return f"{self.week} {self.dimensie}={self.waarde}: {self.aantal}"


def _token() -> str:
    # Only migration 0001 still refers to this (the plain token column it made is gone since 0009).
    return secrets.token_urlsafe(24)


class Kiosk(models.Model):
    """The secret links for the kiosk at the door and the screen in the room of one werkplaats.

    A kiosk has no logged-in user (it stands in a public hall), so the link itself is the key: it can
    only hand out numbers and show them, and a coordinator replaces it when it leaks. Only the hash
    of the token is kept (``kern.tokens``): the link is shown once, when it is made.
    """

    werkplaats = models.OneToOneField(WerkplaatsPage, on_delete=models.CASCADE, related_name="kiosk")
    token_hash = models.CharField(max_length=64, unique=True)
    # The room screen has a link of its own: a photo of the screen's URL must not hand out numbers.
    scherm_token_hash = models.CharField(max_length=64, unique=True)
    vernieuwd = ClockDateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("kiosk")
        verbose_name_plural = _("kiosks")

    def __str__(self) -> str:
        return f"kiosk {self.werkplaats_id}"


class KioskSms(models.Model):
    """One "bijna aan de beurt" SMS promised by a kiosk: what its limits count (inloop.kiosk_sms).

    The number is kept only as an HMAC together with the day, so the rows cannot be matched to a
    number, nor to the same number on another day; rows of earlier days are erased.
    """

    werkplaats = models.ForeignKey(WerkplaatsPage, on_delete=models.CASCADE, related_name="+")
    dag = models.DateField()
    nummer_hash = models.CharField(max_length=64)
    aangemaakt = models.DateTimeField()

    class Meta:
        verbose_name = _("sms van de kiosk")
        verbose_name_plural = _("sms'en van de kiosk")
        constraints = [models.UniqueConstraint(fields=["nummer_hash", "dag"], name="kiosksms_een_per_nummer_per_dag")]
        indexes = [models.Index(fields=["werkplaats", "aangemaakt"])]

    def __str__(self) -> str:
        return f"{self.werkplaats_id} {self.dag}"


class Wachtrij(models.Model):
    """The queue of one werkplaats on one day (Europe/Amsterdam); numbers start at 1 each day."""

    werkplaats = models.ForeignKey(WerkplaatsPage, on_delete=models.CASCADE, related_name="wachtrijen")
    datum = models.DateField(_("datum"))
    laatste_nummer = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("wachtrij")
        verbose_name_plural = _("wachtrijen")
        constraints = [models.UniqueConstraint(fields=["werkplaats", "datum"], name="wachtrij_per_dag")]

    def __str__(self) -> str:
        return f"{self.werkplaats_id} {self.datum}"


class Wachtnummer(models.Model):
    class Status(models.TextChoices):
        WACHTEND = "wachtend", _("Wachtend")
        GEROEPEN = "geroepen", _("Geroepen")
        GEHOLPEN = "geholpen", _("Geholpen")
        OVERGEDRAGEN = "overgedragen", _("Overgedragen aan een professional")
        NIET_VERSCHENEN = "niet_verschenen", _("Niet verschenen")

    wachtrij = models.ForeignKey(Wachtrij, on_delete=models.CASCADE, related_name="nummers")
    nummer = models.PositiveIntegerField(_("nummer"))
    status = models.CharField(_("status"), max_length=15, choices=Status.choices, default=Status.WACHTEND)
    aangemaakt = models.DateTimeField(_("getrokken"))
    geroepen_op = models.DateTimeField(_("geroepen"), null=True, blank=True)
    afgerond_op = models.DateTimeField(_("afgerond"), null=True, blank=True)
    geroepen_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    overgedragen_aan = models.CharField(
        _("overgedragen aan"), max_length=30, choices=Doorverwijzing.choices, blank=True
    )
    # Only when the resident asked for a "you're next" SMS; erased once it is sent or the number is
    # called, and at the end of the day in any case (inloop.jobs.wachtnummers_telefoon_wissen).
    telefoonnummer = models.CharField(_("mobiel nummer voor een sms"), max_length=16, blank=True)
    sms_gestuurd = models.BooleanField(_("sms 'bijna aan de beurt' gestuurd"), default=False)

    class Meta:
        verbose_name = _("wachtnummer")
        verbose_name_plural = _("wachtnummers")
        ordering = ["nummer"]
        constraints = [
            models.UniqueConstraint(fields=["wachtrij", "nummer"], name="wachtnummer_uniek_per_dag")
        ]

    def __str__(self) -> str:
        return str(self.nummer)


class Signaal(models.Model):
    """A recurring problem residents run into, flagged for the gemeente (never about one person)."""

    class Categorie(models.TextChoices):
        BRIEF = "brief", _("Onbegrijpelijke brief of formulier")
        REGEL = "regel", _("Regel die niet werkt in de praktijk")
        BEREIKBAARHEID = "bereikbaarheid", _("Instantie slecht bereikbaar")
        DIGITAAL = "digitaal", _("Digitale drempel")
        ANDERS = "anders", _("Iets anders")

    gemeente = models.ForeignKey(Gemeente, on_delete=models.CASCADE, related_name="inloop_signalen")
    titel = models.CharField(_("korte omschrijving"), max_length=120)
    categorie = models.CharField(_("soort"), max_length=20, choices=Categorie.choices)
    aangemaakt = ClockDateTimeField(_("aangemaakt"), auto_now_add=True)
    # The title was erased after the gemeente's retention period (inloop.bewaartermijn); counts remain.
    gewist = models.BooleanField(_("tekst gewist"), default=False)

    class Meta:
        verbose_name = _("signaal")
        verbose_name_plural = _("signalen")
        ordering = ["-aangemaakt"]

    def __str__(self) -> str:
        return self.titel


class SignaalMelding(models.Model):
    """One time a volunteer ran into the signal: the counts over time are these rows."""

    signaal = models.ForeignKey(Signaal, on_delete=models.CASCADE, related_name="meldingen")
    werkplaats = models.ForeignKey(WerkplaatsPage, on_delete=models.CASCADE, related_name="+")
    gemeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    gemeld_op = ClockDateTimeField(_("gemeld op"), auto_now_add=True)

    class Meta:
        verbose_name = _("melding van een signaal")
        verbose_name_plural = _("meldingen van signalen")
        ordering = ["-gemeld_op"]

    def __str__(self) -> str:
        return f"{self.signaal_id} {self.gemeld_op:%Y-%m-%d}"
