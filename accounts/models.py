"""Users and who has which role where (memberships)."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from kern import clock
from kern.telefoon import phone_normalize
from werkplaatsen.models import Gemeente, Organisatie, WerkplaatsPage


class PhoneNumberField(models.CharField):
    """A CharField that keeps numbers in E.164, whichever way they were typed."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 16)
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return value
        return phone_normalize(value)


class User(AbstractUser):
    class Taal(models.TextChoices):
        NEDERLANDS = "nl", _("Nederlands")
        ENGELS = "en", _("Engels")

    telefoonnummer = PhoneNumberField(
        _("telefoonnummer"),
        blank=True,
        null=True,
        unique=True,
        help_text=_("Mobiel nummer voor herinneringen en inlogcodes."),
    )
    sms_toestemming = models.BooleanField(_("toestemming voor sms"), default=False)
    sms_toestemming_op = models.DateTimeField(_("toestemming voor sms gegeven op"), null=True, blank=True)
    taal = models.CharField(_("taal"), max_length=2, choices=Taal.choices, default=Taal.NEDERLANDS)

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        constraints = [
            models.UniqueConstraint(
                Lower("email"), condition=~models.Q(email=""), name="gebruiker_email_uniek"
            ),
        ]

    def sms_toestemming_geven(self) -> None:
        """Record consent with its moment; consent without a date is worth nothing in an audit."""
        self.sms_toestemming = True
        self.sms_toestemming_op = clock.now()

    def sms_toestemming_intrekken(self) -> None:
        self.sms_toestemming = False
        self.sms_toestemming_op = clock.now()


class WerkplaatsRol(models.TextChoices):
    VRIJWILLIGER = "vrijwilliger", _("Vrijwilliger")
    COORDINATOR = "coordinator", _("Coördinator")


class OrganisatieRol(models.TextChoices):
    BUDGETCOACH = "budgetcoach", _("Budgetcoach")
    SOCIAAL_RAADSLID = "sociaal_raadslid", _("Sociaal raadslid")
    SCHULDHULPVERLENER = "schuldhulpverlener", _("Schuldhulpverlener")
    MAATSCHAPPELIJK_WERKER = "maatschappelijk_werker", _("Maatschappelijk werker")


class GemeenteRol(models.TextChoices):
    # Sees reports of the whole gemeente, never personal data.
    BELEIDSMEDEWERKER = "beleidsmedewerker", _("Beleidsmedewerker")
    # Publishes werkplaatsen, opening hours and pages in the Wagtail admin.
    REDACTEUR = "redacteur", _("Redacteur")


class WerkplaatsLidmaatschap(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="werkplaats_lidmaatschappen")
    werkplaats = models.ForeignKey(WerkplaatsPage, on_delete=models.CASCADE, related_name="lidmaatschappen")
    rol = models.CharField(_("rol"), max_length=20, choices=WerkplaatsRol.choices)
    sinds = models.DateField(_("sinds"), default=clock.today)

    class Meta:
        verbose_name = _("lidmaatschap van een werkplaats")
        verbose_name_plural = _("lidmaatschappen van werkplaatsen")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "werkplaats", "rol"], name="werkplaats_lidmaatschap_uniek"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_rol_display()} – {self.werkplaats}"


class OrganisatieLidmaatschap(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="organisatie_lidmaatschappen")
    organisatie = models.ForeignKey(Organisatie, on_delete=models.CASCADE, related_name="lidmaatschappen")
    rol = models.CharField(_("rol"), max_length=30, choices=OrganisatieRol.choices)

    class Meta:
        verbose_name = _("lidmaatschap van een organisatie")
        verbose_name_plural = _("lidmaatschappen van organisaties")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisatie", "rol"], name="organisatie_lidmaatschap_uniek"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_rol_display()} – {self.organisatie}"


class GemeenteLidmaatschap(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="gemeente_lidmaatschappen")
    gemeente = models.ForeignKey(Gemeente, on_delete=models.CASCADE, related_name="lidmaatschappen")
    rol = models.CharField(_("rol"), max_length=20, choices=GemeenteRol.choices)

    class Meta:
        verbose_name = _("lidmaatschap van een gemeente")
        verbose_name_plural = _("lidmaatschappen van gemeenten")
        constraints = [
            models.UniqueConstraint(fields=["user", "gemeente", "rol"], name="gemeente_lidmaatschap_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_rol_display()} – {self.gemeente}"


class Inlogcode(models.Model):
    """A one-time login code sent by SMS. Only its HMAC is stored; it works once, briefly, a few tries.

    Every request makes one, for an unknown number too (without a user, never sent, erased after the
    window): the same work and the same per-number limit whether or not someone volunteers here.
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+", null=True, blank=True)
    # HMAC of the number asked for (never the number): what the rate limit counts.
    nummer_hash = models.CharField(max_length=64, default="")
    code_hash = models.CharField(max_length=64)
    aangemaakt = models.DateTimeField(default=clock.now)
    verloopt = models.DateTimeField()
    pogingen = models.PositiveSmallIntegerField(default=0)
    gebruikt = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("inlogcode")
        verbose_name_plural = _("inlogcodes")
        indexes = [models.Index(fields=["user", "aangemaakt"]), models.Index(fields=["nummer_hash", "aangemaakt"])]

    def __str__(self) -> str:
        return f"{self.user} {self.aangemaakt:%Y-%m-%d %H:%M}"


class Uitnodiging(models.Model):
    """A coordinator's invitation: an SMS link that logs a new volunteer in once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="uitnodigingen")
    werkplaats = models.ForeignKey(WerkplaatsPage, on_delete=models.CASCADE, related_name="+")
    uitgenodigd_door = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    token_hash = models.CharField(max_length=64, unique=True)
    aangemaakt = models.DateTimeField(default=clock.now)
    verloopt = models.DateTimeField()
    gebruikt = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")

    def __str__(self) -> str:
        return f"{self.user} – {self.werkplaats}"


# The audit log lives in its own module; importing it here registers the model with this app.
from accounts.audit import AuditRegel  # noqa: E402, F401
