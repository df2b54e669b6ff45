"""Operational endpoints of the project itself."""

import logging

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def _database_state() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("Health check: database unreachable")
        return "unreachable"
    return "ok"


def _cache_state() -> str:
    """The shared cache: without Redis it lives in this process ("local"), else Redis must answer."""
    location = settings.CACHES["default"].get("LOCATION", "")
    if not str(location).startswith(("redis://", "rediss://", "unix://")):
        return "local"
    import redis

    try:
        redis.Redis.from_url(location, socket_timeout=0.5, socket_connect_timeout=0.5).ping()
    except redis.RedisError:
        logger.warning("Health check: cache (Redis) unreachable; pages are served without it")
        return "unreachable"
    return "ok"


def _queue_state() -> str:
    if not settings.JOBS_ASYNC:
        return "synchronous"
    import redis

    try:
        client = redis.Redis.from_url(settings.REDIS_URL, socket_timeout=1, socket_connect_timeout=1)
        client.ping()
    except redis.RedisError:
        logger.warning("Health check: job queue (Redis) unreachable")
        return "unreachable"
    return "ok"


@never_cache
@require_safe
def healthz(request):
    """200 while the database answers; Redis down degrades (slower pages, later jobs), it does not fail.

    Each part says how it is, so monitoring sees a Redis outage even though the site keeps serving.
    """
    database = _database_state()
    cache = _cache_state()
    queue = _queue_state()
    if database != "ok":
        status, code = "unhealthy", 503
    elif "unreachable" in (cache, queue):
        status, code = "degraded", 200
    else:
        status, code = "ok", 200
    return JsonResponse({"status": status, "database": database, "cache": cache, "queue": queue}, status=code)
