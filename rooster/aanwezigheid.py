"""Signing in and out at the werkplaats, no-shows, and the hours per volunteer for the allowance."""

from collections import defaultdict
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils.translation import gettext as _

from kern import clock
from rooster.models import DienstStatus, Inschrijving, InschrijvingStatus
from rooster.services import RoosterFout
from werkplaatsen import openingstijden

# Signing in opens this long before the shift: volunteers come early to set up.
OPEN_VOOR = timedelta(minutes=30)


@transaction.atomic
def inschrijving_inchecken(*, inschrijving_id: int, user) -> Inschrijving:
    inschrijving = Inschrijving.objects.select_for_update().select_related("dienst").get(pk=inschrijving_id)
    if inschrijving.user_id != user.pk:
        raise RoosterFout(_("Dit is niet uw dienst."), "geen_toegang")
    dienst, now = inschrijving.dienst, clock.now()
    if inschrijving.status == InschrijvingStatus.AANWEZIG:
        raise RoosterFout(_("U bent al ingecheckt voor deze dienst."), "al_aanwezig")
    if inschrijving.status != InschrijvingStatus.INGESCHREVEN or dienst.status != DienstStatus.GEPLAND:
        raise RoosterFout(_("U staat niet ingeschreven voor deze dienst."), "niet_ingeschreven")
    if now < dienst.begin - OPEN_VOOR:
        raise RoosterFout(
            _("Inchecken kan vanaf %(tijd)s.") % {"tijd": openingstijden.hhmm(dienst.begin - OPEN_VOOR)}, "te_vroeg"
        )
    if now >= dienst.einde:
        raise RoosterFout(_("Deze dienst is al voorbij."), "voorbij")
    inschrijving.status, inschrijving.ingecheckt_op = InschrijvingStatus.AANWEZIG, now
    inschrijving.save(update_fields=["status", "ingecheckt_op"])
    return inschrijving


@transaction.atomic
def inschrijving_uitchecken(*, inschrijving_id: int, user) -> Inschrijving:
    inschrijving = Inschrijving.objects.select_for_update().get(pk=inschrijving_id)
    if inschrijving.user_id != user.pk:
        raise RoosterFout(_("Dit is niet uw dienst."), "geen_toegang")
    if inschrijving.status != InschrijvingStatus.AANWEZIG or inschrijving.uitgecheckt_op:
        raise RoosterFout(_("U bent niet ingecheckt voor deze dienst."), "niet_aanwezig")
    inschrijving.uitgecheckt_op = clock.now()
    inschrijving.save(update_fields=["uitgecheckt_op"])
    return inschrijving


def niet_gekomen_markeren(*, now: datetime | None = None) -> int:
    """After a shift has ended, whoever was signed up and never signed in did not come."""
    now = now or clock.now()
    return Inschrijving.objects.filter(
        status=InschrijvingStatus.INGESCHREVEN, dienst__status=DienstStatus.GEPLAND, dienst__einde__lt=now
    ).update(status=InschrijvingStatus.NIET_GEKOMEN)


def uren_per_vrijwilliger(*, werkplaats, maand: date) -> list[tuple[str, str, float]]:
    """(first name, last name, hours) for one calendar month; a missing sign-out counts to the shift's end."""
    start = datetime.combine(maand.replace(day=1), time(0), tzinfo=clock.AMSTERDAM)
    einde = datetime.combine((maand.replace(day=28) + timedelta(days=4)).replace(day=1), time(0), tzinfo=clock.AMSTERDAM)
    rows = Inschrijving.objects.filter(
        dienst__werkplaats=werkplaats,
        status=InschrijvingStatus.AANWEZIG,
        dienst__begin__gte=start,
        dienst__begin__lt=einde,
    ).values_list("user_id", "user__first_name", "user__last_name", "ingecheckt_op", "uitgecheckt_op", "dienst__einde")
    totaal: dict[int, list] = defaultdict(lambda: ["", "", 0.0])
    for user_id, voornaam, achternaam, binnen, buiten, dienst_einde in rows:
        eind = buiten or dienst_einde
        totaal[user_id][0:2] = [voornaam, achternaam]
        totaal[user_id][2] += max((eind - binnen).total_seconds(), 0) / 3600
    return sorted((v, a, round(u, 2)) for v, a, u in totaal.values())
