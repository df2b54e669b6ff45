"""Shifts (diensten), sign-ups (inschrijvingen), staffing per werkplaats and calendar tokens."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from kern.fields import ClockDateTimeField
from werkplaatsen.models import Gemeente, WerkplaatsPage


class Rol(models.TextChoices):
    GASTVROUW = "gastvrouw", _("Gastvrouw/gastheer")
    ERVARINGSDESKUNDIGE = "ervaringsdeskundige", _("Ervaringsdeskundige")


class Bezetting(models.Model):
    """How many volunteers of a role a werkplaats wants per opening. None defined: the default row."""

    werkplaats = models.ForeignKey(WerkplaatsPage, on_delete=models.CASCADE, related_name="bezettingen")
    rol = models.CharField(_("rol"), max_length=30, choices=Rol.choices)
    minimum = models.PositiveSmallIntegerField(_("minimaal"), default=2)
    maximum = models.PositiveSmallIntegerField(_("maximaal"), default=3)

    class Meta:
        verbose_name = _("bezetting")
        verbose_name_plural = _("bezettingen")
        constraints = [
            models.UniqueConstraint(fields=["werkplaats", "rol"], name="bezetting_uniek"),
            models.CheckConstraint(
                condition=Q(maximum__gte=1) & Q(maximum__gte=models.F("minimum")), name="bezetting_min_max"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.werkplaats} – {self.get_rol_display()} {self.minimum}-{self.maximum}"


# Used when a werkplaats has no Bezetting rows: one role, two to three volunteers.
STANDAARD_BEZETTING = ((Rol.GASTVROUW, 2, 3),)


class RoosterInstellingen(models.Model):
    """Roster rules a gemeente may set differently from the defaults."""

    gemeente = models.OneToOneField(Gemeente, on_delete=models.CASCADE, related_name="rooster_instellingen")
    afmeldtermijn_uren = models.PositiveSmallIntegerField(
        _("afmelden kan tot (uren voor de dienst)"), default=24
    )

    class Meta:
        verbose_name = _("roosterinstellingen")
        verbose_name_plural = _("roosterinstellingen")

    def __str__(self) -> str:
        return str(self.gemeente)


class DienstStatus(models.TextChoices):
    GEPLAND = "gepland", _("Gepland")
    GEANNULEERD = "geannuleerd", _("Gaat niet door")


class Dienst(models.Model):
    werkplaats = models.ForeignKey(WerkplaatsPage, on_delete=models.CASCADE, related_name="diensten")
    begin = models.DateTimeField(_("begin"))
    einde = models.DateTimeField(_("einde"))
    rol = models.CharField(_("rol"), max_length=30, choices=Rol.choices, default=Rol.GASTVROUW)
    minimum = models.PositiveSmallIntegerField(_("minimaal"), default=2)
    maximum = models.PositiveSmallIntegerField(_("maximaal"), default=3)
    status = models.CharField(_("status"), max_length=20, choices=DienstStatus.choices, default=DienstStatus.GEPLAND)
    # iCalendar SEQUENCE: goes up on every change a calendar client must pick up.
    sequence = models.PositiveIntegerField(default=0)
    gewijzigd_op = ClockDateTimeField(auto_now=True)
    # When the opening hours last moved this shift: whoever signed up before that may still say no,
    # even inside the notice period (rooster.services.inschrijving_annuleren).
    verplaatst_op = models.DateTimeField(_("verplaatst op"), null=True, blank=True)

    class Meta:
        verbose_name = _("dienst")
        verbose_name_plural = _("diensten")
        ordering = ["begin", "rol"]
        constraints = [
            models.UniqueConstraint(fields=["werkplaats", "begin", "rol"], name="dienst_uniek"),
            models.CheckConstraint(condition=Q(einde__gt=models.F("begin")), name="dienst_einde_na_begin"),
        ]
        indexes = [models.Index(fields=["begin"], name="dienst_begin")]

    def __str__(self) -> str:
        return f"{self.werkplaats} {self.begin:%Y-%m-%d %H:%M} {self.rol}"

    @property
    def geannuleerd(self) -> bool:
        return self.status == DienstStatus.GEANNULEERD


class InschrijvingStatus(models.TextChoices):
    INGESCHREVEN = "ingeschreven", _("Ingeschreven")
    WACHTLIJST = "wachtlijst", _("Op de wachtlijst")
    AFGEMELD = "afgemeld", _("Afgemeld")
    AANWEZIG = "aanwezig", _("Aanwezig")
    NIET_GEKOMEN = "niet_gekomen", _("Niet gekomen")


# Statuses that take one of the places of a shift.
BEZETTEND = (InschrijvingStatus.INGESCHREVEN, InschrijvingStatus.AANWEZIG)
ACTIEF = (*BEZETTEND, InschrijvingStatus.WACHTLIJST)


class Inschrijving(models.Model):
    """One volunteer on one shift. Signing up again after cancelling reuses the row (stable UID)."""

    dienst = models.ForeignKey(Dienst, on_delete=models.CASCADE, related_name="inschrijvingen")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="inschrijvingen")
    status = models.CharField(_("status"), max_length=20, choices=InschrijvingStatus.choices)
    # Place on the waitlist: the lowest number is promoted first.
    positie = models.PositiveIntegerField(_("plaats op de wachtlijst"), null=True, blank=True)
    ingeschreven_op = models.DateTimeField(_("ingeschreven op"))
    bevestigd_op = models.DateTimeField(_("bevestigd op"), null=True, blank=True)
    ingecheckt_op = models.DateTimeField(_("ingecheckt op"), null=True, blank=True)
    uitgecheckt_op = models.DateTimeField(_("uitgecheckt op"), null=True, blank=True)
    # Added to the shift's sequence for the feed: a change of the sign-up itself also bumps SEQUENCE.
    sequence = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("inschrijving")
        verbose_name_plural = _("inschrijvingen")
        constraints = [models.UniqueConstraint(fields=["dienst", "user"], name="inschrijving_uniek")]
        indexes = [models.Index(fields=["user", "status"], name="inschrijving_user_status")]

    def __str__(self) -> str:
        return f"{self.dienst} – {self.user_id} – {self.status}"

    @property
    def ical_sequence(self) -> int:
        return self.dienst.sequence + self.sequence

    @property
    def tijd_veranderd(self) -> bool:
        """The shift moved after the volunteer said yes to it: the new time is not what they promised."""
        moved = self.dienst.verplaatst_op
        if moved is None or self.ingeschreven_op >= moved:
            return False
        return not (self.bevestigd_op and self.bevestigd_op >= moved)


class AgendaToken(models.Model):
    """A secret feed URL. Only the sha256 of the token is stored; the token is shown once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="agenda_tokens")
    token_hash = models.CharField(max_length=64, unique=True)
    aangemaakt_op = ClockDateTimeField(auto_now_add=True)
    ingetrokken_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("agendalink")
        verbose_name_plural = _("agendalinks")
        constraints = [
            models.UniqueConstraint(
                fields=["user"], condition=Q(ingetrokken_op__isnull=True), name="agenda_token_een_actief"
            )
        ]

    def __str__(self) -> str:
        return f"agenda {self.user_id}"


class WerkplaatsAgendaToken(models.Model):
    """A coördinator's secret feed URL of one werkplaats's roster (sha256 stored, shown once).

    Apart from the personal AgendaToken, so making one never breaks the other subscription.
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="werkplaats_agenda_tokens")
    werkplaats = models.ForeignKey(WerkplaatsPage, on_delete=models.CASCADE, related_name="+")
    token_hash = models.CharField(max_length=64, unique=True)
    aangemaakt_op = ClockDateTimeField(auto_now_add=True)
    ingetrokken_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("agendalink van een werkplaats")
        verbose_name_plural = _("agendalinks van werkplaatsen")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "werkplaats"],
                condition=Q(ingetrokken_op__isnull=True),
                name="werkplaats_agenda_token_een_actief",
            )
        ]

    def __str__(self) -> str:
        return f"agenda {self.user_id} {self.werkplaats_id}"


class Pincode(models.Model):
    """A volunteer's 4-digit PIN for the tablet, stored as a password hash; locked after 5 wrong tries."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="rooster_pincode")
    pin_hash = models.CharField(max_length=128)
    mislukte_pogingen = models.PositiveSmallIntegerField(default=0)
    geblokkeerd_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("pincode")
        verbose_name_plural = _("pincodes")

    def __str__(self) -> str:
        return f"pincode {self.user_id}"


class Tablet(models.Model):
    """The secret link of the sign-in tablet of one werkplaats (stored as sha256, shown once)."""

    werkplaats = models.OneToOneField(WerkplaatsPage, on_delete=models.CASCADE, related_name="rooster_tablet")
    token_hash = models.CharField(max_length=64, unique=True)
    aangemaakt_op = ClockDateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("tablet")
        verbose_name_plural = _("tablets")

    def __str__(self) -> str:
        return f"tablet {self.werkplaats_id}"
