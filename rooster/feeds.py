"""Calendar feeds of the roster, built with icalendar: personal, per werkplaats, and one shift.

UIDs are stable (one per sign-up, one per shift in the werkplaats feed), SEQUENCE only goes up (the
shift's sequence plus the sign-up's), and a cancelled shift stays in the feed with STATUS:CANCELLED so
a subscribed calendar removes or strikes it instead of keeping a stale event.
"""

from datetime import timedelta

from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from kern import clock
from rooster.models import DienstStatus, InschrijvingStatus, Rol
from werkplaatsen.feeds import vtimezone_amsterdam

REFRESH = timedelta(hours=1)
PRODID = "-//Werkplaats//Rooster//NL"


class _RolNamen(dict):
    """Role labels translated once per feed instead of once per event."""

    def __missing__(self, key):
        return key


def _rol_namen() -> dict:
    return _RolNamen({value: str(label) for value, label in Rol.choices})


def _calendar(naam: str, uid: str) -> Calendar:
    calendar = Calendar.new(name=naam, prodid=PRODID, refresh_interval=REFRESH, uid=uid)
    calendar.add("x-published-ttl", "PT1H")  # Outlook's spelling of REFRESH-INTERVAL
    calendar.add_component(vtimezone_amsterdam())
    return calendar


def _locatie(werkplaats) -> str:
    return f"{werkplaats.straat}, {werkplaats.postcode} {werkplaats.plaats}"


def _inschrijving_event(inschrijving, stamp, rol_namen=None) -> Event:
    dienst = inschrijving.dienst
    cancelled = (
        dienst.status == DienstStatus.GEANNULEERD or inschrijving.status == InschrijvingStatus.AFGEMELD
    )
    wachtlijst = inschrijving.status == InschrijvingStatus.WACHTLIJST
    summary = _("Dienst %(werkplaats)s") % {"werkplaats": dienst.werkplaats.title}
    if wachtlijst:
        summary += " " + _("(wachtlijst)")
    return Event.new(
        uid=f"inschrijving-{inschrijving.pk}@werkplaats",
        sequence=inschrijving.ical_sequence,
        status="CANCELLED" if cancelled else ("TENTATIVE" if wachtlijst else "CONFIRMED"),
        summary=summary,
        start=clock.local(dienst.begin),
        end=clock.local(dienst.einde),
        location=_locatie(dienst.werkplaats),
        description=(rol_namen or _rol_namen())[dienst.rol],
        stamp=stamp,
    )


def persoonlijk_feed(user, inschrijvingen) -> bytes:
    calendar = _calendar(_("Mijn diensten"), f"rooster-{user.pk}@werkplaats")
    stamp, rol_namen = clock.now(), _rol_namen()
    for inschrijving in inschrijvingen:
        calendar.add_component(_inschrijving_event(inschrijving, stamp, rol_namen))
    return calendar.to_ical()


def inschrijving_ics(inschrijving) -> bytes:
    calendar = _calendar(
        _("Dienst %(werkplaats)s") % {"werkplaats": inschrijving.dienst.werkplaats.title},
        f"inschrijving-{inschrijving.pk}-los@werkplaats",
    )
    calendar.add_component(_inschrijving_event(inschrijving, clock.now()))
    return calendar.to_ical()


def werkplaats_feed(werkplaats, diensten) -> bytes:
    """All shifts of a werkplaats for its coördinatoren, with the team's first names."""
    calendar = _calendar(
        _("Rooster %(werkplaats)s") % {"werkplaats": werkplaats.title},
        f"rooster-werkplaats-{werkplaats.pk}@werkplaats",
    )
    stamp = clock.now()
    for dienst in diensten:
        namen = ", ".join(i.user.first_name for i in dienst.team) or _("nog niemand")
        calendar.add_component(
            Event.new(
                uid=f"dienst-{dienst.pk}@werkplaats",
                sequence=dienst.sequence,
                status="CANCELLED" if dienst.status == DienstStatus.GEANNULEERD else "CONFIRMED",
                summary=_("%(rol)s: %(bezet)s van %(minimum)s")
                % {"rol": dienst.get_rol_display(), "bezet": dienst.bezet, "minimum": dienst.minimum},
                start=clock.local(dienst.begin),
                end=clock.local(dienst.einde),
                location=_locatie(werkplaats),
                description=namen,
                stamp=stamp,
            )
        )
    return calendar.to_ical()
