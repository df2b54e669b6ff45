"""The roster's SMS texts and keys, sent through berichten's outbox.

Texts name the werkplaats, the day and the time, never why anyone comes to a werkplaats. Keys make each
message idempotent: a key carries the sign-up and the iCal sequence it is about, so a change gets a new
message and a repeat of the same change does not.
"""

import logging

from django.utils.translation import gettext as _

from berichten.regels import BerichtFout, na_stille_uren, tekst_check
from berichten.services import bericht_cancel, bericht_send
from kern import clock
from kern.telefoon import phone_mask
from werkplaatsen import openingstijden

logger = logging.getLogger(__name__)

SOORT_WIJZIGING = "dienst_wijziging"
# Its own kind, so a reply NEE to the new time reaches rooster.antwoorden.
SOORT_VERPLAATST = "dienst_verplaatst"
SOORT_HERINNERING = "dienst_herinnering"
SOORT_OPEN = "dienst_open"
SOORT_WACHTLIJST = "dienst_wachtlijst"


def naam(werkplaats) -> str:
    """The werkplaats's name, unless the name itself would tell why someone comes there."""
    try:
        return tekst_check(werkplaats.title)
    except BerichtFout:
        return _("de werkplaats")


def wanneer(dienst) -> str:
    begin = clock.local(dienst.begin)
    return _("%(dag)s om %(tijd)s") % {"dag": openingstijden.day_text(begin.date()), "tijd": f"{begin:%H:%M}"}


def _send(user, *, tekst: str, soort: str, sleutel: str, niet_voor=None) -> bool:
    """Send when the volunteer has a number and gave consent; a refused number is logged masked."""
    if not (user.telefoonnummer and user.sms_toestemming):
        return False
    try:
        bericht_send(telefoonnummer=user.telefoonnummer, tekst=tekst, soort=soort, sleutel=sleutel, niet_voor=niet_voor)
    except BerichtFout:
        logger.warning("Roster SMS %s to %s refused by the outbox", soort, phone_mask(user.telefoonnummer))
        return False
    return True


def herinnering_sleutel(inschrijving, sequence: int | None = None) -> str:
    seq = inschrijving.ical_sequence if sequence is None else sequence
    return f"dienst-herinnering:{inschrijving.pk}:{seq}"


def herinnering_intrekken(inschrijving, sequence: int) -> None:
    bericht_cancel(sleutel=herinnering_sleutel(inschrijving, sequence))


def dienst_geannuleerd(inschrijving) -> bool:
    dienst = inschrijving.dienst
    return _send(
        inschrijving.user,
        soort=SOORT_WIJZIGING,
        sleutel=f"dienst-geannuleerd:{inschrijving.pk}:{inschrijving.ical_sequence}",
        tekst=_("Uw dienst bij %(werkplaats)s op %(wanneer)s gaat niet door. Andere diensten staan in Mijn rooster.")
        % {"werkplaats": naam(dienst.werkplaats), "wanneer": wanneer(dienst)},
    )


def dienst_verplaatst(inschrijving) -> bool:
    dienst = inschrijving.dienst
    return _send(
        inschrijving.user,
        soort=SOORT_VERPLAATST,
        sleutel=f"dienst-tijd:{inschrijving.pk}:{inschrijving.ical_sequence}",
        tekst=_(
            "Uw dienst bij %(werkplaats)s heeft een nieuwe tijd: %(wanneer)s tot %(einde)s. "
            "Past dit niet? Stuur NEE of meld u af in Mijn rooster."
        )
        % {
            "werkplaats": naam(dienst.werkplaats),
            "wanneer": wanneer(dienst),
            "einde": openingstijden.hhmm(dienst.einde),
        },
    )


def wachtlijst_ingeschreven(inschrijving) -> bool:
    dienst = inschrijving.dienst
    return _send(
        inschrijving.user,
        soort=SOORT_WACHTLIJST,
        sleutel=f"dienst-wachtlijst:{inschrijving.pk}:{inschrijving.ical_sequence}",
        tekst=_("Er is plaats: u staat nu ingeschreven voor uw dienst bij %(werkplaats)s op %(wanneer)s.")
        % {"werkplaats": naam(dienst.werkplaats), "wanneer": wanneer(dienst)},
    )


def dienst_open(user, *, dienst, aanleiding: str) -> bool:
    return _send(
        user,
        soort=SOORT_OPEN,
        sleutel=f"dienst-open:{aanleiding}:{user.pk}",
        tekst=_("Er is een plaats vrij bij %(werkplaats)s op %(wanneer)s. Inschrijven kan in Mijn rooster.")
        % {"werkplaats": naam(dienst.werkplaats), "wanneer": wanneer(dienst)},
    )


def herinnering(inschrijving, *, niet_voor) -> bool:
    dienst = inschrijving.dienst
    return _send(
        inschrijving.user,
        soort=SOORT_HERINNERING,
        sleutel=herinnering_sleutel(inschrijving),
        niet_voor=niet_voor,
        tekst=_("Herinnering: u heeft een dienst bij %(werkplaats)s op %(wanneer)s. Stuur JA als u komt, NEE als u niet kunt.")
        % {"werkplaats": naam(dienst.werkplaats), "wanneer": wanneer(dienst)},
    )


def door_coordinator_afgemeld(inschrijving) -> bool:
    dienst = inschrijving.dienst
    return _send(
        inschrijving.user,
        soort=SOORT_WIJZIGING,
        sleutel=f"dienst-afgemeld:{inschrijving.pk}:{inschrijving.ical_sequence}",
        tekst=_("De coördinator heeft u afgemeld voor uw dienst bij %(werkplaats)s op %(wanneer)s.")
        % {"werkplaats": naam(dienst.werkplaats), "wanneer": wanneer(dienst)},
    )


def verzendmoment():
    """When an SMS queued now goes out: now, or 08:00 when it is queued in the quiet hours."""
    return na_stille_uren(clock.now())


def aan_team(user, *, tekst: str, sleutel: str) -> bool:
    return _send(user, soort=SOORT_WIJZIGING, sleutel=sleutel, tekst=tekst)
