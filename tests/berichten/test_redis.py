"""Against the real Redis with an RQ worker: sent once, retried by RQ, late but not lost when Redis is down."""

from datetime import timedelta

import pytest
from redis import Redis
from rq import Queue

from berichten import outbox
from berichten.gateways import MemoryGateway, TijdelijkeFout
from berichten.jobs import berichten_tick
from berichten.models import Bericht, BerichtStatus
from berichten.services import bericht_send
from kern.clock import now as clock_now
from tests.berichten.conftest import MOBIEL, worker_run

pytestmark = [pytest.mark.redis, pytest.mark.django_db]


def send(sleutel="d:1", **kwargs):
    return bericht_send(
        telefoonnummer=MOBIEL, tekst="Morgen dienst.", soort="dienst", sleutel=sleutel, **kwargs
    )


def test_one_send_per_key_under_repeated_ticks_and_duplicate_jobs(
    rq_queue, verzonden, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        bericht = send()
        send()
    berichten_tick()
    berichten_tick()
    assert rq_queue.count == 1
    # The same job twice on the queue (as after a lost acknowledgement) still sends once.
    rq_queue.enqueue(outbox.SEND_JOB, [bericht.pk])
    worker_run(rq_queue)
    berichten_tick()
    worker_run(rq_queue)

    bericht.refresh_from_db()
    assert bericht.status == BerichtStatus.SENT
    assert len(verzonden) == 1


def test_rq_retries_a_transient_failure_and_the_message_goes_once(rq_queue, verzonden, monkeypatch):
    failures = iter([TijdelijkeFout("503", code="503")])
    original = MemoryGateway.send

    def flaky(self, **kwargs):
        if (error := next(failures, None)) is not None:
            raise error
        return original(self, **kwargs)

    monkeypatch.setattr(MemoryGateway, "send", flaky)
    bericht = send()
    berichten_tick()
    [job] = rq_queue.get_jobs()
    assert job.retries_left == 3
    worker_run(rq_queue)

    bericht.refresh_from_db()
    assert bericht.status == BerichtStatus.SENT
    assert bericht.pogingen == 2
    assert len(verzonden) == 1
    job.refresh()
    assert job.is_finished


def test_redis_down_means_late_not_lost_and_not_doubled(
    rq_queue, verzonden, monkeypatch, django_capture_on_commit_callbacks
):
    dead = Queue("berichten", connection=Redis(host="127.0.0.1", port=1, socket_connect_timeout=0.2))
    monkeypatch.setattr(outbox, "queue_get", lambda: dead)

    with django_capture_on_commit_callbacks(execute=True):
        first = send("d:1")
    second = send("d:2", urgent=True)
    berichten_tick()
    berichten_tick()
    for bericht in (first, second):
        bericht.refresh_from_db()
        assert bericht.status == BerichtStatus.WAITING
    assert verzonden == []

    monkeypatch.setattr(outbox, "queue_get", lambda: rq_queue)  # Redis is back
    berichten_tick()
    berichten_tick()
    worker_run(rq_queue)
    berichten_tick()
    worker_run(rq_queue)

    assert sorted(m["telefoonnummer"] for m in verzonden) == [MOBIEL, MOBIEL]
    assert Bericht.objects.filter(status=BerichtStatus.SENT).count() == 2


def test_a_queued_row_whose_job_vanished_is_picked_up_after_the_timeout(
    rq_queue, verzonden, settings, time_machine_now
):
    bericht = send()
    berichten_tick()
    assert rq_queue.count == 1
    rq_queue.connection.flushdb()  # Redis restarted without persistence: the job is gone
    bericht.refresh_from_db()
    assert bericht.status == BerichtStatus.QUEUED

    now = clock_now()
    berichten_tick()
    assert rq_queue.count == 0  # too early to call it lost

    time_machine_now(now + timedelta(seconds=settings.BERICHTEN_QUEUE_TIMEOUT + 1))
    berichten_tick()
    berichten_tick()
    worker_run(rq_queue)
    bericht.refresh_from_db()
    assert bericht.status == BerichtStatus.SENT
    assert len(verzonden) == 1


def test_the_cron_config_runs_the_tick_every_minute_and_retention_daily(rq_queue, verzonden):
    from django_rq.cron import DjangoCronScheduler

    scheduler = DjangoCronScheduler()
    scheduler.load_config_from_file("werkplaats_site.cron")
    jobs = {job.func_name: job for job in scheduler.get_jobs()}
    assert jobs["berichten.jobs.berichten_tick"].interval == 60
    assert jobs["berichten.jobs.berichten_tick"].queue_name == "berichten"
    assert jobs["berichten.jobs.berichten_bewaartermijn"].cron == "30 3 * * *"

    send()
    jobs["berichten.jobs.berichten_tick"].enqueue(rq_queue.connection)
    worker_run(rq_queue)  # the tick job enqueues the send job, which the same burst then runs
    assert len(verzonden) == 1
