"""Roster: shift generation for 50 werkplaatsen, and the personal feed against icalendar alone.

    DATABASE_URL=postgres://.../rooster .venv/bin/python benchmarks/bench_rooster.py

1. Generation: 50 published werkplaatsen with 3 weekly spreekuren each; diensten_genereren() for 8
   weeks from an empty roster (queries and time), then again with nothing changed (must create nothing;
   queries and time).
2. Feed: one volunteer with 200 sign-ups. Candidate: the personal feed as the view builds it (its two
   queries for the sign-ups and their werkplaatsen, plus rooster.feeds.persoonlijk_feed). Baseline: icalendar's own serialisation
   of the same 200 events (the same properties, values prepared beforehand, VTIMEZONE included) with no
   database and no models. One warm-up, then the median of 9 runs each, in the same process.
Runs in a throwaway test database (test_<name>_bench), dropped afterwards.
"""

import os
import statistics
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

from kern import clock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "werkplaats_site.settings")


def median_ms(fn, runs: int = 9) -> float:
    fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        print("Set DATABASE_URL (PostgreSQL).", file=sys.stderr)
        return 2
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test.utils import CaptureQueriesContext, setup_databases, teardown_databases

    connection.settings_dict["TEST"]["NAME"] = f"test_{connection.settings_dict['NAME']}_bench"
    old_config = setup_databases(verbosity=0, interactive=False)
    try:
        settings.ROOSTER_AUTOMATISCH = False  # measure the service, not the signals while seeding
        settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
        from icalendar import Calendar, Event

        from rooster import feeds, selectors
        from rooster.generatie import diensten_genereren
        from rooster.models import Dienst, Inschrijving
        from tests.factories import UserFactory, gemeente_create, werkplaats_create
        from werkplaatsen.feeds import vtimezone_amsterdam
        from werkplaatsen.models import Spreekuur

        moment = datetime(2026, 11, 23, 7, 0, tzinfo=clock.AMSTERDAM)
        clock.travel(moment)
        gemeente = gemeente_create()
        from datetime import time as t

        for n in range(50):
            page = werkplaats_create(gemeente, title=f"Werkplaats {n}")
            Spreekuur.objects.bulk_create(
                [
                    Spreekuur(werkplaats=page, weekdag=d, opent=t(9), sluit=t(12))
                    for d in (n % 5, (n + 1) % 5, (n + 2) % 5)
                ]
            )

        def run():
            with CaptureQueriesContext(connection) as ctx:
                start = time.perf_counter()
                result = diensten_genereren(weken=8)
                ms = (time.perf_counter() - start) * 1000
            return result, len(ctx.captured_queries), ms

        first, q1, ms1 = run()
        second, q2, ms2 = run()
        assert second.aangemaakt == second.gewijzigd == second.geannuleerd == 0
        print(f"generation, first run: {first.aangemaakt} shifts, {q1} queries, {ms1:.0f} ms")
        print(f"generation, second run: {second.aangemaakt} shifts, {q2} queries, {ms2:.0f} ms")

        # Feed: 200 sign-ups of one volunteer, one per shift (shifts spread over the werkplaatsen).
        user = UserFactory(username="bench", first_name="Anouk")
        seen_days = set()
        rows = []
        for dienst in Dienst.objects.order_by("begin", "werkplaats_id"):
            if dienst.begin in seen_days:
                continue
            seen_days.add(dienst.begin)
            rows.append(Inschrijving(dienst=dienst, user=user, status="ingeschreven", ingeschreven_op=moment))
        # Fewer distinct begin times than 200: add sign-ups on other werkplaatsen at the same time (the
        # feed does not care about overlap; the sign-up service would refuse it).
        taken = {r.dienst_id for r in rows}
        for dienst in Dienst.objects.exclude(pk__in=taken).order_by("begin")[: max(0, 200 - len(rows))]:
            rows.append(Inschrijving(dienst=dienst, user=user, status="ingeschreven", ingeschreven_op=moment))
        Inschrijving.objects.bulk_create(rows[:200])

        def candidate():
            return feeds.persoonlijk_feed(user, selectors.feed_inschrijvingen(user, now=moment))

        prepared = [
            {
                "uid": f"inschrijving-{i.pk}@werkplaats",
                "sequence": i.ical_sequence,
                "status": "CONFIRMED",
                "summary": f"Dienst {i.dienst.werkplaats.title}",
                "start": clock.local(i.dienst.begin),
                "end": clock.local(i.dienst.einde),
                "location": f"{i.dienst.werkplaats.straat}, {i.dienst.werkplaats.postcode} {i.dienst.werkplaats.plaats}",
                "description": i.dienst.get_rol_display(),
            }
            for i in selectors.feed_inschrijvingen(user, now=moment)
        ]
        stamp = datetime.now(tz=clock.AMSTERDAM)

        def baseline():
            calendar = Calendar.new(
                name="Mijn diensten", prodid="-//bench//NL", refresh_interval=timedelta(hours=1)
            )
            calendar.add("x-published-ttl", "PT1H")
            calendar.add_component(vtimezone_amsterdam())
            for event in prepared:
                calendar.add_component(Event.new(stamp=stamp, **event))
            return calendar.to_ical()

        assert candidate().count(b"BEGIN:VEVENT") == baseline().count(b"BEGIN:VEVENT") == 200
        with CaptureQueriesContext(connection) as ctx:
            candidate()
        base_ms, cand_ms = median_ms(baseline), median_ms(candidate)
        print(
            f"feed, 200 events: icalendar alone {base_ms:.1f} ms, personal feed {cand_ms:.1f} ms "
            f"({len(ctx.captured_queries)} queries), ratio {cand_ms / base_ms:.2f}x (goal <= 1.5x)"
        )
    finally:
        teardown_databases(old_config, verbosity=0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
