"""Shifts from opening hours: the only place diensten are created, moved or cancelled by the schedule.

Openings come from werkplaatsen.openingstijden (holidays and sluitingen applied there); this module only
compares them with the shifts that exist. A run reads every werkplaats with its hours in a handful of
queries, writes new shifts in one bulk insert and changed ones in one bulk update, so a second run with
nothing changed reads and writes nothing else.
"""

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Prefetch

from kern import clock
from rooster import sms
from rooster.models import ACTIEF, STANDAARD_BEZETTING, Dienst, DienstStatus, Inschrijving, InschrijvingStatus
from werkplaatsen import openingstijden
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


def _gewenst(werkplaatsen, start, end, now) -> dict:
    wanted = {}
    for werkplaats in werkplaatsen:
        if not werkplaats.live:
            continue  # an unpublished werkplaats has no shifts ahead
        rollen = _bezetting(werkplaats)
        for opening in openingstijden.occurrences(openingstijden.Schema.of(werkplaats), start, end):
            if opening.begin <= now:
                continue
            for rol, lo, hi in rollen:
                wanted[(werkplaats.pk, opening.begin, rol)] = (opening.einde, lo, hi)
    return wanted


@transaction.atomic
def diensten_genereren(*, werkplaats: WerkplaatsPage | None = None, weken: int | None = None) -> Resultaat:
    """Make the future shifts match the openings of the coming ``weken`` weeks. Idempotent."""
    weken = weken or settings.ROOSTER_WEKEN_VOORUIT
    now = clock.now()
    start = clock.local(now).date()
    end = start + timedelta(weeks=weken) - timedelta(days=1)
    horizon = datetime.combine(end + timedelta(days=1), time(0), tzinfo=clock.AMSTERDAM)

    pages = WerkplaatsPage.objects.filter(pk=werkplaats.pk) if werkplaats else WerkplaatsPage.objects.live()
    pages = list(
        pages.only("pk", "live").prefetch_related(
            "spreekuren", "sluitingen", Prefetch("bezettingen")
        )
    )
    wanted = _gewenst(pages, start, end, now)
    existing = Dienst.objects.filter(
        werkplaats_id__in=[p.pk for p in pages], begin__gt=now, begin__lt=horizon
    ).select_for_update()

    result = Resultaat()
    changed, geannuleerde, verplaatst = [], [], []
    for dienst in existing:
        key = (dienst.werkplaats_id, dienst.begin, dienst.rol)
        target = wanted.pop(key, None)
        if target is None:
            if dienst.status == DienstStatus.GEPLAND:
                dienst.status = DienstStatus.GEANNULEERD
                dienst.sequence += 1
                changed.append(dienst)
                geannuleerde.append(dienst)
                result.geannuleerd += 1
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
            verplaatst.append(dienst)
            result.gewijzigd += 1
            dirty = True
        if (dienst.minimum, dienst.maximum) != (lo, hi):
            dienst.minimum, dienst.maximum = lo, hi
            dirty = True
        if dirty:
            changed.append(dienst)

    if changed:
        for dienst in changed:
            dienst.gewijzigd_op = now
        Dienst.objects.bulk_update(changed, ["status", "einde", "minimum", "maximum", "sequence", "gewijzigd_op"])
    if wanted:
        # ignore_conflicts: a second run at the same moment (cron and a publish) inserts nothing twice.
        Dienst.objects.bulk_create(
            [
                Dienst(werkplaats_id=wid, begin=begin, einde=einde, rol=rol, minimum=lo, maximum=hi)
                for (wid, begin, rol), (einde, lo, hi) in wanted.items()
            ],
            ignore_conflicts=True,
            batch_size=1000,
        )
        result.aangemaakt = len(wanted)
    if geannuleerde or verplaatst:
        result.gemeld = _betrokkenen_melden(geannuleerde, verplaatst)
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
