"""Working days as the Algemene termijnenwet counts them (kern.werkdagen)."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kern.werkdagen import (
    feestdagen,
    is_werkdag,
    termijn_einde,
    volgende_werkdag,
    werkdagen_add,
    werkdagen_between,
)

# A royal decree adds the Friday after Ascension for some years; in code it is only ever a parameter.
VRIJDAG_NA_HEMELVAART_2027 = date(2027, 5, 7)


@pytest.mark.parametrize(
    "day, naam",
    [
        (date(2027, 3, 26), "Goede Vrijdag"),
        (date(2027, 3, 29), "Tweede Paasdag"),
        (date(2027, 4, 27), "Koningsdag"),
        (date(2027, 5, 5), "Bevrijdingsdag"),  # every year, not only every fifth as for opening hours
        (date(2027, 5, 6), "Hemelvaartsdag"),
        (date(2027, 5, 17), "Tweede Pinksterdag"),
        (date(2027, 12, 27) - timedelta(days=1), "Tweede Kerstdag"),
        (date(2025, 4, 26), "Koningsdag"),  # the 27th was a Sunday
    ],
)
def test_the_feast_days_of_article_3(day, naam):
    assert feestdagen(day.year)[day] == naam
    assert not is_werkdag(day)


def test_three_working_days_from_the_thursday_before_easter_skip_good_friday_and_easter_monday():
    assert werkdagen_add(date(2027, 3, 25), 3) == date(2027, 4, 1)


def test_a_crisis_reported_on_kings_day_eve():
    assert werkdagen_add(date(2027, 4, 26), 3) == date(2027, 4, 30)


def test_the_friday_after_ascension_counts_only_when_the_decree_list_has_it():
    assert werkdagen_add(date(2027, 5, 4), 1) == date(2027, 5, 7)
    assert werkdagen_add(date(2027, 5, 4), 1, extra={VRIJDAG_NA_HEMELVAART_2027}) == date(2027, 5, 10)


def test_a_four_week_term_ending_on_a_feast_day_runs_to_the_next_working_day():
    # 7 April + 4 weeks = 5 May (Bevrijdingsdag) -> 6 May is Ascension -> Friday 7 May.
    assert termijn_einde(date(2027, 4, 7), weken=4) == date(2027, 5, 7)
    assert termijn_einde(date(2027, 4, 7), weken=4, extra={VRIJDAG_NA_HEMELVAART_2027}) == date(2027, 5, 10)
    # An ordinary Wednesday stays where it is.
    assert termijn_einde(date(2027, 6, 2), weken=4) == date(2027, 6, 30)


def test_christmas_and_new_year():
    assert werkdagen_add(date(2026, 12, 23), 3) == date(2026, 12, 29)
    assert volgende_werkdag(date(2027, 12, 31)) == date(2027, 12, 31)
    assert volgende_werkdag(date(2028, 1, 1)) == date(2028, 1, 3)


def test_working_days_between_counts_what_add_adds():
    assert werkdagen_between(date(2027, 3, 25), date(2027, 4, 1)) == 3
    assert werkdagen_between(date(2027, 4, 1), date(2027, 3, 25)) == -3


@given(st.dates(min_value=date(2024, 1, 1), max_value=date(2035, 12, 31)), st.integers(0, 40))
def test_a_deadline_is_never_a_non_working_day_nor_earlier_than_the_calendar_count(start, count):
    end = werkdagen_add(start, count)
    assert end >= start + timedelta(days=count)
    if count:
        assert is_werkdag(end)
        assert werkdagen_between(start, end) == count


@given(st.dates(min_value=date(2024, 1, 1), max_value=date(2035, 12, 31)), st.integers(1, 8))
def test_a_term_in_weeks_ends_on_a_working_day_no_earlier_than_the_weeks(start, weken):
    end = termijn_einde(start, weken=weken)
    assert is_werkdag(end)
    assert start + timedelta(weeks=weken) <= end <= start + timedelta(weeks=weken, days=6)
