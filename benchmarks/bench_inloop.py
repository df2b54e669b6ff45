"""Year report over 1,000,000 visits: the rollup selector against the raw SQL GROUP BY, side by side.

Usage (PostgreSQL only; it makes and keeps its own database <name>_bench next to DATABASE_URL's):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/inloop .venv/bin/python benchmarks/bench_inloop.py

The grouping is the issue's: werkplaats × week × topic, for one year, six werkplaatsen. The baseline is
that GROUP BY written by hand over inloop_bezoek ⨝ inloop_bezoek_onderwerpen ⨝ inloop_onderwerp, with
the index on (werkplaats, aangekomen). The candidate is `reports.telling_per_week_onderwerp`, which reads
the BezoekTelling rollup that bezoek_log/bezoek_edit keep current. Both answers are compared row by row
before anything is timed. Goal: candidate within 1.5x of the baseline and under 1 s.
"""

import os
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

VISITS = int(os.environ.get("BENCH_VISITS", "1000000"))
REPEATS = int(os.environ.get("BENCH_REPEATS", "7"))
YEAR_START = date(2025, 1, 6)  # a Monday
YEAR_END = YEAR_START + timedelta(days=363)  # a Sunday: 52 whole weeks

RAW_SQL = """
SELECT b.werkplaats_id,
       date_trunc('week', b.aangekomen AT TIME ZONE 'Europe/Amsterdam')::date AS week,
       o.code,
       count(*)
FROM inloop_bezoek b
JOIN inloop_bezoek_onderwerpen bo ON bo.bezoek_id = b.id
JOIN inloop_onderwerp o ON o.id = bo.onderwerp_id
WHERE b.werkplaats_id = ANY(%s) AND b.aangekomen >= %s AND b.aangekomen < %s
GROUP BY 1, 2, 3
ORDER BY 1, 2, 3
"""


def _bench_database() -> str:
    url = os.environ.get("DATABASE_URL", "")
    parsed = urlparse(url)
    if not parsed.scheme.startswith("postgres"):
        sys.exit("Set DATABASE_URL to a PostgreSQL database; this benchmark is about PostgreSQL.")
    name = parsed.path.lstrip("/") + "_bench"
    import psycopg

    admin = urlunparse(parsed._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
    return urlunparse(parsed._replace(path=f"/{name}"))


def _setup_django():
    os.environ["DATABASE_URL"] = _bench_database()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "werkplaats_site.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def _populate() -> list[int]:
    from django.db import connection, transaction

    from inloop.models import Bezoek
    from tests.factories import gemeente_create, werkplaats_create
    from werkplaatsen.models import Gemeente, WerkplaatsPage

    gemeente = Gemeente.objects.filter(slug="bench").first()
    if gemeente is None:
        gemeente = gemeente_create(naam="Bench", cbs_code="GM9999")
        for i in range(6):
            werkplaats_create(gemeente, title=f"Bench {i}")
    ids = list(WerkplaatsPage.objects.filter(gemeente=gemeente).order_by("pk").values_list("pk", flat=True))
    if Bezoek.objects.filter(werkplaats_id__in=ids).count() == VISITS:
        return ids
    print(f"populating {VISITS:,} visits (once; kept in the _bench database)…", flush=True)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("TRUNCATE inloop_bezoek, inloop_bezoek_onderwerpen, inloop_bezoektelling CASCADE")
        # Spread over the year, opening hours 09:30-12:30, busier in the first quarter.
        cursor.execute(
            """
            INSERT INTO inloop_bezoek (werkplaats_id, aangekomen, geroepen, afgerond, uitkomst,
                doorverwezen_naar, eerste_bezoek, taal, duur_minuten, notitie, aangemaakt, gewijzigd)
            SELECT w.ids[1 + (g %% 6)],
                   t.a, CASE WHEN g %% 3 = 0 THEN t.a + (g %% 30) * interval '1 minute' END,
                   t.a + (5 + g %% 40) * interval '1 minute',
                   (ARRAY['ter_plekke','vervolgafspraak','doorverwezen','geescaleerd'])[1 + (g %% 4)],
                   CASE WHEN g %% 4 = 2 THEN 'budgetcoach' ELSE '' END,
                   g %% 5 < 2, 'nl', 5 + g %% 40, '', t.a, t.a
            FROM generate_series(1, %s) AS g,
                 LATERAL (SELECT %s::int[] AS ids) AS w,
                 LATERAL (SELECT (%s::date + ((g::bigint * 7919) %% 364)::int * interval '1 day'
                                  + interval '8 hours 30 minutes' + (g %% 180) * interval '1 minute')
                                 AT TIME ZONE 'UTC' AS a) AS t
            """,
            [VISITS, ids, YEAR_START],
        )
        cursor.execute(
            """
            INSERT INTO inloop_bezoek_onderwerpen (bezoek_id, onderwerp_id)
            SELECT b.id, o.ids[1 + (b.id %% 10)] FROM inloop_bezoek b,
                   LATERAL (SELECT array_agg(id ORDER BY volgorde) AS ids FROM inloop_onderwerp
                            WHERE gemeente_id = %s) o
            UNION
            SELECT b.id, o.ids[1 + ((b.id / 10) %% 10)] FROM inloop_bezoek b,
                   LATERAL (SELECT array_agg(id ORDER BY volgorde) AS ids FROM inloop_onderwerp
                            WHERE gemeente_id = %s) o
            WHERE b.id %% 2 = 0
            """,
            [gemeente.pk, gemeente.pk],
        )
        # The rollup as telling_herbereken would build it, in one statement instead of in Python.
        cursor.execute(
            """
            INSERT INTO inloop_bezoektelling (werkplaats_id, week, dimensie, waarde, aantal)
            SELECT b.werkplaats_id, date_trunc('week', b.aangekomen AT TIME ZONE 'Europe/Amsterdam')::date,
                   'onderwerp', o.code, count(*)
            FROM inloop_bezoek b JOIN inloop_bezoek_onderwerpen bo ON bo.bezoek_id = b.id
            JOIN inloop_onderwerp o ON o.id = bo.onderwerp_id
            GROUP BY 1, 2, 4
            UNION ALL
            SELECT werkplaats_id, date_trunc('week', aangekomen AT TIME ZONE 'Europe/Amsterdam')::date,
                   'bezoek', '', count(*)
            FROM inloop_bezoek GROUP BY 1, 2
            """
        )
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE inloop_bezoek")
        cursor.execute("VACUUM ANALYZE inloop_bezoek_onderwerpen")
        cursor.execute("VACUUM ANALYZE inloop_bezoektelling")
    return ids


def _time(fn) -> tuple[float, object]:
    fn()  # warm-up: plans and caches as a running server has them
    samples, result = [], None
    for _ in range(REPEATS):
        start = time.perf_counter()
        result = fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples), result


def main() -> None:
    _setup_django()
    from django.db import connection

    from inloop.reports import rapport_maken, telling_per_week_onderwerp
    from kern import clock
    from werkplaatsen.models import WerkplaatsPage

    ids = _populate()
    start, end = clock.day_bounds(YEAR_START)[0], clock.day_bounds(YEAR_END)[1]

    def raw():
        with connection.cursor() as cursor:
            cursor.execute(RAW_SQL, [ids, start, end])
            return [tuple(row) for row in cursor.fetchall()]

    def rollup():
        return [tuple(row) for row in telling_per_week_onderwerp(werkplaats_ids=ids, van=YEAR_START, tot=YEAR_END)]

    assert raw() == rollup(), "the rollup does not give the same answer as the raw GROUP BY"
    raw_s, raw_rows = _time(raw)
    roll_s, _ = _time(rollup)
    werkplaatsen = list(WerkplaatsPage.objects.filter(pk__in=ids))
    page_s, _ = _time(lambda: rapport_maken(werkplaatsen=werkplaatsen, van=YEAR_START, tot=YEAR_END, onderdrukken=True))
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM inloop_bezoek WHERE werkplaats_id = ANY(%s)", [ids])
        visits = cursor.fetchone()[0]
    ratio = roll_s / raw_s
    print(f"visits: {visits:,}; result rows (werkplaats × week × topic): {len(raw_rows):,}; median of {REPEATS}")
    print(f"baseline  raw SQL GROUP BY over the visits : {raw_s * 1000:9.1f} ms")
    print(f"candidate rollup selector                  : {roll_s * 1000:9.1f} ms   ratio {ratio:.3f}x")
    print(f"whole report (rapport_maken, suppressed)   : {page_s * 1000:9.1f} ms   ({page_s / raw_s:.2f}x)")
    print("  (all tables from the rollup, plus wait/talk medians and p90 over the raw visits)")
    ok = ratio <= 1.5 and roll_s < 1.0
    print("goal (≤ 1.5x and < 1 s):", "met" if ok else "NOT met")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
