import os

import pytest


@pytest.mark.redis
def test_cron_config_loads_and_a_worker_runs_the_jobs_it_enqueues():
    """The Procfile's cron and worker processes, in one test against the real Redis."""
    from django_rq.cron import DjangoCronScheduler
    from redis import Redis
    from rq import Queue, SimpleWorker

    connection = Redis.from_url(os.environ["REDIS_URL"])
    scheduler = DjangoCronScheduler()
    scheduler.load_config_from_file("werkplaats_site.cron")
    names = {job.func_name for job in scheduler.get_jobs()}
    assert "werkplaats_site.jobs.heartbeat" in names

    queue = Queue("werkplaats-test-heartbeat", connection=connection)
    queue.empty()
    job = queue.enqueue("werkplaats_site.jobs.heartbeat")
    SimpleWorker([queue], connection=connection).work(burst=True)
    job.refresh()
    assert job.is_finished
    assert job.return_value().startswith("20")
    queue.empty()
