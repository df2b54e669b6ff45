"""Writes with rules for the SMS outbox. This is the module other apps call.

Public interface (keyword-only; rooster and inloop depend on these names):

``bericht_send(*, telefoonnummer, tekst, soort, sleutel, niet_voor=None, urgent=False, nummer_wissen=False)``
    Stores the SMS as a row (returned) and lets the outbox send it. Idempotent by ``sleutel``: calling it again
    with the same key (also from two processes at once) returns the same row and sends once. Raises
    ``BerichtFout`` (kern's domain error, with a Dutch message) for a number that is not a valid mobile
    number, an empty or too long text, or a text that reveals why someone is in contact (debt words).
    Non-urgent messages wait until 08:00 Europe/Amsterdam when ``niet_voor`` falls between 21:00 and
    08:00. A number that sent STOP gets nothing: the row is stored as "blocked by opt-out".
    ``nummer_wissen=True`` is for a number the platform promised not to keep (the kiosk's "you're
    next"): once the row is final (sent, delivered, failed, blocked, cancelled) its number and text are
    blanked, and a row still open after its day is cancelled and blanked by the nightly sweep
    (``berichten_nummers_vergeten``). Such a caller's key must not lead back to a person either.

``bericht_cancel(*, sleutel) -> bool``
    Cancels a message that is not sent yet; False when there is none or it already went out.

``berichten.selectors.sleutels_bekend(*, sleutels) -> set[str]``
    The keys among these that the outbox holds already (any status), for callers that plan ahead.

``berichten.replies.reply_handler_register(soort, handler)``
    ``handler(bericht, antwoord) -> str | None`` is called for an inbound SMS from a number whose last
    sent message had this ``soort``; a returned string is sent back as the reply.

Sending itself (tick, jobs, gateways) lives in berichten.outbox; nothing here talks to Twilio or Redis.
"""

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from berichten.models import OPEN_STATUSES, Antwoord, Bericht, BerichtStatus, SmsStop
from berichten.regels import BerichtFout, na_stille_uren, nummer_normalize, tekst_check
from kern import clock
from kern.telefoon import phone_mask

logger = logging.getLogger(__name__)

# Kinds the outbox itself sends. The opt-out confirmations must reach a number that just opted out,
# and none of these count as "the last message" that a reply belongs to.
SOORT_SMS_STOP = "sms_stop"
SOORT_HULP = "hulp"
SOORT_ANTWOORD = "antwoord"
INTERNE_SOORTEN = (SOORT_SMS_STOP, SOORT_HULP, SOORT_ANTWOORD)


def bericht_send(
    *,
    telefoonnummer: str,
    tekst: str,
    soort: str,
    sleutel: str,
    niet_voor: datetime | None = None,
    urgent: bool = False,
    nummer_wissen: bool = False,
) -> Bericht:
    if soort in INTERNE_SOORTEN:
        raise BerichtFout(
            _("Deze soort bericht is voorbehouden aan de berichtenmodule."), code="soort_voorbehouden"
        )
    return _bericht_create(
        telefoonnummer=telefoonnummer,
        tekst=tekst,
        soort=soort,
        sleutel=sleutel,
        niet_voor=niet_voor,
        urgent=urgent,
        nummer_wissen=nummer_wissen,
    )


def bericht_reply(*, telefoonnummer: str, tekst: str, soort: str, sleutel: str) -> Bericht:
    """The outbox's own answer to someone who just texted us (berichten.replies): opt-out and opt-in
    confirmations, the help text, a reply handler's answer. Only the kinds reserved for berichten.
    """
    if soort not in INTERNE_SOORTEN:
        raise BerichtFout(_("Alleen de berichtenmodule stuurt zelf een antwoord."), code="soort")
    # A direct answer to someone who just texted us: urgent, so quiet hours do not hold it back.
    return _bericht_create(
        telefoonnummer=telefoonnummer, tekst=tekst, soort=soort, sleutel=sleutel, niet_voor=None, urgent=True
    )


def _bericht_create(
    *,
    telefoonnummer: str,
    tekst: str,
    soort: str,
    sleutel: str,
    niet_voor: datetime | None,
    urgent: bool,
    nummer_wissen: bool = False,
) -> Bericht:
    sleutel = (sleutel or "").strip()
    if not sleutel or len(sleutel) > 200:
        raise BerichtFout(_("Een bericht heeft een sleutel van 1 tot 200 tekens nodig."), code="sleutel")
    if not soort or len(soort) > 50:
        raise BerichtFout(_("Een bericht heeft een soort van 1 tot 50 tekens nodig."), code="soort")
    nummer = nummer_normalize(telefoonnummer)
    tekst = tekst_check(tekst)
    now = clock.now()
    moment = max(niet_voor or now, now)
    if not urgent:
        moment = na_stille_uren(moment)
    status = BerichtStatus.WAITING
    if soort != SOORT_SMS_STOP and SmsStop.objects.filter(telefoonnummer=nummer).exists():
        status = BerichtStatus.BLOCKED
    defaults = {
        "telefoonnummer": nummer,
        "tekst": tekst,
        "soort": soort,
        "niet_voor": moment,
        "urgent": urgent,
        "status": status,
        "nummer_wissen": nummer_wissen,
    }
    # The unique constraint on sleutel decides between racing callers: the loser's INSERT waits for the
    # winner's commit, fails, and get_or_create then reads the winner's row.
    with transaction.atomic():
        bericht, created = Bericht.objects.get_or_create(sleutel=sleutel, defaults=defaults)
    if created and status == BerichtStatus.WAITING and moment <= now:
        from berichten.outbox import berichten_dispatch

        # After the caller's commit, so the job never looks for a row it cannot see yet.
        transaction.on_commit(lambda: berichten_dispatch(ids=[bericht.pk]))
    if created and status == BerichtStatus.BLOCKED:
        logger.info("SMS %s to %s blocked: number opted out", bericht.pk, phone_mask(nummer))
        if nummer_wissen:
            nummers_vergeten(ids=[bericht.pk])
            bericht.refresh_from_db()
    return bericht


def bericht_cancel(*, sleutel: str) -> bool:
    ids = list(Bericht.objects.filter(sleutel=sleutel, status__in=OPEN_STATUSES).values_list("pk", flat=True))
    cancelled = Bericht.objects.filter(pk__in=ids, status__in=OPEN_STATUSES).update(status=BerichtStatus.CANCELLED)
    nummers_vergeten(ids=ids)
    return bool(cancelled)


def nummers_vergeten(*, ids) -> int:
    """Blank number and text of these rows where the sender asked for it and the row is final."""
    return (
        Bericht.objects.filter(pk__in=ids, nummer_wissen=True)
        .exclude(status__in=OPEN_STATUSES)
        .exclude(telefoonnummer="", tekst="")
        .update(telefoonnummer="", tekst="", tekst_gewist_op=clock.now())
    )


def berichten_nummers_vergeten(*, now: datetime | None = None) -> int:
    """Nightly: rows whose number may not be kept and that are still open after their day (Redis lost
    the job, or it waited for a morning that no longer matters) are cancelled, and every such final
    row that still holds a number is blanked. Returns how many rows were blanked.
    """
    now = now or clock.now()
    vandaag, _einde = clock.day_bounds(clock.today(now))
    Bericht.objects.filter(nummer_wissen=True, status__in=OPEN_STATUSES, aangemaakt_op__lt=vandaag).update(
        status=BerichtStatus.CANCELLED
    )
    ids = Bericht.objects.filter(nummer_wissen=True).exclude(status__in=OPEN_STATUSES).exclude(
        telefoonnummer="", tekst=""
    )
    return nummers_vergeten(ids=ids.values("pk"))


def bericht_retry(*, bericht: Bericht) -> bool:
    """Staff: give a failed message a new series of attempts. False when it is no longer failed."""
    # A forgotten number cannot be tried again.
    updated = Bericht.objects.filter(pk=bericht.pk, status=BerichtStatus.FAILED).exclude(telefoonnummer="").update(
        status=BerichtStatus.WAITING,
        niet_voor=clock.now(),
        pogingen=0,
        foutcode="",
        foutmelding="",
        queued_at=None,
    )
    if updated:
        from berichten.outbox import berichten_dispatch

        transaction.on_commit(lambda: berichten_dispatch(ids=[bericht.pk]))
    return bool(updated)


@transaction.atomic
def sms_stop_register(*, telefoonnummer: str) -> bool:
    """Opt a number out; True when it was not opted out before. Open messages to it are blocked."""
    try:
        with transaction.atomic():
            _, created = SmsStop.objects.get_or_create(telefoonnummer=telefoonnummer)
    except IntegrityError:
        created = False
    open_rows = Bericht.objects.filter(telefoonnummer=telefoonnummer, status__in=OPEN_STATUSES).exclude(
        soort=SOORT_SMS_STOP
    )
    ids = list(open_rows.values_list("pk", flat=True))
    open_rows.update(status=BerichtStatus.BLOCKED)
    nummers_vergeten(ids=ids)
    logger.info("Number %s opted out", phone_mask(telefoonnummer))
    return created


def sms_stop_withdraw(*, telefoonnummer: str) -> bool:
    """Opt a number back in; True when it was opted out. Blocked messages stay blocked (they are old)."""
    deleted, _ = SmsStop.objects.filter(telefoonnummer=telefoonnummer).delete()
    logger.info("Number %s opted in again", phone_mask(telefoonnummer))
    return bool(deleted)


# Twilio's MessageStatus values, in the order a message goes through them. A callback only moves a row
# forward: a late "sent" never overwrites "delivered".
_TWILIO_STATUS = {
    "queued": (1, BerichtStatus.SENT),
    "accepted": (1, BerichtStatus.SENT),
    "scheduled": (1, BerichtStatus.SENT),
    "sending": (1, BerichtStatus.SENT),
    "sent": (1, BerichtStatus.SENT),
    "delivered": (2, BerichtStatus.DELIVERED),
    "read": (2, BerichtStatus.DELIVERED),
    "undelivered": (2, BerichtStatus.UNDELIVERABLE),
    "failed": (2, BerichtStatus.FAILED),
}
_RANK = {BerichtStatus.SENT: 1}


def bericht_status_update(*, provider_sid: str, twilio_status: str, foutcode: str = "") -> bool:
    """Apply a delivery callback. True when it changed the row; repeats and stale callbacks do not.

    Only final states (delivered, undelivered, failed) are recorded; "queued/sent" add nothing to the
    row's own "sent". A callback that arrives before the send job committed the provider id finds no row
    and is dropped; Twilio's final callback comes seconds later and does find it.
    """
    rank, status = _TWILIO_STATUS.get((twilio_status or "").lower(), (0, None))
    if not provider_sid or rank < 2:
        return False
    if foutcode == "21610":
        status = BerichtStatus.BLOCKED
    lower = [s for s, r in _RANK.items() if r < rank]
    changes = {"status": status, "foutcode": foutcode[:16]}
    if status == BerichtStatus.DELIVERED:
        changes["afgeleverd_op"] = clock.now()
    updated = Bericht.objects.filter(provider_sid=provider_sid, status__in=lower).update(**changes)
    if updated and status == BerichtStatus.BLOCKED:
        nummer = Bericht.objects.filter(provider_sid=provider_sid).values_list("telefoonnummer", flat=True)
        if nummer[0]:  # a forgotten number cannot be opted out from here; its own STOP still works
            sms_stop_register(telefoonnummer=nummer[0])
    return bool(updated)


def berichten_bewaartermijn_toepassen(*, now: datetime | None = None) -> int:
    """Erase texts older than BERICHTEN_BEWAARTERMIJN_DAGEN; keep who-when-status for statistics."""
    now = now or clock.now()
    grens = now - timedelta(days=settings.BERICHTEN_BEWAARTERMIJN_DAGEN)
    gewist = (
        Bericht.objects.filter(aangemaakt_op__lt=grens, tekst_gewist_op__isnull=True)
        .exclude(status__in=OPEN_STATUSES)
        .update(tekst="", tekst_gewist_op=now)
    )
    gewist += Antwoord.objects.filter(ontvangen_op__lt=grens, tekst_gewist_op__isnull=True).update(
        tekst="", tekst_gewist_op=now
    )
    logger.info("Retention: erased %d SMS texts older than %s", gewist, grens.date())
    return gewist
