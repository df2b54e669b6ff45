"""Whole responses of the public werkplaatsen pages, kept for the minute they describe.

The finder and the werkplaats pages are the same for every resident who asks the same thing in the
same minute, and most residents ask what others asked. A hit is answered here, before sessions,
Wagtail's routing and the templates: that is what keeps the finder fast under load.

Rules that keep it correct and private:
- only GET (and HEAD, answered from what GET stored) requests without a session cookie (staff and
  volunteers always see fresh pages);
- only responses the view marked as cacheable (``mark_cacheable``), with status 200 and no cookies;
- the key holds the scheme and host (links in the pages are absolute), the path, the query and the
  current minute in Europe/Amsterdam, so "open now" is never more than a minute old, and the
  snapshot's version, so a publish renews everything.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache

from kern import clock
from werkplaatsen import snapshot

TTL_SECONDS = 90
# Paths this process has served as cacheable pages: other requests skip the cache lookups entirely.
_CACHEABLE_PATHS: set[str] = set()
_MAX_PATHS = 10_000


def mark_cacheable(request, response):
    if len(_CACHEABLE_PATHS) < _MAX_PATHS:
        _CACHEABLE_PATHS.add(request.path)
    response.werkplaatsen_cacheable = True
    return response


def _key(request) -> str:
    minute = clock.local(clock.now()).strftime("%Y%m%d%H%M")
    query = "&".join(f"{k}={v}" for k, values in sorted(request.GET.lists()) for v in values)
    raw = f"{snapshot.global_version()}|{request.scheme}://{request.get_host()}|{request.path}|{query}|{minute}"
    return "werkplaatsen:antwoord:" + hashlib.sha1(raw.encode(), usedforsecurity=False).hexdigest()


class ResponseCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.method not in ("GET", "HEAD")
            or request.path not in _CACHEABLE_PATHS
            or settings.SESSION_COOKIE_NAME in request.COOKIES
        ):
            return self._store_if_marked(request, self.get_response(request), None)
        key = _key(request)
        cached = cache.get(key)
        if cached is not None:
            return cached
        return self._store_if_marked(request, self.get_response(request), key)

    @staticmethod
    def _store_if_marked(request, response, key):
        if (
            getattr(response, "werkplaatsen_cacheable", False)
            and request.method == "GET"
            and response.status_code == 200
            and not response.cookies
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
        ):
            cache.set(key or _key(request), response, TTL_SECONDS)
        return response
