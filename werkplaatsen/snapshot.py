"""The finder's snapshot: a gemeente's live werkplaatsen with their hours, kept in the cache.

Computing it takes three queries and a few milliseconds; serving it from the cache takes neither,
which is most of the finder's speed. Publishing, unpublishing, moving or deleting a werkplaats gives
the site a new version, so the next request builds a fresh snapshot; the date is part of the key
because which sluitingen still matter changes at midnight.
"""

import time
import uuid
from datetime import timedelta

from django.core.cache import cache
from django.db.models import Prefetch

from kern import clock
from werkplaatsen.models import Sluiting, Spreekuur, WerkplaatsPage

SNAPSHOT_SECONDS = 6 * 3600
# Fields the finder never shows; left out so the cached pages stay small.
_DEFERRED = ("body", "meenemen", "search_description", "seo_title", "foto", "inleiding", "stilteruimte")


GLOBAL_VERSION_KEY = "werkplaatsen:versie"


def _version_key(site_id: int) -> str:
    return f"werkplaatsen:{site_id}:versie"


# The global version is read on every response-cache lookup; each process keeps it for a second
# instead of asking Redis every time. A publish in this process clears it at once; other processes
# see the new version within that second.
GLOBAL_VERSION_MEMO_SECONDS = 1.0
_memo = {"version": None, "read_at": 0.0}


def invalidate(site_id: int) -> None:
    cache.set(_version_key(site_id), uuid.uuid4().hex, None)
    # The response cache cannot tell sites apart without a query, so any change renews all of it.
    cache.set(GLOBAL_VERSION_KEY, uuid.uuid4().hex, None)
    _memo["version"] = None


def global_version() -> str:
    now = time.monotonic()
    if _memo["version"] is not None and now - _memo["read_at"] < GLOBAL_VERSION_MEMO_SECONDS:
        return _memo["version"]
    version = cache.get(GLOBAL_VERSION_KEY)
    if version is None:
        cache.add(GLOBAL_VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(GLOBAL_VERSION_KEY, "")
    _memo.update(version=version, read_at=now)
    return version


def werkplaatsen_query(*, site_id: int, today):
    """The live werkplaatsen of the gemeente whose site this is, hours prefetched: three queries."""
    return (
        WerkplaatsPage.objects.live()
        .filter(gemeente__site_id=site_id)
        .select_related("gemeente")
        .defer(*_DEFERRED)
        .prefetch_related(
            Prefetch("spreekuren", queryset=Spreekuur.objects.order_by("weekdag", "opent")),
            # Sluitingen that have ended never change an answer again.
            Prefetch("sluitingen", queryset=Sluiting.objects.filter(tot__gte=today - timedelta(days=1))),
        )
        .order_by("title")
    )


def werkplaatsen_snapshot(site_id: int) -> list[WerkplaatsPage]:
    today = clock.local(clock.now()).date()
    version = cache.get(_version_key(site_id))
    if version is None:
        version = uuid.uuid4().hex
        cache.add(_version_key(site_id), version, None)
        version = cache.get(_version_key(site_id), version)
    key = f"werkplaatsen:{site_id}:{version}:{today.isoformat()}"
    pages = cache.get(key)
    if pages is None:
        pages = list(werkplaatsen_query(site_id=site_id, today=today))
        cache.set(key, pages, SNAPSHOT_SECONDS)
    return pages
