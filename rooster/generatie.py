"""Shifts from opening hours: the only place diensten are created, moved or cancelled by the schedule.

Openings come from werkplaatsen.openingstijden (holidays and sluitingen applied there); this module only
compares them with the shifts that exist. A run reads every werkplaats with its hours in a handful of
queries, writes new shifts in one bulk insert and changed ones in one bulk update, so a second run with
nothing changed reads and writes nothing else.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Prefetch
from django.utils.translation import ngettext

from kern import clock
from rooster import sms
from rooster.models import ACTIEF, STANDAARD_BEZETTING, Dienst, DienstStatus, Inschrijving, InschrijvingStatus
from werkplaatsen import openingstijden
from werkplaatsen.choices import Weekdag
from werkplaatsen.models import WerkplaatsPage


@dataclass
class Resultaat:
    aangemaakt: int = 0
    gewijzigd: int = 0
    geannuleerd: int = 0
    hersteld: int = 0
    gemeld: list = field(default_factory=list)


def _bezetting(werkplaats) -> list[tuple[str, int, int]]:
    rows = [(b.rol, b.minimum, b.maximum) for b in werkplaats.bezettingen.all()]
    return rows or [(rol, lo, hi) for rol, lo, hi in STANDAARD_BEZETTING]


def _gewenst(werkplaatsen, start, end, now, *, als_gepubliceerd=False) -> dict:
    wanted = {}
    for werkplaats in werkplaatsen:
        if not (werkplaats.live or als_gepubliceerd):
            continue  # an unpublished werkplaats has no shifts ahead
        rollen = _bezetting(werkplaats)
        for opening in openingstijden.occurrences(openingstijden.Schema.of(werkplaats), start, end):
            if opening.begin <= now:
                continue
            for rol, lo, hi in rollen:
                wanted[(werkplaats.pk, opening.begin, rol)] = (opening.einde, lo, hi)
    return wanted


@dataclass
class _Plan:
    """What a run would change, worked out on unsaved objects: the dry run and the real run share it."""

    result: Resultaat
    changed: list = field(default_factory=list)
    geannuleerde: list = field(default_factory=list)
    verplaatst: list = field(default_factory=list)
    nieuw: dict = field(default_factory=dict)


def _venster(weken: int | None):
    weken = weken or settings.ROOSTER_WEKEN_VOORUIT
    now = clock.now()
    start = clock.local(now).date()
    end = start + timedelta(weeks=weken) - timedelta(days=1)
    horizon = datetime.combine(end + timedelta(days=1), time(0), tzinfo=clock.AMSTERDAM)
    return now, start, end, horizon


def _dag(wid: int, begin: datetime, rol: str) -> tuple:
    return (wid, clock.local(begin).date(), rol)


def _plan(pages, existing, *, now, start, end, als_gepubliceerd=False) -> _Plan:
    """Match the existing shifts to the openings; change the Dienst objects in memory only.

    First every shift that still starts at an opening keeps it. What is left is matched per werkplaats,
    day and role in order of time: an opening that replaces another on the same day moves that shift
    (same row, same sign-ups, SEQUENCE up). Only a shift left without an opening on its day is cancelled.
    """
    wanted = _gewenst(pages, start, end, now, als_gepubliceerd=als_gepubliceerd)
    plan = _Plan(Resultaat())
    result = plan.result
    over = defaultdict(list)
    for dienst in existing:
        target = wanted.pop((dienst.werkplaats_id, dienst.begin, dienst.rol), None)
        if target is None:
            over[_dag(dienst.werkplaats_id, dienst.begin, dienst.rol)].append(dienst)
            continue
        einde, lo, hi = target
        dirty = False
        if dienst.status == DienstStatus.GEANNULEERD:
            dienst.status = DienstStatus.GEPLAND
            dienst.sequence += 1
            dienst.einde = einde
            result.hersteld += 1
            dirty = True
        elif dienst.einde != einde:
            dienst.einde = einde
            dienst.sequence += 1
            plan.verplaatst.append(dienst)
            result.gewijzigd += 1
            dirty = True
        if (dienst.minimum, dienst.maximum) != (lo, hi):
            dienst.minimum, dienst.maximum = lo, hi
            dirty = True
        if dirty:
            plan.changed.append(dienst)

    openingen = defaultdict(list)
    for (wid, begin, rol), target in wanted.items():
        openingen[_dag(wid, begin, rol)].append((begin, target))
    for dag, diensten in over.items():
        vrij = sorted(openingen.pop(dag, []), key=lambda o: o[0])
        gepland = sorted((d for d in diensten if d.status == DienstStatus.GEPLAND), key=lambda d: d.begin)
        # A cancelled shift of that day comes back at the new time only after every planned one moved.
        gesloten = sorted((d for d in diensten if d.status != DienstStatus.GEPLAND), key=lambda d: d.begin)
        for dienst, (begin, (einde, lo, hi)) in zip(gepland + gesloten, vrij, strict=False):
            if dienst.status == DienstStatus.GEPLAND:
                plan.verplaatst.append(dienst)
                result.gewijzigd += 1
            else:
                dienst.status = DienstStatus.GEPLAND
                result.hersteld += 1
            dienst.begin, dienst.einde, dienst.minimum, dienst.maximum = begin, einde, lo, hi
            dienst.sequence += 1
            plan.changed.append(dienst)
        for dienst in gepland[len(vrij):]:
            dienst.status = DienstStatus.GEANNULEERD
            dienst.sequence += 1
            plan.changed.append(dienst)
            plan.geannuleerde.append(dienst)
            result.geannuleerd += 1
        for begin, target in vrij[len(gepland) + len(gesloten):]:
            openingen[dag].append((begin, target))
    for dag, rest in openingen.items():
        for begin, target in rest:
            plan.nieuw[(dag[0], begin, dag[2])] = target
    return plan


def _pages(werkplaats):
    pages = WerkplaatsPage.objects.filter(pk=werkplaats.pk) if werkplaats else WerkplaatsPage.objects.live()
    return list(pages.only("pk", "live").prefetch_related("spreekuren", "sluitingen", Prefetch("bezettingen")))


@transaction.atomic
def diensten_genereren(*, werkplaats: WerkplaatsPage | None = None, weken: int | None = None) -> Resultaat:
    """Make the future shifts match the openings of the coming ``weken`` weeks. Idempotent."""
    now, start, end, horizon = _venster(weken)
    pages = _pages(werkplaats)
    existing = Dienst.objects.filter(
        werkplaats_id__in=[p.pk for p in pages], begin__gt=now, begin__lt=horizon
    ).select_for_update()
    plan = _plan(pages, existing, now=now, start=start, end=end)
    result = plan.result

    if plan.changed:
        for dienst in plan.changed:
            dienst.gewijzigd_op = now
        for dienst in plan.verplaatst:
            dienst.verplaatst_op = now
        Dienst.objects.bulk_update(
            plan.changed,
            ["status", "begin", "einde", "minimum", "maximum", "sequence", "gewijzigd_op", "verplaatst_op"],
        )
    if plan.nieuw:
        # ignore_conflicts: a second run at the same moment (cron and a publish) inserts nothing twice.
        Dienst.objects.bulk_create(
            [
                Dienst(werkplaats_id=wid, begin=begin, einde=einde, rol=rol, minimum=lo, maximum=hi)
                for (wid, begin, rol), (einde, lo, hi) in plan.nieuw.items()
            ],
            ignore_conflicts=True,
            batch_size=1000,
        )
        result.aangemaakt = len(plan.nieuw)
    if plan.geannuleerde or plan.verplaatst:
        result.gemeld = _betrokkenen_melden(plan.geannuleerde, plan.verplaatst)
    return result


def _betrokkenen_melden(geannuleerde: list[Dienst], verplaatst: list[Dienst]) -> list[int]:
    """Tell everyone on a cancelled or moved shift; a cancelled shift also ends their sign-ups."""
    ids = [d.pk for d in geannuleerde + verplaatst]
    inschrijvingen = list(
        Inschrijving.objects.filter(dienst_id__in=ids, status__in=ACTIEF).select_related("user", "dienst__werkplaats")
    )
    geannuleerd_ids = {d.pk for d in geannuleerde}
    gemeld = []
    for inschrijving in inschrijvingen:
        old_sequence = inschrijving.ical_sequence - 1  # the shift's sequence went up by one
        sms.herinnering_intrekken(inschrijving, old_sequence)
        if inschrijving.dienst_id in geannuleerd_ids:
            sms.dienst_geannuleerd(inschrijving)
        else:
            sms.dienst_verplaatst(inschrijving)
        gemeld.append(inschrijving.pk)
    Inschrijving.objects.filter(dienst_id__in=geannuleerd_ids, status__in=ACTIEF).update(
        status=InschrijvingStatus.AFGEMELD, positie=None, sequence=F("sequence") + 1
    )
    return gemeld


@dataclass
class Vooruitblik:
    """What publishing these opening hours would do to the roster (nothing is written)."""

    # (weekday, "10:00–13:00") -> number of shifts that move there
    verplaatst: dict = field(default_factory=dict)
    geannuleerd: int = 0
    nieuw: int = 0
    sms: int = 0

    @property
    def leeg(self) -> bool:
        return not (self.verplaatst or self.geannuleerd or self.nieuw)


def diensten_vooruitblik(*, werkplaats: WerkplaatsPage, weken: int | None = None) -> Vooruitblik:
    """A dry run of diensten_genereren for an unsaved version of a werkplaats (a draft revision).

    ``werkplaats`` may carry spreekuren and sluitingen that exist only in memory; it is treated as
    published, since the question is what publishing it would do.
    """
    now, start, end, horizon = _venster(weken)
    existing = list(Dienst.objects.filter(werkplaats_id=werkplaats.pk, begin__gt=now, begin__lt=horizon))
    plan = _plan([werkplaats], existing, now=now, start=start, end=end, als_gepubliceerd=True)
    vooruitblik = Vooruitblik(geannuleerd=len(plan.geannuleerde), nieuw=len(plan.nieuw))
    for dienst in plan.verplaatst:
        begin = clock.local(dienst.begin)
        tijd = f"{openingstijden.hhmm(dienst.begin)}–{openingstijden.hhmm(dienst.einde)}"
        sleutel = (begin.weekday(), tijd)
        vooruitblik.verplaatst[sleutel] = vooruitblik.verplaatst.get(sleutel, 0) + 1
    betrokken = [d.pk for d in plan.verplaatst + plan.geannuleerde]
    if betrokken:
        vooruitblik.sms = (
            Inschrijving.objects.filter(
                dienst_id__in=betrokken,
                status__in=ACTIEF,
                user__sms_toestemming=True,
                user__telefoonnummer__isnull=False,
            )
            .exclude(user__telefoonnummer="")
            .values("user_id")
            .distinct()
            .count()
        )
    return vooruitblik


def vooruitblik_regels(vooruitblik: Vooruitblik) -> list[str]:
    """The consequence in plain Dutch, one line per kind of change, for the editor."""
    regels = []
    for (weekdag, tijd), n in sorted(vooruitblik.verplaatst.items()):
        regels.append(
            ngettext(
                "%(n)s dienst op %(dag)s schuift naar %(tijd)s.",
                "%(n)s diensten op %(dag)s schuiven naar %(tijd)s.",
                n,
            )
            % {"n": n, "dag": Weekdag(weekdag).label.lower(), "tijd": tijd}
        )
    if vooruitblik.geannuleerd:
        regels.append(
            ngettext(
                "%(n)s dienst gaat niet door.", "%(n)s diensten gaan niet door.", vooruitblik.geannuleerd
            )
            % {"n": vooruitblik.geannuleerd}
        )
    if vooruitblik.nieuw:
        regels.append(
            ngettext("%(n)s nieuwe dienst.", "%(n)s nieuwe diensten.", vooruitblik.nieuw) % {"n": vooruitblik.nieuw}
        )
    if vooruitblik.sms:
        regels.append(
            ngettext(
                "%(n)s vrijwilliger krijgt een sms.", "%(n)s vrijwilligers krijgen een sms.", vooruitblik.sms
            )
            % {"n": vooruitblik.sms}
        )
    return regels
