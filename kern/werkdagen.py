"""Working days as the Algemene termijnenwet counts them, for legal deadlines.

Not a working day (Atw article 3, paragraph 1, and paragraph 2 for days a royal decree adds):
Saturdays, Sundays, New Year's Day, Good Friday, Easter Sunday and Monday, King's Day, Liberation
Day (5 May, *every* year), Ascension Day, Whit Sunday and Monday, and both Christmas days; plus the
days a royal decree adds for a few years at a time (such as the Friday after Ascension), which the
caller passes as ``extra`` (they live in an editable list, not in code).

The ``holidays`` package is not used here on purpose: it gives 5 May only every fifth year and no
Good Friday, which is right for opening hours but wrong for the Atw.

Invariants (property-tested in tests/kern/test_werkdagen.py):
- ``werkdagen_add`` never returns a non-working day and never a day earlier than ``start`` plus the
  same count of calendar days.
- ``termijn_einde`` of a term in weeks returns the term's last day, or the next working day when
  that day is not one (Atw article 1).
"""

from collections.abc import Collection
from datetime import date, timedelta
from functools import lru_cache

from dateutil.easter import easter


def _koningsdag(year: int) -> date:
    # 27 April, or the 26th when the 27th is a Sunday.
    day = date(year, 4, 27)
    return day - timedelta(days=1) if day.weekday() == 6 else day


@lru_cache(maxsize=64)
def feestdagen(year: int) -> dict[date, str]:
    """The Atw article 3 feast days of ``year``, with their Dutch names."""
    pasen = easter(year)
    return {
        date(year, 1, 1): "Nieuwjaarsdag",
        pasen - timedelta(days=2): "Goede Vrijdag",
        pasen: "Eerste Paasdag",
        pasen + timedelta(days=1): "Tweede Paasdag",
        _koningsdag(year): "Koningsdag",
        date(year, 5, 5): "Bevrijdingsdag",
        pasen + timedelta(days=39): "Hemelvaartsdag",
        pasen + timedelta(days=49): "Eerste Pinksterdag",
        pasen + timedelta(days=50): "Tweede Pinksterdag",
        date(year, 12, 25): "Eerste Kerstdag",
        date(year, 12, 26): "Tweede Kerstdag",
    }


def is_werkdag(day: date, extra: Collection[date] = ()) -> bool:
    """Whether ``day`` counts as a working day; ``extra`` are the days a royal decree adds."""
    return day.weekday() < 5 and day not in feestdagen(day.year) and day not in extra


def volgende_werkdag(day: date, extra: Collection[date] = ()) -> date:
    """``day`` itself when it is a working day, otherwise the first working day after it."""
    while not is_werkdag(day, extra):
        day += timedelta(days=1)
    return day


def werkdagen_add(start: date, count: int, extra: Collection[date] = ()) -> date:
    """The ``count``-th working day after ``start`` (``start`` itself is not counted)."""
    if count < 0:
        raise ValueError("count must not be negative")
    day = start
    while count:
        day += timedelta(days=1)
        if is_werkdag(day, extra):
            count -= 1
    return day


def werkdagen_between(start: date, end: date, extra: Collection[date] = ()) -> int:
    """Working days after ``start`` up to and including ``end`` (negative when ``end`` is earlier)."""
    if end < start:
        return -werkdagen_between(end, start, extra)
    return sum(1 for n in range(1, (end - start).days + 1) if is_werkdag(start + timedelta(days=n), extra))


def termijn_einde(start: date, *, weken: int, extra: Collection[date] = ()) -> date:
    """The last day of a term of ``weken`` weeks from ``start``, moved to the next working day (Atw art. 1)."""
    return volgende_werkdag(start + timedelta(weeks=weken), extra)
