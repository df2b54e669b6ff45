"""Demo history: about a year of walk-ins over the demo werkplaatsen, built in a few bulk inserts.

Busier in January (the new year's bills) and in the tax-return weeks of March and April, quieter in
the summer holiday. Deterministic (fixed seed) and idempotent: a second run adds nothing.
"""

import math
import random
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.db.models import F

from accounts.models import WerkplaatsLidmaatschap
from inloop import services
from inloop.models import Bezoek, Onderwerp, Signaal, SignaalMelding, Uitkomst
from kern import clock

BEZOEKEN_PER_JAAR = 2400

ONDERWERP_GEWICHTEN = {
    "brieven": 30,
    "betalingsachterstand": 18,
    "afsluiting": 5,
    "huur": 6,
    "uitkering": 16,
    "belasting": 8,
    "budgetteren": 9,
    "schulden": 14,
    "digid": 12,
    "overig": 5,
}
UITKOMSTEN = [
    (Uitkomst.TER_PLEKKE, 55),
    (Uitkomst.VERVOLGAFSPRAAK, 20),
    (Uitkomst.DOORVERWEZEN, 20),
    (Uitkomst.GEESCALEERD, 5),
]
DOORVERWIJZINGEN = ["budgetcoach", "sociaal_raadslid", "schuldhulpverlening", "belastingdienst", "gemeente"]
TALEN = [("nl", 80), ("en", 5), ("ar", 5), ("tr", 4), ("pl", 3), ("ti", 2), ("anders", 1)]
SIGNALEN = [
    ("Brief over terugbetalen energietoeslag is niet te begrijpen", "brief", 14),
    ("Belastingdienst telefonisch onbereikbaar in aangifteweken", "bereikbaarheid", 9),
    ("Aanvraag bijzondere bijstand alleen met DigiD", "digitaal", 6),
    ("Kwijtschelding gemeentelijke belastingen: te veel bewijsstukken", "regel", 4),
]


def _seizoen(day: date) -> float:
    if day.month == 1:
        return 1.5
    if (day.month == 3 and day.day >= 1) or (day.month == 4 and day.day <= 30):
        return 1.8  # the tax-return weeks: aangifte inkomstenbelasting before 1 May
    if day.month in (7, 8):
        return 0.6
    if day.month == 12 and day.day > 20:
        return 0.3
    return 1.0


def _poisson(rng: random.Random, mean: float) -> int:
    # Knuth's method is fine for the small means of one session.
    limit, k, p = math.exp(-mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def _kies(rng: random.Random, weighted):
    values, weights = zip(*weighted, strict=True)
    return rng.choices(values, weights=weights, k=1)[0]


@transaction.atomic
def inloop_demo_seed(werkplaatsen) -> int:
    """Add a year of walk-ins and a few signals; returns how many visits were added (0 on a rerun)."""
    werkplaatsen = list(werkplaatsen)
    if not werkplaatsen or Bezoek.objects.filter(werkplaats__in=werkplaatsen).exists():
        return 0
    rng = random.Random(2026)  # noqa: S311 - demo data, reproducible on purpose
    today = clock.today()
    first = today - timedelta(days=364)
    # Each werkplaats holds a walk-in on two fixed weekdays (the demo's spreekuren).
    sessies = []
    for index, werkplaats in enumerate(werkplaatsen):
        weekdays = {index % 5, (index + 2) % 5}
        for offset in range(364):
            day = first + timedelta(days=offset)
            if day.weekday() in weekdays:
                sessies.append((werkplaats, day, _seizoen(day)))
    per_sessie = BEZOEKEN_PER_JAAR / sum(factor for _w, _d, factor in sessies)

    volunteers: dict[int, list[int]] = {}
    for werkplaats_id, user_id in WerkplaatsLidmaatschap.objects.filter(werkplaats__in=werkplaatsen).values_list(
        "werkplaats_id", "user_id"
    ):
        volunteers.setdefault(werkplaats_id, []).append(user_id)
    onderwerpen = {
        (o.gemeente_id, o.code): o.pk for o in Onderwerp.objects.filter(gemeente_id__in={w.gemeente_id for w in werkplaatsen})
    }

    bezoeken, topics = [], []
    for werkplaats, day, factor in sessies:
        n = _poisson(rng, per_sessie * factor)
        busy = n >= 6  # busy sessions run a queue, so their visits have measured waiting times
        for _ in range(n):
            minute = rng.randint(0, 179)
            aangekomen = datetime.combine(day, time(9, 30), tzinfo=clock.AMSTERDAM) + timedelta(minutes=minute)
            wacht = timedelta(minutes=rng.randint(0, 35)) if busy else None
            duur = max(5, int(rng.gauss(17, 8)))
            geroepen = aangekomen + wacht if wacht is not None else None
            uitkomst = _kies(rng, UITKOMSTEN)
            gewichten = dict(ONDERWERP_GEWICHTEN)
            if factor == 1.8:
                gewichten["belasting"] = 45
            if day.month == 1:
                gewichten["betalingsachterstand"] = 30
                gewichten["afsluiting"] = 10
            codes = set(rng.choices(list(gewichten), weights=list(gewichten.values()), k=rng.choice([1, 1, 2, 2, 3])))
            bezoeken.append(
                Bezoek(
                    werkplaats=werkplaats,
                    aangekomen=aangekomen,
                    geroepen=geroepen,
                    afgerond=(geroepen or aangekomen) + timedelta(minutes=duur),
                    uitkomst=uitkomst,
                    doorverwezen_naar=rng.choice(DOORVERWIJZINGEN) if uitkomst == Uitkomst.DOORVERWEZEN else "",
                    eerste_bezoek=rng.random() < 0.4,
                    taal=_kies(rng, TALEN),
                    duur_minuten=duur,
                    gelogd_door_id=rng.choice(volunteers.get(werkplaats.pk, [None])),
                )
            )
            topics.append([onderwerpen[(werkplaats.gemeente_id, code)] for code in codes])
    Bezoek.objects.bulk_create(bezoeken, batch_size=1000)
    # bulk_create stamps "aangemaakt" with now; history was logged when it happened.
    Bezoek.objects.filter(pk__in=[b.pk for b in bezoeken]).update(aangemaakt=F("afgerond"))
    Through = Bezoek.onderwerpen.through
    Through.objects.bulk_create(
        [Through(bezoek_id=b.pk, onderwerp_id=o) for b, ids in zip(bezoeken, topics, strict=True) for o in ids],
        batch_size=2000,
    )
    services.telling_herbereken(werkplaats_ids=[w.pk for w in werkplaatsen])
    _signalen(rng, werkplaatsen, volunteers, first)
    return len(bezoeken)


def _signalen(rng: random.Random, werkplaatsen, volunteers, first: date) -> None:
    meldingen = []
    for titel, categorie, aantal in SIGNALEN:
        signaal = Signaal.objects.create(gemeente_id=werkplaatsen[0].gemeente_id, titel=titel, categorie=categorie)
        for _ in range(aantal):
            werkplaats = rng.choice(werkplaatsen)
            moment = datetime.combine(first + timedelta(days=rng.randint(0, 363)), time(11), tzinfo=clock.AMSTERDAM)
            meldingen.append(
                SignaalMelding(
                    signaal=signaal,
                    werkplaats=werkplaats,
                    gemeld_door_id=rng.choice(volunteers.get(werkplaats.pk, [None])),
                    gemeld_op=moment,
                )
            )
    SignaalMelding.objects.bulk_create(meldingen)
    for melding in meldingen:
        # auto_now_add overrode the historic moment on insert; put it back in one pass per row.
        SignaalMelding.objects.filter(pk=melding.pk).update(gemeld_op=melding.gemeld_op)
