"""When is a werkplaats open? The one module that answers it; everything else asks here.

Spreekuren (weekly, every n weeks, or the nth weekday of a month, each with an optional validity
range) give the regular hours. Sluitingen override whole days: without hours the werkplaats is
closed, with hours it is open at those hours instead. Dutch public holidays (the ``holidays``
package) close a werkplaats unless a sluiting with hours says otherwise for that day.

Times are wall-clock times in Europe/Amsterdam; every opening is returned as an aware datetime, so
09:00 is 08:00 UTC in winter and 07:00 UTC in summer. Spreekuren must lie between 06:00 and 23:00:
the clocks change at night, so no opening can contain a time that does not exist or exists twice.

The functions take any objects with the attributes of ``Spreekuur`` and ``Sluiting``, saved or not,
so the finder can pass prefetched rows and the property tests can pass plain instances.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache

import holidays
from django.utils.translation import gettext as _

from kern import clock

# The werkplaats's zone, from the one clock (re-exported: opening times are Amsterdam times).
AMSTERDAM = clock.AMSTERDAM
EARLIEST = time(6, 0)
LATEST = time(23, 0)
# How far "next opening" looks ahead: a monthly spreekuur after a long summer closure still counts.
HORIZON_DAYS = 400

WEKELIJKS = "wekelijks"
OM_DE_N_WEKEN = "om_de_n_weken"
MAANDELIJKS = "maandelijks"
LAATSTE = -1


@dataclass(frozen=True, order=True)
class Opening:
    begin: datetime
    einde: datetime
    aanwezig: str = ""
    # The reason, when these are different hours from a sluiting ("Kerstavond: korter open").
    bijzonder: str = ""

    @property
    def dag(self) -> date:
        return self.begin.astimezone(AMSTERDAM).date()


@dataclass(frozen=True)
class Schema:
    """The opening hours of one werkplaats: its spreekuren and sluitingen."""

    spreekuren: tuple
    sluitingen: tuple = ()

    @classmethod
    def of(cls, werkplaats) -> "Schema":
        # .all() uses prefetched rows when the caller prefetched them (the finder does).
        return cls(tuple(werkplaats.spreekuren.all()), tuple(werkplaats.sluitingen.all()))


@dataclass(frozen=True)
class Status:
    open_nu: Opening | None
    volgende: Opening | None
    # Why today has no opening although it normally would: a holiday or a sluiting.
    gesloten_vandaag: str | None = None

    @property
    def is_open(self) -> bool:
        return self.open_nu is not None


@lru_cache(maxsize=32)
def _holidays(year: int) -> dict[date, str]:
    return dict(holidays.NL(years=year, language="nl").items())


def feestdag(day: date) -> str | None:
    """The name of the Dutch public holiday on ``day``, if it is one."""
    return _holidays(day.year).get(day)


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def valid_on(spreekuur, day: date) -> bool:
    if spreekuur.geldig_vanaf and day < spreekuur.geldig_vanaf:
        return False
    return not (spreekuur.geldig_tot and day > spreekuur.geldig_tot)


def occurs_on(spreekuur, day: date) -> bool:
    """Whether the spreekuur's rule puts it on ``day`` (before holidays and sluitingen)."""
    if day.weekday() != spreekuur.weekdag or not valid_on(spreekuur, day):
        return False
    if spreekuur.frequentie == OM_DE_N_WEKEN:
        weeks = (_monday(day) - _monday(spreekuur.geldig_vanaf)).days // 7
        return weeks % max(spreekuur.interval, 1) == 0
    if spreekuur.frequentie == MAANDELIJKS:
        if spreekuur.week_van_de_maand == LAATSTE:
            return (day + timedelta(days=7)).month != day.month
        return (day.day - 1) // 7 + 1 == spreekuur.week_van_de_maand
    return True


def _aware(day: date, at: time) -> datetime:
    return datetime.combine(day, at, tzinfo=AMSTERDAM)


def _sluitingen_on(schema: Schema, day: date) -> list:
    return [s for s in schema.sluitingen if s.van <= day <= s.tot]


def openings_on(schema: Schema, day: date) -> list[Opening]:
    """The openings on one local date, in order."""
    sluitingen = _sluitingen_on(schema, day)
    if sluitingen:
        return sorted(
            Opening(_aware(day, s.opent), _aware(day, s.sluit), bijzonder=s.reden)
            for s in sluitingen
            if s.opent is not None and s.sluit is not None
        )
    if feestdag(day):
        return []
    return sorted(
        Opening(_aware(day, s.opent), _aware(day, s.sluit), aanwezig=s.aanwezig)
        for s in schema.spreekuren
        if occurs_on(s, day)
    )


def occurrences(schema: Schema, start: date, end: date) -> Iterator[Opening]:
    """Every opening from ``start`` to ``end`` (both local dates, inclusive), in order."""
    day = start
    while day <= end:
        yield from openings_on(schema, day)
        day += timedelta(days=1)


def open_at(schema: Schema, moment: datetime) -> Opening | None:
    """The opening that ``moment`` falls in, or None when the werkplaats is closed then."""
    for opening in openings_on(schema, clock.local(moment).date()):
        if opening.begin <= moment < opening.einde:
            return opening
    return None


def _last_possible_day(schema: Schema, today: date) -> date | None:
    """After this date nothing can open any more; None when nothing can open at all."""
    candidates = [s.tot for s in schema.sluitingen if s.opent is not None and s.tot >= today]
    for spreekuur in schema.spreekuren:
        if spreekuur.geldig_tot is None:
            candidates.append(today + timedelta(days=HORIZON_DAYS))
        elif spreekuur.geldig_tot >= today:
            candidates.append(spreekuur.geldig_tot)
    return max(candidates, default=None)


def next_opening(schema: Schema, moment: datetime) -> Opening | None:
    """The first opening that begins after ``moment``."""
    today = clock.local(moment).date()
    last = _last_possible_day(schema, today)
    if last is None:
        return None
    last = min(last, today + timedelta(days=HORIZON_DAYS))
    for opening in occurrences(schema, today, last):
        if opening.begin > moment:
            return opening
    return None


def closed_reason(schema: Schema, day: date) -> str | None:
    """Why a day that would have had a spreekuur has none: the sluiting's reason or the holiday."""
    if not any(occurs_on(s, day) for s in schema.spreekuren):
        return None
    sluitingen = [s for s in _sluitingen_on(schema, day) if s.gesloten]
    if sluitingen:
        return sluitingen[0].reden
    if not _sluitingen_on(schema, day):
        return feestdag(day)
    return None


def status(schema: Schema, moment: datetime) -> Status:
    return Status(
        open_nu=open_at(schema, moment),
        volgende=next_opening(schema, moment),
        gesloten_vandaag=closed_reason(schema, clock.local(moment).date()),
    )


def open_on_weekday(schema: Schema, weekday: int, moment: datetime) -> bool:
    """Whether the werkplaats opens on that weekday in the coming seven days (closures counted)."""
    today = clock.local(moment).date()
    day = today + timedelta(days=(weekday - today.weekday()) % 7)
    return bool(openings_on(schema, day))


def opens_today(schema: Schema, moment: datetime) -> bool:
    """Open at some time today that has not yet passed."""
    return any(o.einde > moment for o in openings_on(schema, clock.local(moment).date()))


def hhmm(moment: datetime) -> str:
    return f"{clock.local(moment):%H:%M}"


def status_text(state: Status, moment: datetime) -> str:
    """One short B1 sentence for a resident: open now, or when next."""
    if state.open_nu:
        return _("Nu open tot %(tijd)s") % {"tijd": hhmm(state.open_nu.einde)}
    nxt = state.volgende
    if nxt is None:
        return _("Voorlopig gesloten")
    days = (nxt.dag - clock.local(moment).date()).days
    times = {"van": hhmm(nxt.begin), "tot": hhmm(nxt.einde)}
    if days == 0:
        return _("Vandaag open van %(van)s tot %(tot)s") % times
    if days == 1:
        return _("Morgen open van %(van)s tot %(tot)s") % times
    return _("Open op %(dag)s van %(van)s tot %(tot)s") % {"dag": day_text(nxt.dag), **times}


def day_text(day: date) -> str:
    from django.utils.formats import date_format

    return date_format(day, "l j F")


def _hours_errors(slot) -> dict[str, str]:
    """The rule for any opening and closing time: daytime only, and closing after opening."""
    errors = {}
    for field in ("opent", "sluit"):
        value = getattr(slot, field)
        if value is not None and not EARLIEST <= value <= LATEST:
            errors[field] = _("Kies een tijd tussen 06:00 en 23:00.")
    if slot.opent and slot.sluit and slot.sluit <= slot.opent:
        errors["sluit"] = _("De sluitingstijd moet na de openingstijd liggen.")
    return errors


def spreekuur_errors(spreekuur) -> dict[str, str]:
    """Editor mistakes in one spreekuur, per field, in plain Dutch."""
    errors = _hours_errors(spreekuur)
    if spreekuur.frequentie == OM_DE_N_WEKEN:
        if not spreekuur.geldig_vanaf:
            errors["geldig_vanaf"] = _("Vul de eerste datum in: daarvan tellen we de weken.")
        elif spreekuur.geldig_vanaf.weekday() != spreekuur.weekdag:
            errors["geldig_vanaf"] = _("De eerste datum moet op de gekozen dag vallen.")
        if not spreekuur.interval or spreekuur.interval < 2:
            errors["interval"] = _("Vul 2 of meer in. Elke week? Kies dan 'elke week'.")
    if spreekuur.frequentie == MAANDELIJKS and spreekuur.week_van_de_maand is None:
        errors["week_van_de_maand"] = _("Kies welke week van de maand.")
    if spreekuur.geldig_vanaf and spreekuur.geldig_tot and spreekuur.geldig_tot < spreekuur.geldig_vanaf:
        errors["geldig_tot"] = _("De einddatum ligt voor de begindatum.")
    return errors


def sluiting_errors(sluiting) -> dict[str, str]:
    errors = {}
    if sluiting.van and sluiting.tot and sluiting.tot < sluiting.van:
        errors["tot"] = _("De einddatum ligt voor de begindatum.")
    if (sluiting.opent is None) != (sluiting.sluit is None):
        errors["sluit" if sluiting.sluit is None else "opent"] = _(
            "Vul beide tijden in voor andere openingstijden, of geen van beide als de werkplaats dicht is."
        )
    errors.update(_hours_errors(sluiting))
    return errors


def weekly_rows(schema: Schema, today: date) -> list[tuple[int, list]]:
    """The regular hours per weekday as they stand today, for the table on the page."""
    rows: dict[int, list] = {}
    for spreekuur in sorted(schema.spreekuren, key=lambda s: (s.weekdag, s.opent)):
        if spreekuur.geldig_tot and spreekuur.geldig_tot < today:
            continue
        rows.setdefault(spreekuur.weekdag, []).append(spreekuur)
    return sorted(rows.items())


def upcoming_exceptions(schema: Schema, today: date, days: int = 60) -> list[tuple]:
    """Sluitingen and holidays in the coming ``days``, for residents planning a visit."""
    end = today + timedelta(days=days)
    items = [
        (s.van, s.tot, s.reden, (s.opent, s.sluit) if s.opent else None)
        for s in schema.sluitingen
        if s.tot >= today and s.van <= end
    ]
    day = today
    while day <= end:
        name = feestdag(day)
        if name and not _sluitingen_on(schema, day) and any(occurs_on(s, day) for s in schema.spreekuren):
            items.append((day, day, name, None))
        day += timedelta(days=1)
    return sorted(items)
