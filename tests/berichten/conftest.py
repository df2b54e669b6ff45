"""Berichten tests run jobs inline and send to the memory gateway unless a test asks for real Redis."""

import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
import requests
from requests.adapters import BaseAdapter

from berichten import outbox
from berichten.gateways import memory_gateway

RECORDED = Path(__file__).parent / "recorded"
MOBIEL = "+31612345678"
OCHTEND = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)  # 10:00 in Amsterdam


@pytest.fixture(autouse=True)
def _berichten_inline(settings, clock):
    # A weekday morning in Amsterdam, the clock still running: quiet hours never depend on the hour
    # the suite runs at. Tests about the night set their own time with time_machine_now.
    clock.set(OCHTEND, running=True)
    settings.JOBS_ASYNC = False
    settings.TWILIO_AUTH_TOKEN = ""
    settings.TWILIO_WEBHOOK_BASE_URL = ""
    memory_gateway().verzonden.clear()
    yield
    memory_gateway().verzonden.clear()


@pytest.fixture
def verzonden() -> list[dict]:
    """What the memory gateway sent, in order."""
    return memory_gateway().verzonden


@pytest.fixture
def rq_queue(settings, monkeypatch):
    """The outbox's queue on the real Redis (the brief's own db number), emptied before and after."""
    from redis import Redis
    from rq import Queue

    settings.JOBS_ASYNC = True
    settings.BERICHTEN_RETRY_INTERVALLEN = [0]  # retry at once, so a burst worker sees the retries
    connection = Redis.from_url(os.environ["REDIS_URL"])
    connection.flushdb()
    queue = Queue("berichten", connection=connection)
    monkeypatch.setattr(outbox, "queue_get", lambda: queue)
    yield queue
    connection.flushdb()


def worker_run(queue) -> None:
    from rq import SimpleWorker

    SimpleWorker([queue], connection=queue.connection).work(burst=True)


class RecordedTwilio(BaseAdapter):
    """Twilio's HTTP side only: answers each request with the next recorded response (or exception)."""

    def __init__(self, *answers):
        super().__init__()
        self.answers = list(answers)
        self.requests: list[requests.PreparedRequest] = []

    def send(self, request, stream=False, timeout=None, verify=True, cert=None, proxies=None):
        self.requests.append(request)
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        status, name = answer
        body = (RECORDED / name).read_bytes()
        json.loads(body)  # the recordings are real JSON
        response = requests.Response()
        response.status_code = status
        response._content = body
        response.headers["Content-Type"] = "application/json; charset=utf-8"
        response.encoding = "utf-8"
        response.url = request.url
        response.request = request
        return response

    def close(self):
        pass


@pytest.fixture
def time_machine_now(clock):
    """Freeze the one clock at a moment (the outbox reads the time only through kern.clock)."""
    return clock.set
