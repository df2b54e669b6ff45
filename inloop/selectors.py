"""Reads with rules for the workspace, the kiosk and the display screen (reports live in reports.py)."""

import statistics
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, Max, QuerySet

from accounts import permissions
from inloop.models import Bezoek, Onderwerp, Signaal, Wachtnummer, Wachtrij
from kern import clock
from werkplaatsen.models import Gemeente, WerkplaatsPage

# Until today's first visitor has been served we have no measurement; a werkplaats talk takes about this.
STANDAARD_GESPREK_MINUTEN = 12


def onderwerpen_voor(gemeente_id: int) -> QuerySet[Onderwerp]:
    return Onderwerp.objects.filter(gemeente_id=gemeente_id, actief=True).order_by("volgorde", "naam")


def bezoeken_recent(*, werkplaats: WerkplaatsPage, user, nu: datetime | None = None) -> QuerySet[Bezoek]:
    """What this user logged here in the last 24 hours: the visits they can still correct."""
    nu = nu or clock.now()
    return (
        Bezoek.objects.filter(
            werkplaats=werkplaats, gelogd_door=user, aangemaakt__gte=nu - timedelta(hours=24)
        )
        .prefetch_related("onderwerpen")
        .order_by("-aangemaakt")[:20]
    )


def bezoek_editable(*, bezoek: Bezoek, user, now: datetime | None = None) -> bool:
    """Whether this user may still change this visit: accounts decides, given the visit's own fields."""
    return permissions.can_edit_logged(
        user,
        werkplaats=bezoek.werkplaats,
        logged_by_id=bezoek.gelogd_door_id,
        logged_at=bezoek.aangemaakt,
        now=now or clock.now(),
    )


@dataclass(frozen=True)
class WachtrijStand:
    wachtend: list[Wachtnummer]
    geroepen: list[Wachtnummer]
    te_loggen: list[Wachtnummer]
    gesprek_minuten: float
    actieve_vrijwilligers: int

    def geschatte_wachttijd(self, positie: int) -> int:
        """Minutes until the visitor at ``positie`` (1 = next) is called, from today's real talks."""
        per_minuut = max(1, self.actieve_vrijwilligers)
        return round((positie - 1) * self.gesprek_minuten / per_minuut + self.gesprek_minuten / per_minuut / 2)


def wachtrij_stand(*, werkplaats_id: int, nu: datetime | None = None) -> WachtrijStand:
    """Today's queue in two queries, whatever its length."""
    nu = nu or clock.now()
    nummers = list(
        Wachtnummer.objects.filter(wachtrij__werkplaats_id=werkplaats_id, wachtrij__datum=clock.today(nu))
        .select_related("geroepen_door", "bezoek")
        .order_by("nummer")
    )
    S = Wachtnummer.Status
    duren = [
        (n.afgerond_op - n.geroepen_op).total_seconds() / 60
        for n in nummers
        if n.status in (S.GEHOLPEN, S.OVERGEDRAGEN) and n.geroepen_op and n.afgerond_op
    ]
    # Volunteers who called someone in the last hour are the ones working the queue right now.
    actief = {n.geroepen_door_id for n in nummers if n.geroepen_op and n.geroepen_op > nu - timedelta(hours=1)}
    te_loggen = []
    for n in nummers:
        if n.status in (S.GEHOLPEN, S.OVERGEDRAGEN):
            try:
                n.bezoek  # noqa: B018 - a reverse one-to-one raises when there is none
            except Bezoek.DoesNotExist:
                te_loggen.append(n)
    return WachtrijStand(
        wachtend=[n for n in nummers if n.status == S.WACHTEND],
        geroepen=[n for n in nummers if n.status == S.GEROEPEN],
        te_loggen=te_loggen,
        gesprek_minuten=statistics.median(duren) if duren else STANDAARD_GESPREK_MINUTEN,
        actieve_vrijwilligers=len(actief - {None}),
    )


def scherm_stand(*, werkplaats_id: int, nu: datetime | None = None) -> dict:
    """What the screen in the room shows: numbers only, nothing about anyone."""
    stand = wachtrij_stand(werkplaats_id=werkplaats_id, nu=nu)
    geroepen = sorted(stand.geroepen, key=lambda n: n.geroepen_op, reverse=True)
    return {
        "geroepen": [n.nummer for n in geroepen[:4]],
        "wachtend": len(stand.wachtend),
        "wachttijd_minuten": stand.geschatte_wachttijd(len(stand.wachtend) + 1) if stand.wachtend else 0,
    }


def wachtrij_laatste_nummer(*, werkplaats_id: int, nu: datetime | None = None) -> int:
    return (
        Wachtrij.objects.filter(werkplaats_id=werkplaats_id, datum=clock.today(nu or clock.now()))
        .aggregate(m=Max("laatste_nummer"))["m"]
        or 0
    )


def signalen_voor(*, user, gemeente_id: int | None = None) -> QuerySet[Signaal]:
    """Signals of the user's gemeenten, most reported first, with how often they came up."""
    gemeenten = permissions.gemeenten_for_signalen(user)
    if gemeente_id is not None:
        gemeenten = gemeenten.filter(pk=gemeente_id)
    return (
        Signaal.objects.filter(gemeente__in=gemeenten)
        .annotate(aantal=Count("meldingen"), laatst=Max("meldingen__gemeld_op"))
        .select_related("gemeente")
        .order_by("-laatst")
    )


def signaal_per_maand(signalen: list[Signaal]) -> dict[int, dict[str, int]]:
    """Reports per signal per month (YYYY-MM): the counts over time the gemeente asked for."""
    from inloop.models import SignaalMelding

    result: dict[int, dict[str, int]] = {s.pk: {} for s in signalen}
    for signaal_id, gemeld_op in SignaalMelding.objects.filter(signaal__in=signalen).values_list(
        "signaal_id", "gemeld_op"
    ):
        maand = clock.local(gemeld_op).strftime("%Y-%m")
        result[signaal_id][maand] = result[signaal_id].get(maand, 0) + 1
    return result


def gemeenten_met_signalen(user) -> QuerySet[Gemeente]:
    return permissions.gemeenten_for_signalen(user)
