"""The one module that knows when a werkplaats is open: rules, holidays, closures and clock changes."""

from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kern import clock
from werkplaatsen import openingstijden as ot
from werkplaatsen.models import Sluiting, Spreekuur

AMS = ot.AMSTERDAM


def at(y, m, d, hh, mm=0) -> datetime:
    """A wall-clock moment in Amsterdam."""
    return datetime(y, m, d, hh, mm, tzinfo=AMS)


def weekly(weekdag, opent, sluit, **kw) -> Spreekuur:
    return Spreekuur(weekdag=weekdag, opent=time.fromisoformat(opent), sluit=time.fromisoformat(sluit), **kw)


def schema(*spreekuren, sluitingen=()) -> ot.Schema:
    return ot.Schema(tuple(spreekuren), tuple(sluitingen))


# Tuesday 2026-03-24 is the week before the March clock change (Sunday 2026-03-29).
TUESDAY_MORNING = schema(weekly(1, "09:00", "12:00"))


def test_open_during_a_spreekuur_and_closed_outside_it():
    assert ot.open_at(TUESDAY_MORNING, at(2026, 3, 24, 9, 0)) is not None
    assert ot.open_at(TUESDAY_MORNING, at(2026, 3, 24, 11, 59)) is not None
    assert ot.open_at(TUESDAY_MORNING, at(2026, 3, 24, 12, 0)) is None, "closing time is no longer open"
    assert ot.open_at(TUESDAY_MORNING, at(2026, 3, 24, 8, 59)) is None
    assert ot.open_at(TUESDAY_MORNING, at(2026, 3, 25, 10, 0)) is None, "Wednesday"


def test_nine_oclock_is_eight_utc_in_winter_and_seven_utc_in_summer():
    winter = ot.open_at(TUESDAY_MORNING, at(2026, 3, 24, 10))
    summer = ot.open_at(TUESDAY_MORNING, at(2026, 3, 31, 10))
    assert winter.begin.astimezone(UTC).hour == 8
    assert summer.begin.astimezone(UTC).hour == 7


def test_open_now_across_the_march_clock_change():
    # Monday 30 March 2026, the day after the clocks went forward: 09:30 CEST is 07:30 UTC.
    monday = schema(weekly(0, "09:00", "12:00"))
    assert ot.open_at(monday, datetime(2026, 3, 30, 7, 30, tzinfo=UTC)) is not None
    # 08:30 UTC is 10:30 CEST: still open; 10:30 UTC is 12:30 CEST: closed.
    assert ot.open_at(monday, datetime(2026, 3, 30, 8, 30, tzinfo=UTC)) is not None
    assert ot.open_at(monday, datetime(2026, 3, 30, 10, 30, tzinfo=UTC)) is None
    # Wrongly taking UTC for local time would call 07:30 UTC closed (it would be 07:30, before 09:00).


def test_open_now_across_the_october_clock_change():
    # Sunday 25 October 2026 the clocks go back; Monday 26 October 09:30 CET is 08:30 UTC.
    monday = schema(weekly(0, "09:00", "12:00"))
    assert ot.open_at(monday, datetime(2026, 10, 26, 8, 30, tzinfo=UTC)) is not None
    assert ot.open_at(monday, datetime(2026, 10, 26, 7, 30, tzinfo=UTC)) is None, "07:30 UTC is 08:30 local"
    assert ot.open_at(monday, datetime(2026, 10, 26, 10, 59, tzinfo=UTC)) is not None
    assert ot.open_at(monday, datetime(2026, 10, 26, 11, 0, tzinfo=UTC)) is None


def test_a_spreekuur_on_the_day_of_the_clock_change_lasts_its_wall_clock_hours():
    sunday = schema(weekly(6, "10:00", "12:00"))
    (march,) = ot.occurrences(sunday, date(2026, 3, 29), date(2026, 3, 29))
    (october,) = ot.occurrences(sunday, date(2026, 10, 25), date(2026, 10, 25))
    assert march.einde - march.begin == timedelta(hours=2)
    assert october.einde - october.begin == timedelta(hours=2)
    assert march.begin.astimezone(UTC).hour == 8 and october.begin.astimezone(UTC).hour == 9


def test_public_holiday_closes_the_werkplaats():
    # Monday 6 April 2026 is Tweede Paasdag.
    monday = schema(weekly(0, "09:00", "12:00"))
    moment = at(2026, 4, 6, 10)
    assert ot.open_at(monday, moment) is None
    state = ot.status(monday, moment)
    assert state.gesloten_vandaag == "Tweede paasdag"
    assert state.volgende.begin == at(2026, 4, 13, 9)


def test_king_day_and_christmas_close_too():
    every_day = schema(*[weekly(d, "09:00", "17:00") for d in range(7)])
    assert ot.open_at(every_day, at(2026, 4, 27, 10)) is None  # Koningsdag
    assert ot.open_at(every_day, at(2026, 12, 25, 10)) is None
    assert ot.open_at(every_day, at(2026, 12, 24, 10)) is not None  # Kerstavond is no public holiday


def test_an_editor_opens_on_a_public_holiday_with_other_hours():
    monday = schema(
        weekly(0, "09:00", "12:00"),
        sluitingen=[Sluiting(van=date(2026, 4, 6), tot=date(2026, 4, 6), reden="Extra open", opent=time(10), sluit=time(12))],
    )
    assert ot.open_at(monday, at(2026, 4, 6, 9, 30)) is None
    opening = ot.open_at(monday, at(2026, 4, 6, 10, 30))
    assert opening is not None and opening.bijzonder == "Extra open"


def test_a_closure_closes_every_day_of_its_range():
    weekdays = schema(
        *[weekly(d, "09:00", "12:00") for d in range(5)],
        sluitingen=[Sluiting(van=date(2026, 7, 20), tot=date(2026, 8, 2), reden="Zomervakantie")],
    )
    assert not list(ot.occurrences(weekdays, date(2026, 7, 20), date(2026, 8, 2)))
    assert ot.status(weekdays, at(2026, 7, 22, 10)).gesloten_vandaag == "Zomervakantie"
    assert ot.next_opening(weekdays, at(2026, 7, 22, 10)).begin == at(2026, 8, 3, 9)


def test_two_spreekuren_on_one_day():
    thursday = schema(weekly(3, "13:00", "15:00"), weekly(3, "09:00", "12:00"))
    openings = list(ot.occurrences(thursday, date(2026, 11, 26), date(2026, 11, 26)))
    assert [o.begin for o in openings] == [at(2026, 11, 26, 9), at(2026, 11, 26, 13)]
    assert ot.open_at(thursday, at(2026, 11, 26, 12, 30)) is None, "the lunch break"
    assert ot.next_opening(thursday, at(2026, 11, 26, 12, 30)).begin == at(2026, 11, 26, 13)
    assert ot.status_text(ot.status(thursday, at(2026, 11, 26, 12, 30)), at(2026, 11, 26, 12, 30)) == (
        "Vandaag open van 13:00 tot 15:00"
    )


def test_a_spreekuur_that_changes_mid_year():
    changing = schema(
        weekly(2, "09:00", "12:00", geldig_tot=date(2026, 6, 30)),
        weekly(2, "13:00", "16:00", geldig_vanaf=date(2026, 7, 1)),
    )
    assert ot.open_at(changing, at(2026, 6, 24, 10)) is not None
    assert ot.open_at(changing, at(2026, 6, 24, 14)) is None
    assert ot.open_at(changing, at(2026, 7, 1, 10)) is None
    assert ot.open_at(changing, at(2026, 7, 1, 14)) is not None
    assert ot.next_opening(changing, at(2026, 6, 24, 12)).begin == at(2026, 7, 1, 13)


def test_every_other_week_counts_from_its_first_date():
    fortnightly = schema(
        Spreekuur(weekdag=5, opent=time(10), sluit=time(12), frequentie="om_de_n_weken", interval=2,
                  geldig_vanaf=date(2026, 11, 28))
    )
    days = [o.dag for o in ot.occurrences(fortnightly, date(2026, 11, 1), date(2027, 1, 31))]
    # 26 December (Tweede Kerstdag) falls out; nothing before the first date.
    assert days == [date(2026, 11, 28), date(2026, 12, 12), date(2027, 1, 9), date(2027, 1, 23)]


@pytest.mark.parametrize(
    ("week", "expected"),
    [(1, [date(2026, 12, 5), date(2027, 1, 2)]), (-1, [date(2026, 12, 26), date(2027, 1, 30)])],
)
def test_nth_and_last_weekday_of_the_month(week, expected):
    monthly = schema(Spreekuur(weekdag=5, opent=time(10), sluit=time(12), frequentie="maandelijks",
                               week_van_de_maand=week))
    candidates = [
        d for d in (date(2026, 12, 1) + timedelta(days=n) for n in range(62))
        if ot.occurs_on(monthly.spreekuren[0], d)
    ]
    assert candidates == expected
    # The last Saturday of December 2026 is Tweede Kerstdag: the rule says yes, the holiday says no.
    days = [o.dag for o in ot.occurrences(monthly, date(2026, 12, 1), date(2027, 1, 31))]
    assert days == [d for d in expected if d != date(2026, 12, 26)]


def test_status_texts_a_resident_reads():
    s = schema(weekly(1, "09:00", "12:00"))
    tuesday = at(2026, 11, 24, 10)
    assert ot.status_text(ot.status(s, tuesday), tuesday) == "Nu open tot 12:00"
    monday = at(2026, 11, 23, 15)
    assert ot.status_text(ot.status(s, monday), monday) == "Morgen open van 09:00 tot 12:00"
    wednesday = at(2026, 11, 25, 10)
    assert ot.status_text(ot.status(s, wednesday), wednesday) == "Open op dinsdag 1 december van 09:00 tot 12:00"
    assert ot.status_text(ot.status(schema(), wednesday), wednesday) == "Voorlopig gesloten"


def test_a_spreekuur_that_has_ended_gives_no_next_opening():
    ended = schema(weekly(1, "09:00", "12:00", geldig_tot=date(2026, 1, 31)))
    assert ot.next_opening(ended, at(2026, 11, 23, 10)) is None


def test_editor_mistakes_are_explained_per_field():
    errors = ot.spreekuur_errors(Spreekuur(weekdag=0, opent=time(12), sluit=time(9)))
    assert errors == {"sluit": "De sluitingstijd moet na de openingstijd liggen."}
    errors = ot.spreekuur_errors(Spreekuur(weekdag=0, opent=time(2, 30), sluit=time(9)))
    assert "opent" in errors, "night hours are refused: the clocks change at night"
    errors = ot.spreekuur_errors(Spreekuur(weekdag=0, opent=time(9), sluit=time(12), frequentie="om_de_n_weken", interval=1))
    assert set(errors) == {"geldig_vanaf", "interval"}
    errors = ot.spreekuur_errors(Spreekuur(weekdag=0, opent=time(9), sluit=time(12), frequentie="maandelijks"))
    assert set(errors) == {"week_van_de_maand"}
    errors = ot.sluiting_errors(Sluiting(van=date(2026, 5, 2), tot=date(2026, 5, 1), reden="x", opent=time(9)))
    assert set(errors) == {"tot", "sluit"}


# Property tests: whatever an editor enters within the rules, the answers stay consistent.

times = st.integers(min_value=6 * 4, max_value=23 * 4).map(lambda q: time(q // 4, (q % 4) * 15))


@st.composite
def spreekuren(draw):
    opent = draw(times.filter(lambda t: t < time(23)))
    sluit = draw(times.filter(lambda t, o=opent: t > o))
    weekdag = draw(st.integers(0, 6))
    kind = draw(st.sampled_from(["wekelijks", "om_de_n_weken", "maandelijks"]))
    start = draw(st.dates(date(2025, 1, 1), date(2028, 12, 31)))
    fields = {"weekdag": weekdag, "opent": opent, "sluit": sluit, "frequentie": kind}
    if kind == "om_de_n_weken":
        fields |= {"interval": draw(st.integers(2, 4)), "geldig_vanaf": start + timedelta(days=(weekdag - start.weekday()) % 7)}
    elif kind == "maandelijks":
        fields["week_van_de_maand"] = draw(st.sampled_from([1, 2, 3, 4, -1]))
    elif draw(st.booleans()):
        fields["geldig_tot"] = start
    return Spreekuur(**fields)


@st.composite
def sluitingen(draw):
    van = draw(st.dates(date(2025, 1, 1), date(2028, 12, 31)))
    tot = van + timedelta(days=draw(st.integers(0, 20)))
    if draw(st.booleans()):
        return Sluiting(van=van, tot=tot, reden="dicht")
    opent = draw(times.filter(lambda t: t < time(23)))
    return Sluiting(van=van, tot=tot, reden="anders", opent=opent, sluit=draw(times.filter(lambda t, o=opent: t > o)))


schemas = st.builds(
    lambda s, c: ot.Schema(tuple(s), tuple(c)),
    st.lists(spreekuren(), max_size=5),
    st.lists(sluitingen(), max_size=3),
)
moments = st.datetimes(datetime(2025, 1, 1), datetime(2028, 12, 31), timezones=st.just(UTC))


@settings(max_examples=150, deadline=None)
@given(schemas, moments)
def test_open_now_agrees_with_the_occurrences_of_that_day(s, moment):
    day = clock.local(moment).date()
    containing = [o for o in ot.occurrences(s, day, day) if o.begin <= moment < o.einde]
    assert (ot.open_at(s, moment) is not None) == bool(containing)


@settings(max_examples=150, deadline=None)
@given(schemas, moments)
def test_next_opening_is_the_first_occurrence_after_now(s, moment):
    nxt = ot.next_opening(s, moment)
    day = clock.local(moment).date()
    if nxt is None:
        assert not [o for o in ot.occurrences(s, day, day + timedelta(days=60)) if o.begin > moment]
        return
    assert nxt.begin > moment
    between = [o for o in ot.occurrences(s, day, nxt.dag) if moment < o.begin < nxt.begin]
    assert between == []
    assert ot.open_at(s, nxt.begin) is not None, "the werkplaats is open when its next opening begins"


@settings(max_examples=150, deadline=None)
@given(schemas, st.dates(date(2025, 1, 1), date(2028, 12, 1)))
def test_occurrences_are_ordered_positive_and_never_on_a_closed_day(s, start):
    openings = list(ot.occurrences(s, start, start + timedelta(days=27)))
    assert openings == sorted(openings)
    for o in openings:
        assert o.einde > o.begin
        assert o.einde - o.begin <= timedelta(hours=17, minutes=1)
        closed = [c for c in s.sluitingen if c.van <= o.dag <= c.tot and c.gesloten]
        special = [c for c in s.sluitingen if c.van <= o.dag <= c.tot and not c.gesloten]
        if not special:
            assert not closed
            assert ot.feestdag(o.dag) is None
