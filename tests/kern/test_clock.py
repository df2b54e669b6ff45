"""The one clock: tests move it, days are Amsterdam days, clock changes included."""

import time
from datetime import UTC, date, datetime, timedelta

import pytest

from kern import clock


def test_a_frozen_clock_stands_still_and_a_running_one_moves_on():
    moment = datetime(2027, 3, 28, 1, 10, tzinfo=UTC)
    clock.travel(moment)
    time.sleep(0.01)
    assert clock.now() == moment
    clock.travel(moment, running=True)
    time.sleep(0.01)
    assert moment < clock.now() < moment + timedelta(seconds=5)


def test_now_is_aware_utc_whatever_zone_it_was_set_in():
    clock.travel(datetime(2026, 7, 1, 12, 0, tzinfo=clock.AMSTERDAM))
    assert clock.now() == datetime(2026, 7, 1, 10, 0, tzinfo=UTC)
    assert clock.now().utcoffset() == timedelta(0)


def test_a_naive_moment_is_refused():
    with pytest.raises(ValueError):
        clock.travel(datetime(2026, 7, 1, 12, 0))


def test_reset_goes_back_to_the_wall_clock():
    clock.travel(datetime(2000, 1, 1, tzinfo=UTC))
    clock.reset()
    assert abs(clock.now() - datetime.now(UTC)) < timedelta(seconds=5)


def test_the_day_is_the_amsterdam_day_not_the_utc_day():
    # 23:30 UTC on 31 December is already New Year in Amsterdam.
    clock.travel(datetime(2026, 12, 31, 23, 30, tzinfo=UTC))
    assert clock.today() == date(2027, 1, 1)
    assert clock.week_of(clock.now()) == date(2026, 12, 28)
    assert clock.hour_of(clock.now()) == 0


@pytest.mark.parametrize(
    "day, hours", [(date(2027, 3, 28), 23), (date(2027, 10, 31), 25), (date(2027, 6, 1), 24)]
)
def test_days_are_23_or_25_hours_long_when_the_clocks_change(day, hours):
    start, end = clock.day_bounds(day)
    # Subtracting two datetimes of one zone gives wall-clock time; the real length is in UTC.
    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=hours)
    assert clock.at(day, datetime.min.time()) == start
