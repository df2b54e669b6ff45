"""Report selectors: what the werkplaatsen deliver, counted from the rollup, suppressed where needed.

Counts come from BezoekTelling (werkplaats × week × dimension), so a year over every werkplaats costs
two small queries rather than a scan of every visit. Periods are therefore whole weeks (Monday to
Sunday, Europe/Amsterdam).
"""

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db import connection
from django.db.models import Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from inloop.models import GESPREKSTALEN, Bezoek, BezoekTelling, Doorverwijzing, Onderwerp, Uitkomst
from inloop.suppression import VERBORGEN, Tabel, geen_onderdrukking, onderdruk
from kern import clock
from kern.privacy import DREMPEL
from werkplaatsen.models import WerkplaatsPage

D = BezoekTelling.Dimensie


@dataclass
class RapportTabel:
    sleutel: str
    titel: str
    rijkop: str
    rijlabels: list[str]
    kolomlabels: list[str]
    tabel: Tabel

    @property
    def rijen(self) -> list[tuple[str, list, object]]:
        cols = len(self.kolomlabels)
        return [
            (label, [self.tabel.toon(r, c) for c in range(cols)], self.tabel.toon(r, cols))
            for r, label in enumerate(self.rijlabels)
        ]

    @property
    def totaalrij(self) -> tuple[list, object]:
        rows, cols = len(self.rijlabels), len(self.kolomlabels)
        return [self.tabel.toon(rows, c) for c in range(cols)], self.tabel.toon(rows, cols)

    @property
    def staven(self) -> list[dict]:
        """Bars of the row totals for the chart; a hidden total gets no bar, only its marker."""
        cols = len(self.kolomlabels)
        shown = [self.tabel.toon(r, cols) for r in range(len(self.rijlabels))]
        top = max([v for v in shown if isinstance(v, int)] + [1])
        return [
            {
                "label": label,
                "tekst": value,
                "breedte": round(300 * value / top) if isinstance(value, int) else 0,
                "y": index * 24,
            }
            for index, (label, value) in enumerate(zip(self.rijlabels, shown, strict=True))
        ]

    @property
    def uitleg_afgeleid(self) -> str:
        """Under a table with a "×": what it means there."""
        return str(UITLEG_AFGELEID) if self.tabel.afgeleid_verborgen else ""

    @property
    def grafiekhoogte(self) -> int:
        return max(24, len(self.rijlabels) * 24)


@dataclass
class Tijden:
    werkplaats: str
    metingen: int | str
    wacht_mediaan: float | str | None
    wacht_p90: float | str | None
    gesprek_mediaan: float | str | None
    gesprek_p90: float | str | None


@dataclass
class Rapport:
    van: date
    tot: date
    werkplaatsen: list[WerkplaatsPage]
    onderdrukt: bool
    tabellen: list[RapportTabel] = field(default_factory=list)
    tijden: list[Tijden] = field(default_factory=list)

    @property
    def uitleg(self) -> list[str]:
        """What the markers mean, for under the tables and at the top of every export."""
        if not self.onderdrukt:
            return []
        regels = [UITLEG_KLEIN]
        if any(t.tabel.afgeleid_verborgen for t in self.tabellen):
            regels.append(UITLEG_AFGELEID)
        return [str(r) for r in regels]


UITLEG_KLEIN = _lazy("<5 betekent: minder dan 5. Zo is niemand te herkennen.")
UITLEG_AFGELEID = _lazy(
    "× betekent: dit getal is verborgen, omdat u anders een getal onder de 5 kunt uitrekenen uit de "
    "totalen. Het verborgen getal kan groot zijn."
)


def weken(van: date, tot: date) -> list[date]:
    first, last = clock.week_of(van), clock.week_of(tot)
    count = (last - first).days // 7 + 1
    return [first + timedelta(weeks=i) for i in range(max(0, count))]


def telling_per_week_onderwerp(*, werkplaats_ids: list[int], van: date, tot: date) -> list[tuple]:
    """(werkplaats, week, topic code, visits) for the period: the year report's main grouping."""
    return list(
        BezoekTelling.objects.filter(
            werkplaats_id__in=werkplaats_ids,
            dimensie=D.ONDERWERP,
            week__gte=clock.week_of(van),
            week__lte=clock.week_of(tot),
            aantal__gt=0,
        )
        .values_list("werkplaats_id", "week", "waarde", "aantal")
        .order_by("werkplaats_id", "week", "waarde")
    )


def _percentiel(values: list[float], p: float) -> float | None:
    """Linear interpolation between closest ranks (what PostgreSQL's percentile_cont does)."""
    if not values:
        return None
    ordered = sorted(values)
    k = (len(ordered) - 1) * p
    low, high = math.floor(k), math.ceil(k)
    return round(ordered[low] + (ordered[high] - ordered[low]) * (k - low), 1)


def _tijden(werkplaatsen: list[WerkplaatsPage], van: date, tot: date, onderdrukken: bool) -> list[Tijden]:
    start = clock.day_bounds(clock.week_of(van))[0]
    end = clock.day_bounds(clock.week_of(tot) + timedelta(days=6))[1]
    if connection.vendor == "postgresql":
        return _tijden_postgres(werkplaatsen, start, end, onderdrukken)
    wacht: dict[int, list[float]] = defaultdict(list)
    gesprek: dict[int, list[float]] = defaultdict(list)
    for werkplaats_id, aangekomen, geroepen, duur in Bezoek.objects.filter(
        werkplaats__in=werkplaatsen, aangekomen__gte=start, aangekomen__lt=end
    ).values_list("werkplaats_id", "aangekomen", "geroepen", "duur_minuten"):
        gesprek[werkplaats_id].append(float(duur))
        if geroepen is not None:
            wacht[werkplaats_id].append((geroepen - aangekomen).total_seconds() / 60)
    result = []
    for w in werkplaatsen:
        n = len(gesprek[w.pk])
        if onderdrukken and n < DREMPEL:
            result.append(Tijden(w.title, *[VERBORGEN] * 5))
            continue
        hidden_wait = onderdrukken and len(wacht[w.pk]) < DREMPEL
        result.append(
            Tijden(
                w.title,
                n,
                VERBORGEN if hidden_wait else _percentiel(wacht[w.pk], 0.5),
                VERBORGEN if hidden_wait else _percentiel(wacht[w.pk], 0.9),
                _percentiel(gesprek[w.pk], 0.5),
                _percentiel(gesprek[w.pk], 0.9),
            )
        )
    return result


TIJDEN_SQL = """
SELECT werkplaats_id,
       count(*),
       count(geroepen),
       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM geroepen - aangekomen) / 60),
       percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM geroepen - aangekomen) / 60),
       percentile_cont(0.5) WITHIN GROUP (ORDER BY duur_minuten),
       percentile_cont(0.9) WITHIN GROUP (ORDER BY duur_minuten)
FROM inloop_bezoek
WHERE werkplaats_id = ANY(%s) AND aangekomen >= %s AND aangekomen < %s
GROUP BY werkplaats_id
"""


def _tijden_postgres(werkplaatsen, start, end, onderdrukken: bool) -> list[Tijden]:
    """Medians and p90 computed in the database: no visit rows travel to Python."""
    with connection.cursor() as cursor:
        cursor.execute(TIJDEN_SQL, [[w.pk for w in werkplaatsen], start, end])
        rows = {row[0]: row[1:] for row in cursor.fetchall()}

    def r(value):
        return None if value is None else round(float(value), 1)

    result = []
    for w in werkplaatsen:
        n, n_wacht, w50, w90, g50, g90 = rows.get(w.pk, (0, 0, None, None, None, None))
        if onderdrukken and n < DREMPEL:
            result.append(Tijden(w.title, *[VERBORGEN] * 5))
            continue
        hidden_wait = onderdrukken and n_wacht < DREMPEL
        result.append(
            Tijden(
                w.title,
                n,
                VERBORGEN if hidden_wait else r(w50),
                VERBORGEN if hidden_wait else r(w90),
                r(g50),
                r(g90),
            )
        )
    return result


def rapport_maken(*, werkplaatsen: list[WerkplaatsPage], van: date, tot: date, onderdrukken: bool) -> Rapport:
    """Every table of the report for these werkplaatsen and weeks. Three queries plus the topics."""
    werkplaatsen = sorted(werkplaatsen, key=lambda w: w.title)
    ids = [w.pk for w in werkplaatsen]
    kolommen = [w.title for w in werkplaatsen]
    index = {pk: i for i, pk in enumerate(ids)}
    alle_weken = weken(van, tot)
    rows = BezoekTelling.objects.filter(
        werkplaats_id__in=ids, week__gte=clock.week_of(van), week__lte=clock.week_of(tot)
    )
    per_week: dict[tuple[date, int], int] = {}
    for werkplaats_id, week, aantal in rows.filter(dimensie=D.BEZOEK).values_list(
        "werkplaats_id", "week", "aantal"
    ):
        per_week[(week, werkplaats_id)] = aantal
    totalen: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0] * len(ids))
    for werkplaats_id, dimensie, waarde, aantal in (
        rows.exclude(dimensie=D.BEZOEK)
        .values("werkplaats_id", "dimensie", "waarde")
        .annotate(n=Sum("aantal"))
        .values_list("werkplaats_id", "dimensie", "waarde", "n")
    ):
        totalen[(dimensie, waarde)][index[werkplaats_id]] += aantal

    maak = onderdruk if onderdrukken else geen_onderdrukking
    rapport = Rapport(van=van, tot=tot, werkplaatsen=werkplaatsen, onderdrukt=onderdrukken)

    def tabel(sleutel, titel, rijkop, labels, grid):
        if labels:
            rapport.tabellen.append(RapportTabel(sleutel, titel, rijkop, labels, kolommen, maak(grid)))

    tabel(
        "weken",
        _("Bezoeken per week"),
        _("Week van"),
        [w.strftime("%d-%m-%Y") for w in alle_weken],
        [[per_week.get((w, pk), 0) for pk in ids] for w in alle_weken],
    )
    uren = sorted({int(waarde) for (dim, waarde) in totalen if dim == D.UUR})
    if uren:
        uren = list(range(min(uren), max(uren) + 1))
    tabel(
        "uren",
        _("Bezoeken per uur van de dag"),
        _("Uur"),
        [f"{u:02d}:00–{u + 1:02d}:00" for u in uren],
        [totalen.get((D.UUR, f"{u:02d}"), [0] * len(ids)) for u in uren],
    )
    gemeente_ids = {w.gemeente_id for w in werkplaatsen}
    onderwerpen = list(
        Onderwerp.objects.filter(gemeente_id__in=gemeente_ids)
        .order_by("volgorde", "naam")
        .values_list("code", "naam")
        .distinct()
    )
    namen: dict[str, str] = {}
    for code, naam in onderwerpen:
        namen.setdefault(code, naam)
    tabel(
        "onderwerpen",
        _("Onderwerpen (een bezoek kan over meer onderwerpen gaan)"),
        _("Onderwerp"),
        list(namen.values()),
        [totalen.get((D.ONDERWERP, code), [0] * len(ids)) for code in namen],
    )
    tabel(
        "uitkomsten",
        _("Uitkomst van het bezoek"),
        _("Uitkomst"),
        [str(label) for label in Uitkomst.labels],
        [totalen.get((D.UITKOMST, value), [0] * len(ids)) for value in Uitkomst.values],
    )
    tabel(
        "eerste",
        _("Eerste keer of vaker geweest"),
        _("Bezoeker"),
        [_("Eerste keer"), _("Eerder geweest")],
        [totalen.get((D.EERSTE, "ja"), [0] * len(ids)), totalen.get((D.EERSTE, "nee"), [0] * len(ids))],
    )
    tabel(
        "talen",
        _("Taal van het gesprek"),
        _("Taal"),
        [str(label) for _value, label in GESPREKSTALEN],
        [totalen.get((D.TAAL, value), [0] * len(ids)) for value, _label in GESPREKSTALEN],
    )
    tabel(
        "niet_verschenen",
        _("Niet verschenen na het roepen van hun nummer"),
        _("Wachtrij"),
        [_("Niet verschenen")],
        [totalen.get((D.NIET_VERSCHENEN, ""), [0] * len(ids))],
    )
    rapport.tijden = _tijden(werkplaatsen, van, tot, onderdrukken)
    return rapport


def periode_standaard(vandaag_: date) -> tuple[date, date]:
    """The last twelve whole-or-current weeks up to today."""
    return vandaag_ - timedelta(weeks=12), vandaag_


def doorverwijzing_label(value: str) -> str:
    return dict(Doorverwijzing.choices).get(value, value)


def moment_lokaal(moment: datetime) -> datetime:
    return moment.astimezone(clock.AMSTERDAM)
