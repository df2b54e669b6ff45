"""The roster's periodic jobs in RQ's cron, and a changed closure regenerating through the real queue."""

import os
from datetime import date

import pytest

from rooster.models import Dienst
from tests.rooster.conftest import spreekuur
from werkplaatsen.models import Sluiting


@pytest.mark.redis
def test_cron_registers_generation_reminders_and_no_shows():
    from django_rq.cron import DjangoCronScheduler

    scheduler = DjangoCronScheduler()
    scheduler.load_config_from_file("werkplaats_site.cron")
    names = {job.func_name for job in scheduler.get_jobs()}
    assert {
        "rooster.jobs.diensten_genereren_job",
        "rooster.jobs.herinneringen_job",
        "rooster.jobs.niet_gekomen_job",
    } <= names


@pytest.mark.redis
def test_a_new_closure_is_regenerated_by_a_worker(world, settings, django_capture_on_commit_callbacks):
    import django_rq
    from redis import Redis
    from rq import SimpleWorker

    from rooster.generatie import diensten_genereren

    spreekuur(world["centrum"], 1, "09:00", "12:00")
    diensten_genereren()
    settings.JOBS_ASYNC = True
    queue = django_rq.get_queue("default")
    queue.empty()
    with django_capture_on_commit_callbacks(execute=True):
        Sluiting.objects.create(werkplaats=world["centrum"], van=date(2026, 12, 1), tot=date(2026, 12, 31), reden="x")
    assert Dienst.objects.filter(status="gepland").count() == 7, "nothing happens before the worker runs"
    assert queue.count == 1
    SimpleWorker([queue], connection=Redis.from_url(os.environ["REDIS_URL"])).work(burst=True)
    assert Dienst.objects.filter(status="gepland").count() == 2
    queue.empty()


def test_unpublishing_a_werkplaats_cancels_its_future_shifts(world, django_capture_on_commit_callbacks):
    from rooster.generatie import diensten_genereren

    spreekuur(world["centrum"], 1, "09:00", "12:00")
    diensten_genereren()
    with django_capture_on_commit_callbacks(execute=True):
        world["centrum"].unpublish()
    assert not Dienst.objects.filter(status="gepland").exists()
    assert Dienst.objects.filter(status="geannuleerd", sequence=1).count() == 7
