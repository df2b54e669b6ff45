"""Reads with rules for the workspace, the kiosk and the display screen (reports live in reports.py)."""

import statistics
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, Max, QuerySet
from django.utils.translation import gettext as _

from accounts import permissions
from inloop.models import Bezoek, Kiosk, Onderwerp, Signaal, Wachtnummer, Wachtrij
from kern import clock
from kern.tokens import token_hash
from werkplaatsen import openingstijden
from werkplaatsen.models import Gemeente, WerkplaatsPage

# Until today's first visitor has been served we have no measurement; a werkplaats talk takes about this.
# Below this many finished talks today, no wait is estimated at all.
MIN_GESPREKKEN = 3


def _kiosk_by(veld: str, token: str) -> Kiosk | None:
    if not token or len(token) > 100:
        return None
    return Kiosk.objects.select_related("werkplaats").filter(**{veld: token_hash(token)}).first()


def kiosk_voor_token(token: str) -> Kiosk | None:
    """The kiosk whose link carries this token, found by its hash; None for any other token."""
    return _kiosk_by("token_hash", token)


def kiosk_voor_scherm_token(token: str) -> Kiosk | None:
    """The kiosk whose room screen's link carries this token (the kiosk's own token does not open it)."""
    return _kiosk_by("scherm_token_hash", token)


def kiosk_van(werkplaats: WerkplaatsPage) -> Kiosk | None:
    """Whether (and when) a link was handed out; the link itself cannot be read back."""
    return Kiosk.objects.filter(werkplaats=werkplaats).first()


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
    gesprekken: list[float]  # minutes of each finished talk today
    actieve_vrijwilligers: int

    @property
    def gesprek_minuten(self) -> float | None:
        return statistics.median(self.gesprekken) if self.gesprekken else None

    def geschatte_wachttijd(self, positie: int) -> tuple[int, int] | None:
        """A range of minutes until the visitor at ``positie`` (1 = next) is called, or None.

        None until today has MIN_GESPREKKEN finished talks: one talk of 0 minutes made the old estimate
        promise "0 minuten". With enough talks, the range runs from the short to the long quarter of
        today's talks, in steps of 5 minutes, shared by the volunteers working the queue now.
        """
        if len(self.gesprekken) < MIN_GESPREKKEN:
            return None
        kort, _midden, lang = statistics.quantiles(self.gesprekken, n=4, method="inclusive")
        vrijwilligers = max(1, self.actieve_vrijwilligers)
        laag = (positie - 1) * kort / vrijwilligers
        hoog = (positie - 1) * lang / vrijwilligers + lang / vrijwilligers
        laag5 = int(laag // 5 * 5)
        hoog5 = max(laag5 + 5, int(-(-hoog // 5) * 5))
        return laag5, hoog5


# The kiosk starts handing out numbers this long before the werkplaats opens (people queue early).
KIOSK_VOOR_OPENING = timedelta(minutes=15)


@dataclass(frozen=True)
class KioskStatus:
    open: bool
    tekst: str  # why not, and when next, for the resident at the door


def kiosk_status(*, werkplaats: WerkplaatsPage, nu: datetime | None = None) -> KioskStatus:
    """Whether the kiosk hands out numbers now: during opening hours, from a quarter before."""
    nu = nu or clock.now()
    schema = openingstijden.Schema.of(werkplaats)
    if openingstijden.open_at(schema, nu) or openingstijden.open_at(schema, nu + KIOSK_VOOR_OPENING):
        return KioskStatus(True, "")
    staat = openingstijden.status(schema, nu)
    return KioskStatus(False, openingstijden.status_text(staat, nu))


def wachttijd_tekst(bereik: tuple[int, int]) -> str:
    """The estimate as the kiosk, the screen and the volunteers read it."""
    laag, hoog = bereik
    if laag == 0:
        return _("Wachttijd: minder dan %(hoog)s minuten.") % {"hoog": hoog}
    return _("Wachttijd: ongeveer %(laag)s tot %(hoog)s minuten.") % {"laag": laag, "hoog": hoog}


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
        gesprekken=duren,
        actieve_vrijwilligers=len(actief - {None}),
    )


def scherm_stand(*, werkplaats_id: int, nu: datetime | None = None) -> dict:
    """What the screen in the room shows: numbers only, nothing about anyone."""
    stand = wachtrij_stand(werkplaats_id=werkplaats_id, nu=nu)
    geroepen = sorted(stand.geroepen, key=lambda n: n.geroepen_op, reverse=True)
    return {
        "geroepen": [n.nummer for n in geroepen[:4]],
        "wachtend": len(stand.wachtend),
        "wachttijd": stand.geschatte_wachttijd(len(stand.wachtend) + 1) if stand.wachtend else None,
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
