"""The periodic jobs run at their Amsterdam times, in winter and in summer, read the way RQ's cron reads them."""

import os
import time
from collections import Counter
from datetime import UTC, date, datetime, timedelta

import pytest
from rq import cron as rq_cron

from kern.clock import AMSTERDAM

# What each nightly job is meant to do at, on the Amsterdam wall clock.
NIGHTLY = {
    "berichten.jobs.berichten_bewaartermijn": (3, 30),
    "rooster.jobs.diensten_genereren_job": (4, 15),
    "inloop.jobs.wachtnummers_telefoon_wissen_job": (0, 5),
    "inloop.jobs.vrije_tekst_wissen_job": (3, 45),
    "berichten.jobs.berichten_nummers_vergeten_job": (0, 5),
}


@pytest.fixture
def schedule(monkeypatch):
    """The cron jobs of werkplaats_site.cron as RQ builds them, loaded by a process whose zone is UTC.

    ``moment`` sets what RQ's cron thinks the time is (``rq.cron.now``).
    """
    previous = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"  # a server or container that runs in UTC: the schedule must not care
    time.tzset()
    scheduler = rq_cron.CronScheduler.__new__(rq_cron.CronScheduler)  # no Redis needed to read a config
    scheduler._cron_jobs = []
    scheduler.log = rq_cron.logging.getLogger("test-cron")
    scheduler.load_config_from_file("werkplaats_site.cron")
    jobs = {job.func_name: job for job in scheduler.get_jobs()}
    clock = {"now": None}
    monkeypatch.setattr(rq_cron, "now", lambda: clock["now"])
    yield jobs, clock
    if previous is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = previous
    time.tzset()


def _runs(job, clock, start: datetime, end: datetime) -> list[datetime]:
    """Every moment RQ would enqueue ``job`` between start and end, in Amsterdam time."""
    clock["now"] = start
    job.latest_enqueue_time = None
    moments = []
    nxt = job.get_next_enqueue_time()
    while nxt < end:
        moments.append(nxt.astimezone(AMSTERDAM))
        job.set_enqueue_time(nxt)
        nxt = job.next_enqueue_time
    return moments


@pytest.mark.parametrize("season", [date(2027, 1, 12), date(2027, 7, 13)], ids=["winter", "summer"])
def test_nightly_jobs_run_at_their_amsterdam_time(schedule, season):
    jobs, clock = schedule
    start = datetime.combine(season, datetime.min.time(), tzinfo=UTC)
    for name, (hour, minute) in NIGHTLY.items():
        runs = _runs(jobs[name], clock, start, start + timedelta(days=3))
        assert [(m.hour, m.minute) for m in runs] == [(hour, minute)] * len(runs), name
        assert len(runs) in (2, 3), name


@pytest.mark.parametrize(
    "night", [date(2027, 3, 28), date(2027, 10, 31)], ids=["clocks-forward", "clocks-back"]
)
def test_each_nightly_job_runs_once_a_day_across_a_clock_change(schedule, night):
    jobs, clock = schedule
    start = datetime.combine(night - timedelta(days=2), datetime.min.time(), tzinfo=AMSTERDAM)
    for name, (hour, minute) in NIGHTLY.items():
        runs = _runs(jobs[name], clock, start, start + timedelta(days=5))
        per_day = Counter(m.date() for m in runs)
        assert set(per_day.values()) == {1}, (name, runs)
        assert len(per_day) == 5
        assert all((m.hour, m.minute) == (hour, minute) for m in runs), (name, runs)


def test_every_registered_job_is_accounted_for(schedule):
    jobs, _ = schedule
    cron_jobs = {name for name, job in jobs.items() if job.cron}
    assert cron_jobs == set(NIGHTLY)
    # The frequent ones run on an interval, which has no time of day to get wrong.
    assert all(job.interval for name, job in jobs.items() if name not in NIGHTLY)
