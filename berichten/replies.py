"""Inbound SMS: opt-out and opt-in words, and replies routed to the app that sent the last message.

An app registers a handler for its kind of message, for example in its AppConfig.ready():

    reply_handler_register("dienst_herinnering", dienst_antwoord)

``handler(bericht, antwoord) -> str | None`` gets the last message sent to that number with this kind
and the reply text; a returned string goes back to the sender as an SMS through the outbox.

Replies need a sender that can receive SMS (a number or a Messaging Service with one), not an
alphanumeric sender ID. Twilio itself also reacts to STOP/START on its numbers (Advanced Opt-Out);
turn its automatic replies off in the Messaging Service, or people get two confirmations. Twilio keeps
blocking a number that sent STOP to it (error 21610), which the outbox records as an opt-out too.
"""

import logging
from collections.abc import Callable

from django.db import transaction
from django.utils.translation import gettext as _

from berichten.models import Antwoord, Bericht, BerichtStatus
from berichten.regels import BerichtFout, nummer_normalize
from berichten.services import (
    INTERNE_SOORTEN,
    SOORT_ANTWOORD,
    SOORT_HULP,
    SOORT_SMS_STOP,
    bericht_reply,
    sms_stop_register,
    sms_stop_withdraw,
)
from kern import clock
from kern.telefoon import phone_mask

logger = logging.getLogger(__name__)

ReplyHandler = Callable[[Bericht, str], "str | None"]
_handlers: dict[str, ReplyHandler] = {}

# What residents may text; "afmelden" is their word too, so it keeps working.
STOP_WOORDEN = {"STOP", "STOPPEN", "AFMELDEN"}
START_WOORDEN = {"START", "AANMELDEN"}


def reply_handler_register(soort: str, handler: ReplyHandler) -> None:
    _handlers[soort] = handler


def reply_handler_unregister(soort: str) -> None:
    _handlers.pop(soort, None)


def _reply(*, nummer: str, tekst: str, soort: str, sleutel: str) -> None:
    bericht_reply(telefoonnummer=nummer, tekst=tekst, soort=soort, sleutel=sleutel)


@transaction.atomic
def antwoord_receive(*, message_sid: str, van: str, tekst: str) -> Antwoord | None:
    """Handle one inbound SMS once, however often Twilio posts it. None when it was seen before."""
    try:
        nummer = nummer_normalize(van)
    except BerichtFout:
        logger.info("Inbound SMS %s from a number that is not a mobile number, ignored", message_sid)
        return None
    antwoord, created = Antwoord.objects.get_or_create(
        message_sid=message_sid, defaults={"telefoonnummer": nummer, "tekst": (tekst or "")[:1600]}
    )
    if not created:
        return None
    woord = (tekst or "").strip().upper()
    if woord in STOP_WOORDEN:
        sms_stop_register(telefoonnummer=nummer)
        _reply(
            nummer=nummer,
            soort=SOORT_SMS_STOP,
            sleutel=f"sms-stop:{message_sid}",
            tekst=_("U krijgt geen sms meer van de werkplaats. Wilt u weer sms krijgen? Stuur START."),
        )
        return antwoord
    if woord in START_WOORDEN:
        sms_stop_withdraw(telefoonnummer=nummer)
        _reply(
            nummer=nummer,
            soort=SOORT_SMS_STOP,
            sleutel=f"sms-start:{message_sid}",
            tekst=_("U krijgt weer sms van de werkplaats. Wilt u dat niet meer? Stuur STOP."),
        )
        return antwoord
    laatste = (
        Bericht.objects.filter(
            telefoonnummer=nummer, status__in=(BerichtStatus.SENT, BerichtStatus.DELIVERED)
        )
        .exclude(soort__in=INTERNE_SOORTEN)
        .order_by("-verzonden_op", "-id")
        .first()
    )
    handler = _handlers.get(laatste.soort) if laatste else None
    if handler is None:
        logger.info("Reply from %s matches no handler; help text sent", phone_mask(nummer))
        vandaag = clock.today().isoformat()
        _reply(
            nummer=nummer,
            soort=SOORT_HULP,
            # One help text per number per day, however many unknown replies arrive.
            sleutel=f"hulp:{nummer}:{vandaag}",
            tekst=_(
                "Dit nummer begrijpt uw bericht niet. Bel of bezoek de werkplaats. Geen sms meer? Stuur STOP."
            ),
        )
        return antwoord
    antwoord.bericht = laatste
    antwoord.save(update_fields=["bericht"])
    terug = handler(laatste, (tekst or "").strip())
    if terug:
        _reply(nummer=nummer, soort=SOORT_ANTWOORD, sleutel=f"antwoord:{message_sid}", tekst=terug)
    return antwoord
