"""SMS outbox throughput against RQ's own throughput for no-op jobs, side by side in one run.

    DATABASE_URL=postgres://... REDIS_URL=redis://... .venv/bin/python benchmarks/bench_berichten.py [N]

Side A, the outbox: N due rows in PostgreSQL; timed from the tick (claim with FOR UPDATE SKIP LOCKED,
mark queued, enqueue the send jobs) until a burst RQ worker has sent every row through the memory
gateway and committed its status. Side B, the baseline: N no-op jobs enqueued with enqueue_many and
run by the same kind of worker. Both sides use rq.SimpleWorker in this process on the same Redis, so
the ratio compares the work per message with RQ's own cost per job. The script checks that every
row was sent exactly once. It uses a throwaway database (bench_<name>) and its own queue names, and
deletes them afterwards.
"""

import logging
import os
import statistics
import sys
import time
from pathlib import Path

from kern import clock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "werkplaats_site.settings")


def noop():
    return None


def main(n: int, rounds: int) -> int:
    if not os.environ.get("REDIS_URL") or not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        print("Set DATABASE_URL (PostgreSQL) and REDIS_URL.", file=sys.stderr)
        return 2
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases
    from django.utils import timezone
    from redis import Redis
    from rq import Queue, SimpleWorker

    from berichten import outbox
    from berichten.gateways import memory_gateway
    from berichten.models import Bericht, BerichtStatus

    logging.getLogger("rq").setLevel(logging.WARNING)
    connection.settings_dict["TEST"]["NAME"] = f"bench_{connection.settings_dict['NAME']}"
    old_config = setup_databases(verbosity=0, interactive=False)
    settings.SMS_BACKEND = "memory"
    settings.JOBS_ASYNC = True
    if per_job := os.environ.get("BENCH_PER_JOB"):
        settings.BERICHTEN_PER_JOB = int(per_job)  # to measure the one-job-per-message design too
    redis = Redis.from_url(os.environ["REDIS_URL"])
    outbox_queue = Queue("bench-berichten", connection=redis)
    noop_queue = Queue("bench-noop", connection=redis)
    outbox.queue_get = lambda: outbox_queue
    gateway = memory_gateway()

    def burst(queue):
        SimpleWorker([queue], connection=redis).work(burst=True, logging_level="WARNING")

    def run_outbox() -> float:
        Bericht.objects.all().delete()
        gateway.verzonden.clear()
        # Due a minute ago and urgent, so quiet hours do not hold them back whenever the benchmark runs.
        moment = clock.now() - timezone.timedelta(minutes=1)
        Bericht.objects.bulk_create(
            (
                Bericht(
                    telefoonnummer=f"+316{10000000 + i}",
                    tekst=f"Herinnering {i}: morgen 10:00 dienst.",
                    soort="bench",
                    sleutel=f"bench:{i}",
                    niet_voor=moment,
                    urgent=True,
                )
                for i in range(n)
            ),
            batch_size=2000,
        )
        start = time.perf_counter()
        queued = outbox.berichten_dispatch()
        burst(outbox_queue)
        elapsed = time.perf_counter() - start
        sent = Bericht.objects.filter(status=BerichtStatus.SENT).count()
        keys = {m["tekst"] for m in gateway.verzonden}
        assert queued == n and sent == n and len(gateway.verzonden) == n and len(keys) == n, (
            queued,
            sent,
            len(gateway.verzonden),
        )
        return elapsed

    def run_noop() -> float:
        start = time.perf_counter()
        for i in range(0, n, 1000):
            noop_queue.enqueue_many([Queue.prepare_data(noop) for _ in range(min(1000, n - i))])
        burst(noop_queue)
        elapsed = time.perf_counter() - start
        assert noop_queue.count == 0
        return elapsed

    results = {"outbox": [], "noop": []}
    try:
        for _ in range(rounds):
            results["noop"].append(run_noop())
            results["outbox"].append(run_outbox())
    finally:
        for queue in (outbox_queue, noop_queue):
            queue.empty()
            for registry in (queue.finished_job_registry, queue.failed_job_registry):
                for job_id in registry.get_job_ids():
                    registry.remove(job_id, delete_job=True)
        connection.close()
        teardown_databases(old_config, verbosity=0)

    noop_s = statistics.median(results["noop"])
    outbox_s = statistics.median(results["outbox"])
    print(f"messages/jobs per side: {n}, rounds: {rounds}, rows per send job: {settings.BERICHTEN_PER_JOB}")
    print(
        "no-op RQ jobs   : "
        + ", ".join(f"{t:.2f}s" for t in results["noop"])
        + f"  median {n / noop_s:,.0f}/s"
    )
    print(
        "outbox messages : "
        + ", ".join(f"{t:.2f}s" for t in results["outbox"])
        + f"  median {n / outbox_s:,.0f}/s"
    )
    ratio = noop_s / outbox_s
    print(f"ratio outbox/no-op throughput: {ratio:.0%} (goal >= 50%)")
    return 0 if ratio >= 0.5 else 1


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    sys.exit(main(count, rounds=int(os.environ.get("BENCH_ROUNDS", "3"))))
