"""A Redis that dies or hangs under the site: pages keep coming, fast, and /healthz says so.

Before: every page was a 500 (Wagtail's pageurl reads the cache), after 5 s each when Redis hung,
while /healthz answered "ok". A real redis-server of the test's own is killed and paused mid-run.
"""

import json
import logging
import os
import shutil
import signal
import socket
import subprocess
import time

import pytest
import redis

from werkplaats_site import cache as resilient

pytestmark = [pytest.mark.redis, pytest.mark.django_db]

PAGES = ["/", "/werkplaatsen/", "/werkplaatsen/?q=8011", "/werkplaatsen/binnenstad/"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def eigen_redis():
    """A redis-server on a port of its own, so killing it touches nobody else."""
    binary = shutil.which("redis-server")
    assert binary, "redis-server is needed (apt-get install redis-server)"
    port = _free_port()
    # The server is not what is under test: it runs on the real clock even when the suite runs
    # under faketime (which a child would otherwise inherit through LD_PRELOAD, and hang on).
    env = {k: v for k, v in os.environ.items() if k != "LD_PRELOAD" and not k.startswith("FAKETIME")}
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    client = redis.Redis(port=port, socket_connect_timeout=0.2)
    for _ in range(100):
        try:
            client.ping()
            break
        except redis.RedisError:
            time.sleep(0.05)
    yield process, f"redis://127.0.0.1:{port}/0"
    if process.poll() is None:
        os.kill(process.pid, signal.SIGCONT)
        process.kill()
    process.wait(timeout=5)


@pytest.fixture
def site_on_redis(settings, netwerk, eigen_redis):
    process, url = eigen_redis
    settings.CACHES = {
        "default": {
            "BACKEND": "werkplaats_site.cache.ResilientRedisCache",
            "LOCATION": url,
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
        }
    }
    resilient._down, resilient._down_until = False, 0.0
    yield process
    resilient._down, resilient._down_until = False, 0.0


def _timed_get(client, path):
    start = time.monotonic()
    response = client.get(path)
    return response, time.monotonic() - start


def test_pages_keep_coming_when_redis_is_killed(site_on_redis, client, caplog):
    for path in PAGES:
        assert client.get(path).status_code == 200, path
    health = json.loads(client.get("/healthz").content)
    assert health["cache"] == "ok"

    site_on_redis.kill()
    site_on_redis.wait(timeout=5)
    with caplog.at_level(logging.WARNING):
        for _ in range(3):
            for path in PAGES:
                response, seconds = _timed_get(client, path)
                assert response.status_code == 200, path
                assert seconds < 2, (path, seconds)
    outage_logs = [r for r in caplog.records if "Cache (Redis) unavailable" in r.getMessage()]
    assert len(outage_logs) == 1  # logged once, not per request
    health = client.get("/healthz")
    assert health.status_code == 200
    assert json.loads(health.content)["status"] == "degraded"
    assert json.loads(health.content)["cache"] == "unreachable"


def test_a_hanging_redis_costs_at_most_a_moment_per_retry(site_on_redis, client):
    assert client.get("/").status_code == 200
    os.kill(site_on_redis.pid, signal.SIGSTOP)  # accepts connections, never answers
    try:
        timings = []
        for _ in range(2):
            for path in PAGES:
                response, seconds = _timed_get(client, path)
                assert response.status_code == 200, path
                timings.append(seconds)
        # The first request waits for one time-out; the open circuit spares the rest.
        assert max(timings) < 2.5, timings
        assert sorted(timings)[len(timings) // 2] < 0.5, timings
    finally:
        os.kill(site_on_redis.pid, signal.SIGCONT)
