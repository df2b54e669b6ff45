"""A Redis cache that degrades instead of failing: when Redis is gone or hangs, every read is a miss.

The cache only holds what is cheap to lose (the finder's snapshot, whole responses, geocoding
answers, Wagtail's own entries). Django's RedisCache raises on a refused or timed-out connection, and
Wagtail's ``pageurl`` reads the cache on every page, so without this one Redis outage made every page
a 500 (after 5 s each when Redis hung). Here:

- connections and reads time out after ``socket_timeout`` (settings give a quarter of a second);
- an error turns reads into misses and writes into no-ops, and opens a circuit for
  ``RETRY_SECONDS``: during that time nobody waits for Redis at all;
- the first error of an outage is logged (once), and so is the first success after it.

``/healthz`` asks ``cache_state()`` so the outage shows there too.
"""

import logging
import threading
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_SECONDS = 5.0

_lock = threading.Lock()
_down_until = 0.0  # monotonic time until which Redis is not tried (per process)
_down = False


def _available() -> bool:
    return time.monotonic() >= _down_until


def _failed(error: Exception) -> None:
    global _down_until, _down
    with _lock:
        if not _down:
            logger.error("Cache (Redis) unavailable, serving without it: %s", type(error).__name__)
        _down = True
        _down_until = time.monotonic() + RETRY_SECONDS


def _succeeded() -> None:
    global _down
    if _down:
        with _lock:
            if _down:
                logger.warning("Cache (Redis) is back")
            _down = False


def cache_state() -> str:
    """'ok', or 'unreachable' while this process has the circuit open."""
    return "ok" if not _down else "unreachable"


def _guarded(name: str, fallback):
    original = getattr(RedisCacheClient, name)

    def method(self, *args, **kwargs):
        if not _available():
            return fallback(*args, **kwargs)
        try:
            result = original(self, *args, **kwargs)
        except RedisError as error:
            _failed(error)
            return fallback(*args, **kwargs)
        _succeeded()
        return result

    method.__name__ = name
    return method


def _incr_unavailable(*args, **kwargs):
    # A counter has no safe default; callers of incr already handle ValueError (missing key).
    raise ValueError("cache unavailable")


class ResilientRedisCacheClient(RedisCacheClient):
    get = _guarded("get", lambda key, default=None: default)
    add = _guarded("add", lambda *a, **k: False)
    set = _guarded("set", lambda *a, **k: None)
    touch = _guarded("touch", lambda *a, **k: False)
    delete = _guarded("delete", lambda *a, **k: False)
    get_many = _guarded("get_many", lambda *a, **k: {})
    has_key = _guarded("has_key", lambda *a, **k: False)
    incr = _guarded("incr", _incr_unavailable)
    set_many = _guarded("set_many", lambda *a, **k: [])
    delete_many = _guarded("delete_many", lambda *a, **k: None)
    clear = _guarded("clear", lambda *a, **k: False)


class ResilientRedisCache(RedisCache):
    """Django's RedisCache with ResilientRedisCacheClient underneath."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ResilientRedisCacheClient
