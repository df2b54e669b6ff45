"""The one clock, and the day as a werkplaats lives it: Europe/Amsterdam, whatever the server's zone.

Every rule that asks "what time is it" calls ``now()``; nothing else in the apps reads the wall clock
(``tests/kern/test_one_clock.py`` checks the source for it). Tests and benchmarks move this clock with
``travel()``: frozen at a moment, or starting at a moment and running on, so code that waits still sees
time pass. Queries get the clock's value as a parameter, never the database's own ``now()``.

Invariants:
- ``now()`` is always aware and in UTC.
- Local days are Amsterdam days: a day is 23 or 25 hours long when the clocks change, and
  ``day_bounds`` says so.
"""

import time as _time
from datetime import UTC, date, datetime, timedelta
from datetime import time as clocktime
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

# Set by travel(): the moment the clock was put at, and the monotonic reading when that happened
# (None when it does not run on).
_start: datetime | None = None
_since: float | None = None


def now() -> datetime:
    """The current moment, aware, in UTC."""
    if _start is None:
        return datetime.now(UTC)
    if _since is None:
        return _start
    return _start + timedelta(seconds=_time.monotonic() - _since)


def travel(moment: datetime, *, running: bool = False) -> None:
    """Put the clock at ``moment`` (aware); ``running`` lets it tick on from there. For tests and benchmarks."""
    global _start, _since
    if moment.tzinfo is None:
        raise ValueError("kern.clock.travel needs an aware datetime")
    _start = moment.astimezone(UTC)
    _since = _time.monotonic() if running else None


def reset() -> None:
    """Back to the wall clock."""
    global _start, _since
    _start = _since = None


def local(moment: datetime) -> datetime:
    """The moment on an Amsterdam wall clock."""
    return moment.astimezone(AMSTERDAM)


def today(moment: datetime | None = None) -> date:
    """The Amsterdam calendar day: a queue started at 00:30 Amsterdam time belongs to that day."""
    return local(moment or now()).date()


def at(day: date, hour: clocktime) -> datetime:
    """An Amsterdam wall-clock time on ``day`` as an aware datetime."""
    return datetime.combine(day, hour, tzinfo=AMSTERDAM)


def day_bounds(day: date) -> tuple[datetime, datetime]:
    """Start and end of an Amsterdam day (23 or 25 hours long on the nights the clocks change)."""
    return at(day, clocktime.min), at(day + timedelta(days=1), clocktime.min)


def week_of(moment: datetime | date) -> date:
    """The Monday of the ISO week in Amsterdam that ``moment`` falls in."""
    day = local(moment).date() if isinstance(moment, datetime) else moment
    return day - timedelta(days=day.weekday())


def hour_of(moment: datetime) -> int:
    """The hour on the Amsterdam wall clock."""
    return local(moment).hour
