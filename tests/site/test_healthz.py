import json
from unittest import mock

import pytest
from django.db import OperationalError


@pytest.mark.django_db
def test_healthy_database_answers_200(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = json.loads(response.content)
    assert body["database"] == "ok"
    assert body["status"] in {"ok", "degraded"}
    assert response["Cache-Control"].startswith("max-age=0")


@pytest.mark.django_db
def test_unreachable_database_answers_503(client):
    with mock.patch("werkplaats_site.views.connection.cursor", side_effect=OperationalError("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content)["database"] == "unreachable"
    assert json.loads(response.content)["status"] == "unhealthy"


@pytest.mark.django_db
def test_without_redis_jobs_are_reported_synchronous(client, settings):
    settings.JOBS_ASYNC = False
    assert json.loads(client.get("/healthz").content)["queue"] == "synchronous"


@pytest.mark.django_db
def test_redis_down_degrades_but_stays_200(client, settings):
    # Port 1 on loopback: nothing listens, the connection is refused at once.
    settings.JOBS_ASYNC = True
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    response = client.get("/healthz")
    assert response.status_code == 200
    assert json.loads(response.content) == {
        "status": "degraded", "database": "ok", "cache": "local", "queue": "unreachable"
    }


@pytest.mark.redis
@pytest.mark.django_db
def test_real_redis_is_reported_ok(client, settings):
    import os

    settings.JOBS_ASYNC = True
    settings.REDIS_URL = os.environ["REDIS_URL"]
    settings.CACHES = {
        "default": {"BACKEND": "werkplaats_site.cache.ResilientRedisCache", "LOCATION": os.environ["REDIS_URL"]}
    }
    assert json.loads(client.get("/healthz").content) == {
        "status": "ok", "database": "ok", "cache": "ok", "queue": "ok"
    }


@pytest.mark.django_db
def test_healthz_refuses_writes(client):
    assert client.post("/healthz").status_code == 405
