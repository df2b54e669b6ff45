"""The SMS outbox: every message is a row before it is sent, so nothing is lost when Redis or Twilio is down."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kern.fields import ClockDateTimeField


class BerichtStatus(models.TextChoices):
    WAITING = "waiting", _("wachtend")
    QUEUED = "queued", _("klaargezet")
    SENT = "sent", _("verzonden")
    DELIVERED = "delivered", _("afgeleverd")
    FAILED = "failed", _("mislukt")
    UNDELIVERABLE = "undeliverable", _("onbestelbaar")
    BLOCKED = "blocked", _("geblokkeerd: sms gestopt")
    CANCELLED = "cancelled", _("geannuleerd")


# Rows in these states can still change by our own hand; the others only move forward by callbacks.
OPEN_STATUSES = (BerichtStatus.WAITING, BerichtStatus.QUEUED)


class Bericht(models.Model):
    telefoonnummer = models.CharField(_("telefoonnummer"), max_length=16, db_index=True)
    # Emptied by the retention job (berichten.services.berichten_bewaartermijn_toepassen).
    tekst = models.TextField(_("tekst"), blank=True)
    soort = models.CharField(_("soort"), max_length=50, db_index=True)
    sleutel = models.CharField(_("sleutel"), max_length=200, unique=True)
    niet_voor = models.DateTimeField(_("niet voor"))
    urgent = models.BooleanField(_("urgent"), default=False)
    status = models.CharField(
        _("status"), max_length=16, choices=BerichtStatus.choices, default=BerichtStatus.WAITING
    )
    provider_sid = models.CharField(_("provider-id"), max_length=64, blank=True, db_index=True)
    foutcode = models.CharField(_("foutcode"), max_length=16, blank=True)
    foutmelding = models.CharField(_("foutmelding"), max_length=255, blank=True)
    pogingen = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    aangemaakt_op = ClockDateTimeField(_("aangemaakt op"), auto_now_add=True, db_index=True)
    queued_at = models.DateTimeField(_("klaargezet op"), null=True, blank=True)
    verzonden_op = models.DateTimeField(_("verzonden op"), null=True, blank=True)
    afgeleverd_op = models.DateTimeField(_("afgeleverd op"), null=True, blank=True)
    tekst_gewist_op = models.DateTimeField(_("tekst gewist op"), null=True, blank=True)
    # Asked by the sender (bericht_send(nummer_wissen=True)): once final, number and text are erased.
    nummer_wissen = models.BooleanField(_("nummer wissen na verzenden"), default=False)

    class Meta:
        verbose_name = _("bericht")
        verbose_name_plural = _("berichten")
        ordering = ["-aangemaakt_op", "-id"]
        indexes = [
            # The tick's question: which open rows are due?
            models.Index(fields=["status", "niet_voor"], name="bericht_status_niet_voor"),
        ]

    def __str__(self) -> str:
        return f"{self.soort} #{self.pk} ({self.get_status_display()})"


class SmsStop(models.Model):
    """A number that sent STOP: nothing goes to it until it sends START."""

    telefoonnummer = models.CharField(_("telefoonnummer"), max_length=16, unique=True)
    gestopt_op = ClockDateTimeField(_("sms gestopt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("sms-stop")
        verbose_name_plural = _("sms-stops")

    def __str__(self) -> str:
        return str(self.gestopt_op)


class Antwoord(models.Model):
    """An inbound SMS, stored once per Twilio MessageSid so a repeated webhook is not handled twice."""

    message_sid = models.CharField(_("provider-id"), max_length=64, unique=True)
    telefoonnummer = models.CharField(_("telefoonnummer"), max_length=16, db_index=True)
    tekst = models.TextField(_("tekst"), blank=True)
    bericht = models.ForeignKey(
        Bericht,
        verbose_name=_("antwoord op"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="antwoorden",
    )
    ontvangen_op = ClockDateTimeField(_("ontvangen op"), auto_now_add=True, db_index=True)
    tekst_gewist_op = models.DateTimeField(_("tekst gewist op"), null=True, blank=True)

    class Meta:
        verbose_name = _("antwoord")
        verbose_name_plural = _("antwoorden")

    def __str__(self) -> str:
        return f"antwoord #{self.pk}"
